"""Erasing a person at their request, all or nothing. Applications are kept, anonymous, for the
Task Forces' figures and history; every other record of the person goes."""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.page_cache import new_generation

from ..models import Application, OutgoingMail, PersonalDataErasure
from . import audit
from .export import Person

ERASED_NOTE = _("Personal data erased at the person's request.")
ACCOUNT_DELETED_NOTE = _("The applicant's account was deleted.")
ERASED_LABEL = _("erased person")


class ErasureRefused(Exception):
    """An erasure the rules refuse; its message is shown to the Secretariat."""


def refusal(user):
    """Why `user` cannot be erased here, or None."""
    if user.is_superuser or user.is_staff:
        return gettext(
            "%(username)s has access to the Wagtail admin. Staff accounts are not erased here: "
            "an administrator first removes their access, in Settings › Users."
        ) % {"username": user.username}
    return None


def erasure_counts(user):
    """What an erasure of `user` anonymises or deletes, by kind, for the confirmation page and
    the erasure's record."""
    person = Person(user)
    applications = person.applications()
    return {
        "applications": applications.count(),
        "open_applications": applications.open().count(),
        "access_requests": person.access_requests().count(),
        "join_form_drafts": person.join_drafts().count(),
        "project_ideas": person.project_ideas().count(),
        "project_teams": person.project_teams().count(),
        "emails": len(person.mails()),
        "login_records": sum(records.count() for records in person.login_records()),
    }


def erase_person(user, by):
    """Erases a person at their request, all or nothing: applications anonymised (open ones
    withdrawn), every other record of them deleted, then the account. Returns the record."""
    reason = refusal(user)
    if reason:
        raise ErasureRefused(reason)
    person = Person(user)
    with transaction.atomic():
        counts = erasure_counts(user)
        mails = person.mails()
        applications = list(Application.objects.filter(user=user).select_for_update())
        for application in applications:
            application.anonymise(by, note=str(ERASED_NOTE))
        OutgoingMail.objects.filter(pk__in=[mail.pk for mail in mails]).delete()
        profile = getattr(user, "profile", None)
        audit.forget_labels(
            [user, *filter(None, [profile]), *applications, *person.access_requests()],
            ERASED_LABEL,
        )
        person.access_requests().delete()
        person.join_drafts().delete()
        # Their ideas stay, the Task Force's work, without them (`proposer` is set to null
        # with the account); their places in project teams go.
        person.project_teams().delete()
        for records in person.login_records():
            records.delete()
        erasure = PersonalDataErasure.objects.create(erased_by=by, counts=counts)
        audit.record(user, audit.ERASE_PERSON, by=by, data=counts, title=ERASED_LABEL)
        user.delete()
        new_generation()  # the person's name may have been on public pages
    return erasure
