import django.db.models.deletion
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations, models
from django.utils import timezone


def keep_everyone_signed_in(apps, schema_editor):
    """Copies the sessions still valid, with their user: the store's data is signed and encoded
    as Django's, so nobody is signed out by the move."""
    django_sessions = apps.get_model("sessions", "Session").objects
    Session = apps.get_model("taskforce_forms", "Session")
    decode = SessionStore().decode
    Session.objects.bulk_create(
        Session(
            session_key=old.session_key,
            session_data=old.session_data,
            expire_date=old.expire_date,
            user_id=decode(old.session_data).get(SESSION_KEY),
        )
        for old in django_sessions.filter(expire_date__gt=timezone.now()).iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("taskforce_forms", "0012_project_ideas"),
        ("sessions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                (
                    "session_key",
                    models.CharField(
                        max_length=40, primary_key=True, serialize=False, verbose_name="session key"
                    ),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                (
                    "user",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
                "db_table": "taskforce_forms_session",
                "abstract": False,
            },
        ),
        migrations.RunPython(keep_everyone_signed_in, migrations.RunPython.noop),
    ]
