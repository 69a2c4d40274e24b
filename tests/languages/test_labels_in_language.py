"""No English label where the visitor's language has one: every page that names a Task Force,
a region or a role outside the strategy pages shows it in the visitor's language."""

import html

import pytest
from django.conf import settings

from strategy_pages.choices import Role
from strategy_pages.loader import read_translations
from taskforce_forms.inbox import decisions
from taskforce_forms.models import ApplicationStatus, Decision

from ..factories import apply, objective, partner_user, region, secretariat_user

pytestmark = pytest.mark.django_db

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
TRANSLATIONS = read_translations()


def shown(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def representative():
    """A Regional Representative for Africa on Task Force A1, nominated and named."""

    def make(language):
        return apply(
            partner_user(f"paula-{language}"),
            "A1",
            role=Role.REGIONAL_REPRESENTATIVE,
            region=region("Africa"),
            language=language,
            consent_to_publication=True,
        )

    return make


@pytest.mark.parametrize("language", TRANSLATED)
def test_my_applications_name_the_task_force_and_region_in_the_language(
    client, representative, language
):
    application = representative(language)
    client.force_login(application.user)
    label, africa = TRANSLATIONS[language]["NDCs"], TRANSLATIONS[language]["Africa"]
    listing = shown(client.get(f"/{language}/my-applications/"))
    assert f"· {label}</a>" in listing and f"({africa})" in listing
    assert "· NDCs<" not in listing and "(Africa)" not in listing
    detail = shown(client.get(f"/{language}/my-applications/{application.pk}/"))
    assert africa in detail and "Africa" not in detail
    assert TRANSLATIONS[language][objective("A1").title] in detail


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_join_form_names_the_task_force_and_regions_in_the_language(client, language):
    client.force_login(partner_user())
    step = shown(client.get(f"/{language}/join/c3/role/"))
    assert TRANSLATIONS[language]["Increased investments"] in step
    assert "Increased investments" not in step
    client.post(
        f"/{language}/join/c3/role/",
        {"join_c3-current_step": "role", "role-role": Role.REGIONAL_REPRESENTATIVE},
    )
    regions = shown(client.get(f"/{language}/join/c3/region/"))
    for name in ("Africa", "Asia and the Pacific", "Latin America and the Caribbean"):
        assert TRANSLATIONS[language][name] in regions
        assert f">{name}<" not in regions


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_public_roster_names_the_region_in_the_language(client, representative, language):
    application = representative(language)
    decisions.decide(application, Decision.SHORTLIST, by=secretariat_user())
    decisions.decide(application, Decision.NOMINATE, by=secretariat_user("sam2"))
    assert application.__class__.objects.get(pk=application.pk).status == (
        ApplicationStatus.NOMINATED
    )
    page = shown(client.get(f"/{language}/task-forces/goal-a/a1/"))
    assert f"{TRANSLATIONS[language]['Africa']}:</span>" in page
    assert "Africa:" not in page

