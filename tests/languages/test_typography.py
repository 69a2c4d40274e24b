"""Dates and lists as each language writes them."""

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from home.text import join_items
from strategy_pages.choices import Role
from taskforce_forms.inbox import decisions
from taskforce_forms.models import ApplicationStatus, Decision

from ..factories import apply, partner_user, region, secretariat_user

MOMENT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "1 ديسمبر، 2026، 9:30"),
        ("ru", "1 декабря 2026, 9:30"),
        ("fr", "1 décembre 2026 09:30"),
        ("en", "Dec. 1, 2026, 9:30 a.m."),
    ],
)
def test_dates_with_times_read_in_the_languages_order(language, expected):
    with translation.override(language):
        assert date_format(MOMENT, "DATETIME_FORMAT") == expected


def test_a_russian_date_ending_a_sentence_has_one_full_stop():
    with translation.override("ru"):
        assert date_format(MOMENT, "DATE_FORMAT") == "1 декабря 2026"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "أ، ب، ج"), ("zh-hans", "甲、乙、丙"), ("fr", "a, b, c")],
)
def test_lists_use_the_languages_comma(language, expected):
    items = {"ar": ["أ", "ب", "ج"], "zh-hans": ["甲", "乙", "丙"]}.get(language, ["a", "b", "c"])
    with translation.override(language):
        assert join_items(items) == expected


@pytest.mark.django_db
def test_a_russian_decision_e_mail_has_no_double_full_stop(django_capture_on_commit_callbacks):
    application = apply(partner_user(), language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide(application, Decision.ACCEPT, by=secretariat_user())
    body = mail.outbox[-1].body
    assert re.search(r"\d{4}\.", body) and ".." not in body


@pytest.mark.django_db
def test_the_arabic_roster_separates_name_and_organization_with_the_arabic_comma(client):
    application = apply(
        partner_user(),
        "A1",
        role=Role.REGIONAL_REPRESENTATIVE,
        region=region("Africa"),
        consent_to_publication=True,
    )
    application.__class__.objects.filter(pk=application.pk).update(
        status=ApplicationStatus.NOMINATED
    )
    html = client.get("/ar/task-forces/goal-a/a1/").content.decode()
    assert 'Paula Tester</span>، <span dir="auto">Paula Organization' in html
