"""Six languages: translated content and headings everywhere, the join form's steps, the
browser's language on the first visit, alternates, and the translators' report."""

import html as html_module
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import Locale

from strategy_pages.loader import read_strategy, read_translations
from strategy_pages.models import GoalPage, ObjectivePage
from taskforce_forms.inbox import decisions
from taskforce_forms.models import Decision

from ..factories import apply, editor_user, partner_user, region, secretariat_user

pytestmark = pytest.mark.django_db

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
TRANSLATIONS = read_translations()
STRATEGY = read_strategy()["strategy"]


def h1(response):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


def test_the_data_file_translates_every_name_into_every_language():
    names = [STRATEGY["title"]]
    for goal in STRATEGY["goals"]:
        names += [goal["name"], goal["statement"]]
        names += [text for o in goal["objectives"] for text in (o["label"], o["title"])]
    for step in STRATEGY["join_steps"]:
        names += [step["title"], step["text"]]
    for role in STRATEGY["roles"]:
        names += [role["name"], *role["responsibilities"]]
    for language in TRANSLATED:
        missing = [name for name in names if not TRANSLATIONS[language].get(name)]
        assert missing == [], (language, missing[:3])


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_page_has_its_heading_in_the_language(client, language):
    """Home, Strategy, the goals and the objectives: 200, with the translated title as h1."""
    translations = TRANSLATIONS[language]
    locale = Locale.objects.get(language_code=language)
    pages = [
        *GoalPage.objects.filter(locale=locale),
        *ObjectivePage.objects.filter(locale=locale),
    ]
    english = {
        p.translation_key: p.title for p in GoalPage.objects.filter(locale__language_code="en")
    }
    english |= {
        p.translation_key: p.title for p in ObjectivePage.objects.filter(locale__language_code="en")
    }
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert h1(response) == translations[english[page.translation_key]], page.url
    strategy = client.get(f"/{language}/task-forces/")
    assert h1(strategy) == translations[STRATEGY["title"]]
    for step in STRATEGY["join_steps"]:
        assert html_module.escape(translations[step["title"]]) in strategy.content.decode()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_step_of_the_join_form_is_in_the_language(client, language):
    """Role, region, call for information and review: 200, with translated headings."""
    client.force_login(partner_user())
    with translation.override(language):
        heading = gettext("Join Task Force %(code)s") % {"code": "A1"}
        step_labels = {
            "role": gettext("Role"),
            "region": gettext("Region"),
            "qualification": gettext("Call for information"),
            "review": gettext("Review and send"),
        }
    answers = {
        "role": {"role": "regional_representative"},
        "region": {"region": region("Africa").pk},
        "qualification": {
            "qualification": "Soil carbon research, twenty years. " * 3,
            "availability": "all",
        },
    }
    for step in ("role", "region", "qualification", "review"):
        page = client.get(f"/{language}/join/a1/{step}/")
        assert page.status_code == 200, step
        assert h1(page) == heading
        assert step_labels[step] in page.content.decode()
        if step in answers:
            client.post(
                f"/{language}/join/a1/{step}/",
                {"join_a1-current_step": step}
                | {f"{step}-{name}": value for name, value in answers[step].items()},
            )


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("ar", "/ar/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("ru-RU", "/ru/"),
        ("es-AR", "/es/"),
        ("de-DE", "/en/"),
    ],
)
def test_the_first_visit_follows_the_browsers_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response["Location"] == expected


def test_every_page_has_canonical_alternates_and_x_default(client):
    html = client.get("/es/task-forces/goal-b/b2/?utm=x").content.decode()
    base = "http://testserver"
    assert f'<link rel="canonical" href="{base}/es/task-forces/goal-b/b2/">' in html
    for code, _name in settings.LANGUAGES:
        assert f'hreflang="{code}" href="{base}/{code}/task-forces/goal-b/b2/"' in html
    assert f'hreflang="x-default" href="{base}/en/task-forces/goal-b/b2/"' in html


def test_arabic_is_right_to_left_and_codes_stay_readable(client):
    html = client.get("/ar/task-forces/goal-c/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<span class="code">C3</span>' in html


def test_decision_e_mails_format_dates_for_the_applicants_language(
    django_capture_on_commit_callbacks,
):
    application = apply(partner_user(), language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        event = decisions.decide(application, Decision.ACCEPT, by=secretariat_user())
    with translation.override("ru"):
        date = date_format(event.created_at, "DATE_FORMAT")
    assert date in mail.outbox[0].body
    assert re.search(r"\d+ [а-я]+ \d{4}", date)


# The translators' report


def test_the_translations_report_shows_every_page_complete_in_every_language(client):
    client.force_login(editor_user())
    html = client.get("/admin/reports/translations/").content.decode()
    assert html.count('<td class="translation-complete">') == 32 * len(TRANSLATED)


def test_the_report_costs_a_few_queries(client, django_assert_max_num_queries):
    client.force_login(editor_user())
    client.get("/admin/reports/translations/")
    with django_assert_max_num_queries(25):
        assert client.get("/admin/reports/translations/").status_code == 200
