"""The people of a Task Force's space in the tests: a team for A1, and everyone else."""

from django.contrib.auth import get_user_model

from strategy_pages.choices import Role
from taskforce_forms.models import ApplicationStatus

from ..factories import (
    apply,
    editor_user,
    make_user,
    member_user,
    partner_user,
    region,
    secretariat_user,
    visitor_user,
)

A1_SPACE = "/en/spaces/a1/"
A1_CONTACT = "/en/spaces/a1/contact-details/"


def team_member(username="tamara", code="A1", **fields):
    user = make_user(username)
    apply(user, code, status=ApplicationStatus.ACCEPTED, **fields)
    return user


def arabic_reader(username="samira", time_zone="Asia/Riyadh"):
    """An A1 Team Member who reads the site and her e-mails in Arabic."""
    user = team_member(username)
    user.profile.preferred_language = "ar"
    user.profile.time_zone = time_zone
    user.profile.save()
    return user


def leader(username="leila"):
    user = partner_user(username)
    apply(user, "A1", role=Role.LEADER, status=ApplicationStatus.NOMINATED)
    return user


def representative(username="rafael", region_name="Europe"):
    user = partner_user(username)
    apply(
        user,
        "A1",
        role=Role.REGIONAL_REPRESENTATIVE,
        region=region(region_name),
        status=ApplicationStatus.NOMINATED,
    )
    return user


def applicant(username="aline"):
    user = member_user(username)
    apply(user, "A1")
    return user


def superuser(username="root"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "x")


__all__ = ["editor_user", "secretariat_user", "visitor_user"]
