"""The Initiative's five regions, and what the Secretariat group may do with the people data."""

import uuid

from django.db import migrations

REGIONS = [
    "Africa",
    "Asia and the Pacific",
    "Europe",
    "Latin America and the Caribbean",
    "North America",
]

SECRETARIAT_PERMISSIONS = {
    "organization": ["add", "change", "delete", "view"],
    "profile": ["change", "view"],
    "region": ["add", "change", "delete", "view"],
    "accessrequest": ["change", "view"],
    "application": ["change", "view"],
}


def create_regions(apps, schema_editor):
    Region = apps.get_model("taskforce_forms.Region")
    Locale = apps.get_model("wagtailcore.Locale")
    locale = Locale.objects.get(language_code="en")
    for order, name in enumerate(REGIONS):
        Region.objects.get_or_create(
            name=name,
            locale=locale,
            defaults={"sort_order": order, "translation_key": uuid.uuid4()},
        )


def grant_secretariat(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    secretariat, _ = Group.objects.get_or_create(name="Secretariat")
    for model, actions in SECRETARIAT_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="taskforce_forms", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            secretariat.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("taskforce_forms", "0001_initial"),
        ("home", "0003_editors_and_secretariat_groups"),
    ]

    operations = [
        migrations.RunPython(create_regions, migrations.RunPython.noop),
        migrations.RunPython(grant_secretariat, migrations.RunPython.noop),
    ]
