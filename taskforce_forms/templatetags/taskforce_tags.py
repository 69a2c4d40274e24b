from django import template
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language

from home.page_cache import PEOPLE, remembered

from ..models import stage_counts
from ..roster import public_roster

register = template.Library()

NO_IDEAS = {"ideas": 0, "concepts": 0, "presented": 0, "funded": 0}


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template, or None."""
    return (mapping or {}).get(key)


@register.simple_tag
def task_force_roster(objective):
    """The people of an objective's Task Force, as its public page shows them, in the active
    language: kept until the people change, so a publish does not query them again."""
    return remembered(
        f"roster:{get_language()}:{objective.translation_key}",
        lambda: render_to_string(
            "taskforce_forms/includes/roster.html", {"roster": public_roster(objective)}
        ),
        generation=PEOPLE,
    )


@register.inclusion_tag("taskforce_forms/includes/idea_counts.html")
def project_idea_counts(objective):
    """How many project ideas an objective's Task Force has and how far they went: counts only,
    the same for every visitor (the page is cached once for all). Every Task Force's counts
    come in one query, kept until an idea or a move renews the people's generation."""
    counts = remembered("project-idea-counts", stage_counts, generation=PEOPLE)
    return {"counts": counts.get(objective.translation_key, NO_IDEAS)}


@register.simple_tag
def set_password_url(user):
    """A link to choose a password, made when the e-mail is rendered: a retried e-mail carries
    a fresh one, and the outbox never stores it."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL + path
