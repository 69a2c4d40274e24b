"""What makes cached public pages out of date: the people a Task Force page names or counts."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from home.page_cache import new_generation

from .models import Application, ApplicationEvent, ApplicationStatus, Organization, Profile, Region

ROSTER_STATUSES = {ApplicationStatus.NOMINATED, ApplicationStatus.ACCEPTED}


def forget_pages_on_roster_change(sender, instance, created, **kwargs):
    if {instance.from_status, instance.to_status} & ROSTER_STATUSES:
        new_generation()


def forget_pages_on_name_change(sender, instance, update_fields=None, **kwargs):
    """A nominated person's or organization's name is on the public pages. A login, which only
    updates `last_login`, changes nothing there."""
    if update_fields is None or set(update_fields) - {"last_login"}:
        new_generation()


def forget_pages(sender, **kwargs):
    new_generation()


def connect():
    post_save.connect(forget_pages_on_roster_change, sender=ApplicationEvent)
    post_delete.connect(forget_pages, sender=Application)
    for model in (get_user_model(), Organization, Profile):
        post_save.connect(forget_pages_on_name_change, sender=model)
    for signal in (post_save, post_delete):
        signal.connect(forget_pages, sender=Region)
