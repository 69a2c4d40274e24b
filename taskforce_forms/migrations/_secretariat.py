"""Shared by data migrations (the loader skips modules whose name starts with "_"): gives the
Secretariat group permissions on a model, creating them if migrations run before post_migrate."""


def grant_secretariat(apps, model, permissions):
    """`permissions` maps codenames to their names, e.g. {"view_outgoingmail": "Can view…"}."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    secretariat, _ = Group.objects.get_or_create(name="Secretariat")
    content_type, _ = ContentType.objects.get_or_create(app_label="taskforce_forms", model=model)
    for codename, name in permissions.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        secretariat.permissions.add(permission)
