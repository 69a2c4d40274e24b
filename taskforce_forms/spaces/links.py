"""The link to a Task Force's space on its objective page, for its members only: a visitor's
part (`home.visitor_parts`), since the page itself is cached once for every visitor."""

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import get_language, get_supported_language_variant, override

from home import visitor_parts
from home.page_cache import remembered

from ..models import Application

SPACE_LINK = "taskforce_forms/spaces/space_link.html"


def space_link(request, code):
    """The link for a member of Task Force `code`, nothing for anyone else."""
    user = request.user
    if not user.is_authenticated or code.upper() not in member_of(user):
        return ""
    return get_template(SPACE_LINK).render({"code": code.upper()})


def space_url(code):
    """The address of Task Force `code`'s space in the active language, or in the site's
    default where the active language (the admin's, say) is not one of the site's."""
    try:
        language = get_supported_language_variant(get_language())
    except LookupError:
        language = settings.LANGUAGE_CODE
    with override(language):
        return reverse("task_force_space", kwargs={"code": code.lower()})


def member_of(user):
    """The codes of the Task Forces `user` is a member of, kept until the next generation of
    the page cache: a page from the shared cache then costs a member no query more than the
    session and the user. Every change of membership (a status to or from a roster status, an
    application deleted) starts a new generation (`taskforce_forms.signal_handlers`)."""
    return remembered(
        f"task-force-memberships:{user.pk}",
        lambda: frozenset(
            Application.objects.members()
            .filter(user=user)
            .values_list("task_force__code", flat=True)
        ),
    )


def register():
    visitor_parts.register("space-link", space_link)
