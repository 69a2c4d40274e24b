"""Receivers: cached public pages forgotten when the people they name or count change, and an
account deleted by any means leaving no answers in its applications."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete

from home.page_cache import new_generation

from .models import (
    ROSTER_STATUSES,
    Application,
    ApplicationEvent,
    Organization,
    Profile,
    ProjectIdea,
    ProjectIdeaEvent,
    Region,
)
from .privacy.erasure import ACCOUNT_DELETED_NOTE


def forget_pages_on_roster_change(sender, instance, created, **kwargs):
    if {instance.from_status, instance.to_status} & set(ROSTER_STATUSES):
        new_generation()


def forget_pages_on_new_member(sender, instance, created, **kwargs):
    """An application saved straight into a roster status (an import, the admin) has no event."""
    if created and instance.status in ROSTER_STATUSES:
        new_generation()


def forget_pages_on_name_change(sender, instance, created, update_fields=None, **kwargs):
    """A nominated person's or organization's name is on the public pages. A login, which only
    updates `last_login`, changes nothing there; nor does a new account or organization, which
    no application names yet: a sign-up leaves the cached pages."""
    if created and not may_be_on_a_roster(instance):
        return
    if update_fields is None or set(update_fields) - {"last_login"}:
        new_generation()


def may_be_on_a_roster(new_instance):
    """A new account or organization is on no roster; a new profile may be a member's, and
    name their organization."""
    return (
        isinstance(new_instance, Profile)
        and Application.objects.members().filter(user_id=new_instance.user_id).exists()
    )


def forget_pages(sender, **kwargs):
    new_generation()


def anonymise_applications_of_deleted_account(sender, instance, **kwargs):
    """An account deleted some other way (Settings › Users, a shell) leaves no answers behind
    in the applications it detaches from."""
    for application in Application.objects.filter(user=instance).select_for_update():
        application.anonymise(by=None, note=str(ACCOUNT_DELETED_NOTE))


def connect():
    post_save.connect(forget_pages_on_roster_change, sender=ApplicationEvent)
    post_save.connect(forget_pages_on_new_member, sender=Application)
    post_delete.connect(forget_pages, sender=Application)
    # An objective's page counts its project ideas by stage: a new idea, a move, a deletion.
    post_save.connect(forget_pages, sender=ProjectIdeaEvent)
    post_delete.connect(forget_pages, sender=ProjectIdea)
    for model in (get_user_model(), Organization, Profile):
        post_save.connect(forget_pages_on_name_change, sender=model)
    for signal in (post_save, post_delete):
        signal.connect(forget_pages, sender=Region)
    pre_delete.connect(anonymise_applications_of_deleted_account, sender=get_user_model())
