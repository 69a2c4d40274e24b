from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("taskforce_forms", "0010_knowledge_entry"),
    ]

    operations = []
