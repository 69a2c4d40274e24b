"""A data-protection request: everything held about one person as a file, and its erasure, in
the service and in the Secretariat's admin."""

import json
import re
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.log_actions import log

from strategy_pages.choices import Role
from taskforce_forms.inbox import decisions
from taskforce_forms.models import (
    AccessRequest,
    Application,
    ApplicationStatus,
    Decision,
    DecisionRefused,
    JoinDraft,
    OutgoingMail,
    PersonalDataErasure,
)
from taskforce_forms.outbox import notifications
from taskforce_forms.privacy import audit
from taskforce_forms.privacy.erasure import ErasureRefused, erase_person
from taskforce_forms.privacy.export import personal_data

from ..browser import signing_in as browser
from ..factories import (
    apply,
    editor_user,
    make_user,
    partner_user,
    region,
    secretariat_user,
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db

S = ApplicationStatus
A1 = "/en/task-forces/goal-a/a1/"
PEOPLE = "/admin/taskforce_forms/profile/"

# What only Ysolde wrote or is called: none of it may survive her erasure anywhere.
YSOLDE = {
    "email": "ysolde.quarrington@example.org",
    "first_name": "Ysolde",
    "last_name": "Quarrington",
    "answer": "Eleven years of peatland carbon inventories in Kerguelen",
    "draft": "Half-written thoughts on biochar trials",
    "message": "Please let me in, I chair the Brackwater soil network",
    "note": "Strong record on Brackwater soils",
}
OTHER_ANSWER = "Agroforestry extension work in the Sahel"


def export_url(user):
    return f"/admin/taskforce_forms/person/{user.pk}/export/"


def erase_url(user):
    return f"/admin/taskforce_forms/person/{user.pk}/erase/"


def make_person():
    """Ysolde, with a record of every kind the site keeps about a person."""
    secretariat = secretariat_user()
    ysolde = partner_user("ysolde")
    ysolde.email, ysolde.first_name, ysolde.last_name = (
        YSOLDE["email"],
        YSOLDE["first_name"],
        YSOLDE["last_name"],
    )
    ysolde.save()
    profile = ysolde.profile
    profile.country, profile.preferred_language = "FR", "fr"
    profile.save()
    # Her organization stays after her erasure: it must not carry her name in this test.
    profile.organization.name = "Terres Australes Institute"
    profile.organization.save()
    leader = apply(
        ysolde,
        "A1",
        role=Role.LEADER,
        consent_to_publication=True,
        answers={"qualification": YSOLDE["answer"], "availability": "all"},
    )
    decisions.decide(leader, Decision.NOMINATE, by=secretariat, note=YSOLDE["note"])
    member = apply(ysolde, "C3", answers={"contributions": ["literature"]}, status=S.DECLINED)
    JoinDraft.objects.create(
        user=ysolde, key="join_b2", data={"step_data": {"contribution": YSOLDE["draft"]}}
    )
    access_request = AccessRequest.objects.create(
        name=f"{YSOLDE['first_name']} {YSOLDE['last_name']}",
        email=YSOLDE["email"].upper(),
        organization_name="Terres Australes Institute",
        country="FR",
        membership_claim="partner",
        message=YSOLDE["message"],
        language="fr",
        status=AccessRequest.Status.APPROVED,
        decided_by=secretariat,
    )
    # one to her, one to the Secretariat about her
    notifications.notify_application_submitted(member)
    AccessAttempt.objects.create(
        username="ysolde",
        ip_address="203.0.113.7",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=2,
    )
    AccessLog.objects.create(
        username=YSOLDE["email"], ip_address="203.0.113.7", user_agent="Firefox", path_info="/"
    )
    log(instance=profile, action="wagtail.edit", user=secretariat)
    for record, action in [
        (leader, audit.OPEN_APPLICATION),
        (ysolde, audit.OPEN_PERSON),
        (access_request, audit.APPROVE_ACCESS_REQUEST),
    ]:
        audit.record(record, action, by=secretariat)
    return ysolde


def make_other_person():
    kofi = partner_user("kofi")
    apply(
        kofi,
        "A1",
        role=Role.REGIONAL_REPRESENTATIVE,
        region=region("Africa"),
        answers={"qualification": OTHER_ANSWER, "availability": "all"},
    )
    AccessRequest.objects.create(
        name="Kofi Tester",
        email=kofi.email,
        organization_name="Kofi Organization",
        country="GH",
        membership_claim="partner",
        language="en",
    )
    AccessAttempt.objects.create(
        username="kofi",
        ip_address="198.51.100.1",
        user_agent="Chrome",
        http_accept="*/*",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    return kofi


@pytest.fixture
def ysolde():
    return make_person()


@pytest.fixture
def kofi():
    return make_other_person()


def dump():
    out = StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def as_json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


# The copy


def test_the_export_holds_every_kind_of_record_about_the_person(ysolde, kofi):
    data = personal_data(ysolde)
    assert data["account"]["email"] == YSOLDE["email"]
    assert data["account"]["last_name"] == "Quarrington"
    assert data["profile"]["organization"]["name"] == "Terres Australes Institute"
    assert data["profile"]["country"] == "France"
    leader, member = data["applications"]
    assert leader["task_force"] == "A1 · NDCs"
    assert leader["status"] == "Nominated"
    assert {"question": "Why do you qualify for this role?", "answer": YSOLDE["answer"]} in (
        leader["answers"]
    )
    assert [step["to"] for step in leader["history"]] == ["Nominated"]
    assert leader["history"][0]["note"] == YSOLDE["note"]
    assert member["answers"] == [
        {"question": "What can you contribute?", "answer": "Relevant literature"}
    ]
    assert data["access_requests"][0]["message"] == YSOLDE["message"]
    assert data["join_form_drafts"][0]["answers_so_far"] == {"contribution": YSOLDE["draft"]}
    assert {mail["subject"] for mail in data["emails"]} == {
        "Your application to Task Force A1: a decision",
        "Your application to Task Force C3",
    }
    assert {record["username"] for record in data["login_records"]} == {"ysolde", YSOLDE["email"]}


def test_the_export_holds_nothing_about_other_people(ysolde, kofi):
    exported = as_json(personal_data(ysolde))
    for other in ["kofi", OTHER_ANSWER, "198.51.100.1", "sam@example.org", "Sam Tester"]:
        assert other not in exported
    assert "the Secretariat" in exported  # who decided, without their name


def test_without_an_account_the_export_finds_requests_and_mails_by_e_mail(kofi):
    request = AccessRequest.objects.get(email=kofi.email)
    notifications.notify_access_request_received(request)
    data = personal_data("KOFI@example.org")
    assert data["account"] is None
    assert [r["organization"] for r in data["access_requests"]] == ["Kofi Organization"]
    assert len(data["emails"]) == 1


# The erasure


def test_the_erasure_leaves_nothing_that_names_the_person_anywhere_in_the_database(
    ysolde, kofi, django_capture_on_commit_callbacks
):
    before = dump()
    for trace in YSOLDE.values():
        assert trace in before, trace  # the search below can find what it looks for
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(ysolde, by=secretariat_user("sara"))
    after = dump()
    for trace in [*YSOLDE.values(), "ysolde", "203.0.113.7"]:
        assert trace.lower() not in after.lower(), trace
    assert OTHER_ANSWER in after and "kofi@example.org" in after


def test_the_erasure_keeps_the_applications_anonymous_and_deletes_everything_else(ysolde, kofi):
    secretariat = secretariat_user("sara")
    applications = list(ysolde.applications.order_by("submitted_at"))
    erasure = erase_person(ysolde, by=secretariat)

    assert not get_user_model().objects.filter(pk=ysolde.pk).exists()
    leader, member = Application.objects.filter(pk__in=[a.pk for a in applications]).order_by(
        "submitted_at"
    )
    assert (leader.user, leader.answers, leader.consent_to_publication) == (None, {}, False)
    assert leader.status == S.WITHDRAWN  # the nomination's place is free again
    assert member.status == S.DECLINED  # a closed application keeps its outcome
    assert [e.note for e in leader.events.all()] == [
        "",
        "Personal data erased at the person's request.",
    ]
    assert leader.events.last().actor == secretariat
    assert not JoinDraft.objects.exists()
    assert list(AccessRequest.objects.values_list("email", flat=True)) == [kofi.email]
    assert not OutgoingMail.objects.exists()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["kofi"]
    assert not AccessLog.objects.exists()
    assert erasure.erased_by == secretariat
    assert erasure.counts == {
        "applications": 2,
        "open_applications": 1,
        "access_requests": 1,
        "join_form_drafts": 1,
        "project_ideas": 0,
        "project_teams": 0,
        "emails": 3,  # two to her, one to the Secretariat about her application
        "login_records": 2,
    }
    assert kofi.applications.get().answers["qualification"] == OTHER_ANSWER


def test_an_erased_application_can_no_longer_be_decided(ysolde):
    application = ysolde.applications.get(task_force__code="C3")
    erase_person(ysolde, by=None)
    application.refresh_from_db()
    assert application.allowed_decisions() == []
    with pytest.raises(DecisionRefused):
        decisions.decide(application, Decision.REOPEN, by=secretariat_user("sara"))


def test_the_erased_leaders_place_can_be_filled(ysolde):
    erase_person(ysolde, by=secretariat_user("sara"))
    successor = apply(partner_user("paula"), "A1", role=Role.LEADER)
    decisions.decide(successor, Decision.NOMINATE, by=secretariat_user("sam2"))
    assert Application.objects.nominated().get().pk == successor.pk


def test_erased_people_do_not_collide_in_the_one_open_application_rule():
    first, second = make_user("first"), make_user("second")
    apply(first, "B2")
    apply(second, "B2")
    erase_person(first, by=None)
    erase_person(second, by=None)
    assert Application.objects.filter(user=None, task_force__code="B2").count() == 2


def test_the_task_force_page_stops_naming_an_erased_leader_at_once(
    ysolde, client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    client.get(A1)
    assert 'Ysolde Quarrington</span>, <span dir="auto">Terres' in client.get(A1).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(ysolde, by=secretariat_user("sara"))
    page = client.get(A1)
    assert page["X-Page-Cache"] == "miss"
    roster = page.content.decode()
    assert "Quarrington" not in roster
    assert re.search(r"Task Force Leader</dt>\s*<dd>\s*None nominated yet.\s*</dd>", roster)


def test_staff_and_superusers_are_not_erased_here():
    for user in (secretariat_user(), make_user("root", is_superuser=True, is_staff=True)):
        with pytest.raises(ErasureRefused, match="access to the Wagtail admin"):
            erase_person(user, by=None)
        assert get_user_model().objects.filter(pk=user.pk).exists()


def test_an_account_deleted_another_way_leaves_no_answers_in_its_applications(ysolde):
    ysolde.delete()
    assert list(Application.objects.values_list("user", "answers")) == [(None, {}), (None, {})]
    assert not Application.objects.filter(events__note=YSOLDE["note"]).exists()


# The admin


@pytest.fixture
def secretariat(client):
    sign_in_with_second_factor(client, secretariat_user("sara"))
    return client


def test_the_secretariat_downloads_the_persons_data_as_a_json_file(secretariat, ysolde):
    response = secretariat.get(export_url(ysolde))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="personal-data-user-{ysolde.pk}-{today}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == YSOLDE["email"]


def test_the_confirmation_page_says_what_will_be_erased_and_erases_nothing(secretariat, ysolde):
    response = secretariat.get(erase_url(ysolde))
    html = response.content.decode()
    assert response.status_code == 200
    assert YSOLDE["email"] in html
    assert "1 open application is withdrawn" in html
    assert "A1 · Task Force Leader" in html  # the nomination it withdraws
    assert 'method="post"' in html
    assert get_user_model().objects.filter(pk=ysolde.pk).exists()


def test_the_secretariat_erases_a_person_after_confirming(secretariat, ysolde):
    response = secretariat.post(erase_url(ysolde), follow=True)
    assert response.redirect_chain[-1][0] == PEOPLE
    assert "The person&#x27;s data were erased" in response.content.decode()
    assert not get_user_model().objects.filter(pk=ysolde.pk).exists()
    assert PersonalDataErasure.objects.get().counts["applications"] == 2


def test_the_erasure_needs_the_csrf_token(ysolde):
    client = Client(enforce_csrf_checks=True)
    sign_in_with_second_factor(client, secretariat_user("sara"))
    assert client.post(erase_url(ysolde)).status_code == 403
    assert get_user_model().objects.filter(pk=ysolde.pk).exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_the_erasure_answers_only_get_and_post(secretariat, ysolde, method):
    assert getattr(secretariat, method)(erase_url(ysolde)).status_code == 405
    assert get_user_model().objects.filter(pk=ysolde.pk).exists()


def test_the_export_is_a_get_only(secretariat, ysolde):
    assert secretariat.post(export_url(ysolde)).status_code == 405


@pytest.mark.parametrize("url", [export_url, erase_url])
def test_editors_get_403(client, ysolde, url):
    client.force_login(editor_user())
    assert client.get(url(ysolde)).status_code == 403
    assert client.post(url(ysolde)).status_code == 403
    assert get_user_model().objects.filter(pk=ysolde.pk).exists()


def test_applicants_are_sent_to_the_admin_login(client, ysolde, kofi):
    client.force_login(kofi)
    response = client.get(export_url(ysolde))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_accounts_are_refused_clearly_in_the_admin(secretariat):
    colleague = secretariat_user("sam")
    page = secretariat.get(erase_url(colleague)).content.decode()
    assert "Staff accounts are not erased here" in page
    assert 'method="post"' not in page
    assert secretariat.post(erase_url(colleague)).status_code == 409
    assert get_user_model().objects.filter(pk=colleague.pk).exists()


def test_superusers_may_export(client, ysolde):
    sign_in_with_second_factor(client, make_user("root", is_superuser=True, is_staff=True))
    assert client.get(export_url(ysolde)).status_code == 200


def test_the_people_list_and_pages_offer_export_and_erasure(secretariat, ysolde):
    people = secretariat.get(PEOPLE).content.decode()
    assert export_url(ysolde) in people and erase_url(ysolde) in people
    assert erase_url(get_user_model().objects.get(username="sara")) not in people  # staff
    person = secretariat.get(f"{PEOPLE}inspect/{ysolde.profile.pk}/").content.decode()
    assert YSOLDE["email"] in person and erase_url(ysolde) in person
    application = ysolde.applications.get(task_force__code="A1")
    inspect = f"/admin/taskforce_forms/application/inspect/{application.pk}/"
    assert erase_url(ysolde) in secretariat.get(inspect).content.decode()


def test_an_erased_application_reads_as_erased_in_the_inbox(secretariat, ysolde):
    application = ysolde.applications.get(task_force__code="A1")
    erase_person(ysolde, by=None)
    inspect = secretariat.get(f"/admin/taskforce_forms/application/inspect/{application.pk}/")
    html = inspect.content.decode()
    assert "Personal data erased" in html
    assert "Save the decision" not in html and "/person/" not in html
    listing = secretariat.get("/admin/taskforce_forms/application/?status=withdrawn")
    assert "Personal data erased" in listing.content.decode()
    assert secretariat.get("/admin/taskforce_forms/application/?export=csv").status_code == 200


# In a browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_exports_then_erases_a_person_in_the_admin(
    live_server, strategy_site, page: Page
):
    ysolde = make_person()
    secretariat = get_user_model().objects.get(username="sam")
    browser.sign_in_with_second_factor(page, live_server.url, secretariat)

    page.goto(f"{live_server.url}{PEOPLE}?q=Quarrington")
    page.get_by_role("link", name="Inspect").first.click()
    expect(page.locator(".inbox-facts")).to_contain_text(YSOLDE["email"])
    with page.expect_download() as download:
        page.get_by_role("link", name="Export personal data").click()
    assert download.value.suggested_filename.startswith(f"personal-data-user-{ysolde.pk}-")
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["applications"][0]["answers"][0]["answer"] == YSOLDE["answer"]

    page.get_by_role("link", name="Erase this person").click()
    expect(page.get_by_role("heading", name="Erase Ysolde Quarrington")).to_be_visible()
    expect(page.locator(".personal-data-erasure")).to_contain_text("Join form drafts")
    page.get_by_role("button", name="Yes, erase this person").click()
    expect(page.get_by_text("The person's data were erased")).to_be_visible()
    assert not get_user_model().objects.filter(pk=ysolde.pk).exists()

    page.goto(f"{live_server.url}{A1}")
    expect(page.locator(".roster")).not_to_contain_text("Quarrington")
