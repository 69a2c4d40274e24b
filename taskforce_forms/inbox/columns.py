"""The inbox's columns as people read them: names, organizations, membership statuses."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from ..models import person_name, user_organization


def applicant_name(application):
    if application.user is None:
        return gettext("Personal data erased")
    return person_name(application.user)


def organization_name(application):
    organization = user_organization(application.user)
    return organization.name if organization else ""


def membership_status(application):
    organization = user_organization(application.user)
    return organization.get_membership_status_display() if organization else "—"


def received(application):
    """The date and time, short, on one line."""
    return date_format(localtime(application.submitted_at), "SHORT_DATETIME_FORMAT")
