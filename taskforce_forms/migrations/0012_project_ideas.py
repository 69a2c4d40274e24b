from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("taskforce_forms", "0011_meetings"),
    ]

    operations = []
