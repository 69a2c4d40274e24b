"""Who signs in with a second factor, and whose session is a staff session."""

from django.conf import settings
from django_otp import user_has_device

SECRETARIAT = "Secretariat"

# Whoever holds one of these reads people's personal data in the admin.
PERSONAL_DATA_PERMISSIONS = (
    "taskforce_forms.view_application",
    "taskforce_forms.change_application",
    "taskforce_forms.view_profile",
)


def handles_personal_data(user):
    """Superusers and the Secretariat: they read, export and erase people's data."""
    return (
        user.is_superuser
        or user.groups.filter(name=SECRETARIAT).exists()
        or any(user.has_perm(permission) for permission in PERSONAL_DATA_PERMISSIONS)
    )


def is_staff_member(user):
    """Anyone who works in the admin: the Secretariat, superusers, editors."""
    return user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def needs_second_factor(user):
    """The Secretariat and superusers always; editors when the setting asks it of them; and
    anyone who has enrolled, since a factor that may be skipped protects nothing."""
    return (
        handles_personal_data(user)
        or (settings.SECOND_FACTOR_FOR_EDITORS and is_staff_member(user))
        or user_has_device(user)
    )
