"""Whatever the address of a Secretariat list asks, the answer is the list: a filter the list
does not offer, or a choice its filter does not offer, is left out and said above the list in
the person's language, never a 500, never passed to the database (no list is filtered on
passwords), and an export asked so is not made."""

import html as html_module
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.users.models import UserProfile

from taskforce_forms.models import Application, OutgoingMail

from ..factories import (
    access_request as make_access_request,
)
from ..factories import (
    apply,
    member_user,
    partner_user,
    region,
    secretariat_user,
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/taskforce_forms/"
APPLICATIONS = ADMIN + "application/"
LISTS = [
    APPLICATIONS,
    ADMIN + "accessrequest/",
    ADMIN + "profile/",
    ADMIN + "organization/",
    ADMIN + "outgoingmail/",
]
# The tests hash passwords with MD5: a list filtered on `pbkdf2` would show nobody.
MALFORMED = [
    "region=abc",
    "region=99999999999999999999999999",
    "region=1&region=2",
    "goal=A&goal=B",
    "task_force=" + "A1" * 5000,
    "status=%00",
    "status__exact=nope",
    "role__exact=",
    "membership_status__exact=%3Cscript%3Ealert(1)%3C/script%3E",
    "submitted_at__gte=garbage",
    "created_at__gte=2026-02-30",
    "submitted_at__gte=0001-01-01T00:00:00%2B05:00",
    "created_at__lt=9999-12-31T23:59:59-05:00",
    "submitted_at__lt=2026-01-01&submitted_at__lt=2027-01-01",
    "user__nope=1",
    "user__password__startswith=pbkdf2",
    "user__password__startswith=zzz",
    "pk__in=1,2",
    "id__gt=0",
    "%00=1",
    "%3Cscript%3Ealert(1)%3C/script%3E=1",
]


@pytest.fixture
def secretariat(client):
    sign_in_with_second_factor(client, secretariat_user())
    client.raise_request_exception = False
    return client


@pytest.fixture
def everything():
    """Something in each list."""
    apply(partner_user("paula"), "A1")
    apply(member_user("manuel"), "C3", region=region("Africa"))
    make_access_request()
    OutgoingMail.objects.create(
        template="t", recipients=["a@example.org"], language="en", subject="Hello"
    )


def shown(response):
    """The items a list shows, by their inspect links."""
    return set(re.findall(r"/inspect/(\d+)/", response.content.decode()))


def messages_of(response):
    """The messages above the page, as the person reads them."""
    messages = BeautifulSoup(response.content, "html.parser").select("div.messages li")
    texts = (re.sub(r"[ \t\r\n]+", " ", message.get_text()).strip() for message in messages)
    return [text for text in texts if text]


@pytest.mark.parametrize("url", LISTS)
def test_a_malformed_address_shows_the_list_without_what_it_does_not_offer(
    secretariat, everything, url
):
    plain = shown(secretariat.get(url))
    assert plain, "the list shows something that a filter could hide"
    for query in MALFORMED:
        response = secretariat.get(f"{url}?{query}")
        assert response.status_code == 200, query
        assert shown(response) == plain, f"{query} was left out"
        said = messages_of(response)
        assert len(said) == 1 and "so the list is shown without" in said[0], (query, said)
        content = response.content.decode()
        assert "<script>alert(1)" not in content and "\x00" not in content
        assert not any(user.password in content for user in users_shown())


def users_shown():
    return [application.user for application in Application.objects.select_related("user")]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_an_export_asked_with_a_malformed_address_is_not_made(secretariat, everything, export):
    plain = shown(secretariat.get(APPLICATIONS))
    for query in MALFORMED:
        response = secretariat.get(f"{APPLICATIONS}?export={export}&{query}")
        assert response.status_code == 200, query
        assert response["Content-Type"].startswith("text/html"), "the list, not a file"
        said = messages_of(response)
        assert said[-1] == "Nothing was exported: check the list, then export it again.", query
        assert shown(response) == plain, query


def test_the_address_is_not_filtered_on_passwords(secretariat, everything):
    """wagtail-modeladmin passed any lookup to the database: counting the people whose hash
    starts with each prefix would have read password hashes one character at a time."""
    everyone = f"{APPLICATIONS}?status=all"
    for prefix in ["md5", "pbkdf2", "zzz"]:
        response = secretariat.get(f"{everyone}&user__password__startswith={prefix}")
        assert shown(response) == shown(secretariat.get(everyone))
        assert messages_of(response) == [
            "This filter is not available here, so the list is shown without it: "
            "user__password__startswith."
        ]


def test_the_message_is_in_the_persons_language(secretariat, everything):
    profile = UserProfile.get_for_user(secretariat_user_of(secretariat))
    profile.preferred_language = "fr"
    profile.save()
    said = messages_of(secretariat.get(f"{APPLICATIONS}?region=abc&status=nope"))
    with translation.override("fr"):
        expected = ngettext(
            "This filter has no such choice, so the list is shown without it: %(filters)s.",
            "These filters have no such choice, so the list is shown without them: %(filters)s.",
            2,
        ) % {"filters": "Statut, Région"}
    assert said == [expected]


def secretariat_user_of(client):
    return client.get(APPLICATIONS).wsgi_request.user


def test_a_control_character_is_left_out_of_the_search(secretariat, everything):
    response = secretariat.get(APPLICATIONS, {"q": "Paula\x00", "status": "all"})
    assert response.status_code == 200
    assert messages_of(response) == [
        "Control characters cannot be searched for: the search left them out."
    ]
    paula = Application.objects.get(user__username="paula")
    assert shown(response) == {str(paula.pk)}


@pytest.mark.parametrize("url", LISTS)
def test_every_choice_a_list_offers_is_taken(secretariat, everything, url):
    """Each link of a list (its filters, sorting, pages) is taken without a word."""
    links = set(re.findall(r'href="(\?[^"]*)"', secretariat.get(url).content.decode()))
    assert len(links) > 3
    for link in links:
        response = secretariat.get(url + html_module.unescape(link))
        assert response.status_code == 200 and messages_of(response) == [], link


def test_the_dashboards_links_are_taken(secretariat, everything):
    links = re.findall(
        rf'href="({ADMIN}(?:application|accessrequest)/\?[^"]*)"',
        secretariat.get("/admin/").content.decode(),
    )
    assert len(links) > 24
    for link in set(links):
        assert messages_of(secretariat.get(html_module.unescape(link))) == [], link


def test_a_bookmarked_date_range_still_filters(secretariat, everything):
    """A "Past 7 days" kept from another day asks for dates the list no longer shows."""
    old = Application.objects.get(user__username="paula")
    Application.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=60))
    since = (timezone.now() - timedelta(days=10)).replace(hour=0, minute=0, second=0)
    until = since + timedelta(days=20)
    response = secretariat.get(
        APPLICATIONS,
        {"submitted_at__gte": str(since), "submitted_at__lt": str(until), "status": "all"},
    )
    assert messages_of(response) == []
    assert shown(response) == {str(Application.objects.get(user__username="manuel").pk)}


def test_a_control_character_in_the_bulk_decisions_task_force_is_left_out(secretariat, everything):
    """PostgreSQL refuses NUL in a query."""
    response = secretariat.get(f"{APPLICATIONS}bulk_decide/", {"task_force": "C3\x00"})
    assert response.status_code == 200
    assert "Manuel Tester" in response.content.decode()


def test_a_scanners_many_parameters_get_one_short_message(secretariat, everything):
    query = "&".join(f"probe{number}=1" for number in range(900))
    response = secretariat.get(f"{APPLICATIONS}?{query}")
    assert response.status_code == 200
    assert messages_of(response) == [
        "These filters are not available here, so the list is shown without them: "
        "probe0, probe1, probe10, probe100, probe101, …."
    ]
