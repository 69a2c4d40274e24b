"""The record of access to personal data, in Wagtail's audit log: each opening, export, erasure
and decision on a request for a login is one entry, with who and what but nothing anyone wrote;
superusers read it in Site history and on the person's page, the Secretariat does not; it is
purged after its retention period."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from strategy_pages.choices import Role
from taskforce_forms.inbox import decisions
from taskforce_forms.models import AccessRecord, AccessRequest, Application, ApplicationStatus
from taskforce_forms.privacy import audit
from taskforce_forms.privacy.erasure import erase_person

from ..factories import (
    access_request as make_access_request,
)
from ..factories import (
    apply,
    make_user,
    member_user,
    partner_user,
    secretariat_user,
    sign_in_with_second_factor,
    visitor_user,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/taskforce_forms/"
APPLICATIONS = ADMIN + "application/"
SITE_HISTORY = "/admin/reports/site-history/"
ANSWER = "Twelve winters of permafrost carbon sampling in Yakutia"
NOTE = "Spoke with her supervisor on the phone"
SEARCH = "Yakutia"


@pytest.fixture
def sam():
    return secretariat_user("sam")


@pytest.fixture
def secretariat(client, sam):
    return sign_in_with_second_factor(client, sam)


@pytest.fixture
def root():
    return make_user("root", is_superuser=True, is_staff=True)


@pytest.fixture
def superuser(client, root):
    return sign_in_with_second_factor(client, root)


@pytest.fixture
def nadia():
    return partner_user("nadia")


@pytest.fixture
def application(nadia):
    return apply(
        nadia,
        "C3",
        role=Role.TEAM_MEMBER,
        answers={"contributions": ["other"], "details": ANSWER},
    )


@pytest.fixture
def access_request():
    return make_access_request(message="I chair the Mekong delta soil network")


def the_entry():
    """The only entry of the record, and that there is only one."""
    (entry,) = AccessRecord.objects.all()
    return entry


def is_about(entry, record):
    return (entry.content_type, entry.object_id) == (
        ContentType.objects.get_for_model(record),
        str(record.pk),
    )


def written(entry):
    """Everything an entry holds that a person could read."""
    return json.dumps([entry.label, entry.data, str(entry.message)], ensure_ascii=False)


# One entry per access, with who and what


def test_opening_an_application_is_one_entry(secretariat, sam, application):
    secretariat.get(f"{APPLICATIONS}inspect/{application.pk}/")
    entry = the_entry()
    assert (entry.user, entry.action) == (sam, audit.OPEN_APPLICATION)
    assert is_about(entry, application)
    assert entry.label == "C3 · Team Member · Nadia Tester"
    assert ANSWER not in written(entry)


def test_deciding_on_an_application_is_not_an_opening(secretariat, application):
    inspect = f"{APPLICATIONS}inspect/{application.pk}/"
    secretariat.post(inspect, {"seen_status": "submitted", "decision": "decline", "note": NOTE})
    assert not AccessRecord.objects.exists()


def test_opening_a_person_is_one_entry(secretariat, sam, nadia):
    secretariat.get(f"{ADMIN}profile/inspect/{nadia.profile.pk}/")
    entry = the_entry()
    assert (entry.user, entry.action, entry.label) == (sam, audit.OPEN_PERSON, "Nadia Tester")
    assert is_about(entry, nadia)
    assert "nadia@example.org" not in written(entry)


def test_an_export_records_its_filters_and_its_number_of_rows(secretariat, sam, application):
    apply(member_user("manuel"), "C3")
    apply(member_user("mary"), "A1")
    response = secretariat.get(f"{APPLICATIONS}?export=csv&task_force=C3&role__exact=team_member")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    entry = the_entry()
    assert (entry.user, entry.action) == (sam, audit.EXPORT_APPLICATIONS)
    assert is_about(entry, ContentType.objects.get_for_model(Application))
    assert entry.label == "Applications"
    assert entry.data["rows"] == len(rows) - 1 == 2
    assert entry.data["format"] == "csv"
    filters = dict(entry.data["filters"])
    assert filters["Status"] == "Waiting for a decision", "the list's default is a filter too"
    assert filters["Role"] == "Team Member"
    assert filters["Task Force"].startswith("C3 · ")
    assert set(filters) == {"Status", "Role", "Task Force"}
    assert entry.message.startswith("Exported 2 applications as CSV; Status: Waiting")


def test_a_search_is_recorded_without_its_words(secretariat, application):
    since = "2026-01-02"  # a date no choice offers (inbox/lookups.py): typed, so not recorded
    secretariat.get(f"{APPLICATIONS}?export=xlsx&status=all&q={SEARCH}&submitted_at__gte={since}")
    entry = the_entry()
    assert dict(entry.data["filters"]) == {
        "Status": "All applications",
        "Received": None,
        "Search": None,
    }
    assert (entry.data["format"], entry.data["rows"]) == ("xlsx", 0)
    assert SEARCH not in written(entry) and since not in written(entry)
    assert "Search: not recorded" in entry.message


def test_an_export_asking_for_a_condition_the_list_lacks_is_neither_made_nor_recorded(
    secretariat, application
):
    """The list refuses what it does not offer (inbox/lookups.py), its export too."""
    response = secretariat.get(f"{APPLICATIONS}?export=csv&status=all&user__email__icontains=nadia")
    assert response["Content-Type"].startswith("text/html")
    assert not AccessRecord.objects.exists()


def test_the_list_without_an_export_is_not_recorded(secretariat, application):
    secretariat.get(f"{APPLICATIONS}?status=all")
    assert not AccessRecord.objects.exists()


def test_exporting_a_persons_data_is_one_entry(secretariat, sam, nadia, application):
    secretariat.get(f"{ADMIN}person/{nadia.pk}/export/")
    entry = the_entry()
    assert (entry.user, entry.action, entry.label) == (
        sam,
        audit.EXPORT_PERSONAL_DATA,
        "Nadia Tester",
    )
    assert is_about(entry, nadia)
    assert ANSWER not in written(entry)


def test_erasing_a_person_is_one_entry_and_the_record_forgets_their_name(
    secretariat, sam, nadia, application
):
    audit.record(application, audit.OPEN_APPLICATION, by=sam)
    audit.record(nadia, audit.OPEN_PERSON, by=sam)
    log(instance=nadia.profile, action="wagtail.edit", user=sam)
    before = set(AccessRecord.objects.values_list("pk", flat=True))
    secretariat.post(f"{ADMIN}person/{nadia.pk}/erase/")
    (entry,) = AccessRecord.objects.exclude(pk__in=before)
    assert (entry.user, entry.action, entry.label) == (sam, audit.ERASE_PERSON, "erased person")
    assert entry.object_id == str(nadia.pk)
    assert entry.data["applications"] == 1
    labels = [*AccessRecord.objects.values_list("label", flat=True)]
    labels += ModelLogEntry.objects.values_list("label", flat=True)
    assert labels and all(label == "erased person" for label in labels)


@pytest.mark.parametrize(
    "decide, action",
    [
        (
            lambda request, by: decisions.approve_access_request(
                request, by=by, membership_status="member", note=NOTE
            ),
            audit.APPROVE_ACCESS_REQUEST,
        ),
        (
            lambda request, by: decisions.decline_access_request(request, by=by, note=NOTE),
            audit.DECLINE_ACCESS_REQUEST,
        ),
    ],
    ids=["approve", "decline"],
)
def test_deciding_on_a_request_for_a_login_is_one_entry(sam, access_request, decide, action):
    decide(access_request, sam)
    entry = the_entry()
    assert (entry.user, entry.action, entry.label) == (sam, action, "Lan Nguyen")
    assert is_about(entry, access_request)
    for words in (NOTE, access_request.message, access_request.email):
        assert words not in written(entry)


def test_the_admins_decision_on_a_request_is_recorded_once(secretariat, sam, access_request):
    secretariat.post(
        f"{ADMIN}accessrequest/inspect/{access_request.pk}/",
        {"decline": "1", "decline-note": NOTE},
    )
    assert the_entry().action == audit.DECLINE_ACCESS_REQUEST


def test_a_refused_decision_is_not_recorded(sam, access_request):
    decisions.decline_access_request(access_request, by=sam)
    with pytest.raises(decisions.DecisionRefused):
        decisions.decline_access_request(AccessRequest.objects.get(pk=access_request.pk), by=sam)
    assert AccessRecord.objects.count() == 1


# Who reads it


@pytest.fixture
def accessed(sam, nadia, application):
    """Nadia's application opened, her page opened and her data exported, the applications
    exported, another person erased, and one ordinary entry of Wagtail's audit log that the
    Secretariat may read."""
    audit.record(application, audit.OPEN_APPLICATION, by=sam)
    audit.record(nadia, audit.OPEN_PERSON, by=sam)
    audit.record(nadia, audit.EXPORT_PERSONAL_DATA, by=sam)
    audit.record_applications_export(sam, "csv", 1, [("Status", "All applications")])
    erase_person(visitor_user("victor"), by=sam)
    log(instance=application, action="wagtail.edit", user=sam)


ABOUT_NADIA = ["Opened the application", "Opened the person&#x27;s page", "Exported the person"]
RECORDED = [
    *ABOUT_NADIA,
    "Exported 1 application as CSV; Status: All applications",
    "Erased the person",
]


def test_superusers_read_the_record_in_site_history(superuser, accessed):
    page = superuser.get(SITE_HISTORY).content.decode()
    for message in RECORDED:
        assert message in page
    assert "Nadia Tester" in page and "Sam Tester" in page


def test_the_secretariat_does_not_read_it_in_site_history(secretariat, accessed):
    response = secretariat.get(SITE_HISTORY)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Edited" in page, "the Secretariat reads Site history, the ordinary entries"
    for message in RECORDED:
        assert message not in page
    actions = secretariat.get(SITE_HISTORY + "?action=taskforce_forms.open_person")
    assert "Opened the person" not in actions.content.decode()


def test_superusers_read_the_record_on_the_persons_page(superuser, nadia, accessed):
    page = superuser.get(f"{ADMIN}profile/inspect/{nadia.profile.pk}/").content.decode()
    assert "Access record" in page
    for message in ABOUT_NADIA:
        assert message in page
    assert "Exported 1 application" not in page and "Erased" not in page
    assert "4 entries" in page, "the three above and this opening"


def test_the_secretariat_does_not_read_it_on_the_persons_page(secretariat, nadia, accessed):
    page = secretariat.get(f"{ADMIN}profile/inspect/{nadia.profile.pk}/").content.decode()
    assert "nadia@example.org" in page
    assert "Access record" not in page
    for message in RECORDED:
        assert message not in page


def test_the_persons_page_lists_only_their_entries(superuser, root, nadia, accessed):
    other = apply(partner_user("kofi"), "A1")
    audit.record(other, audit.OPEN_APPLICATION, by=root)
    entries, count = audit.person_entries(nadia)
    assert count == 3 and all(entry.user.username == "sam" for entry in entries)


# Retention


def test_the_purge_deletes_expired_entries_only(settings, sam, nadia, application):
    settings.ACCESS_RECORD_RETENTION_DAYS = 30
    old = audit.record(application, audit.OPEN_APPLICATION, by=sam)
    kept = audit.record(nadia, audit.OPEN_PERSON, by=sam)
    AccessRecord.objects.filter(pk=old.pk).update(timestamp=timezone.now() - timedelta(days=31))
    AccessRecord.objects.filter(pk=kept.pk).update(timestamp=timezone.now() - timedelta(days=29))
    out = io.StringIO()
    call_command("purge_closed_applications", "--dry-run", stdout=out)
    assert "Would delete 1 entries of the access record older than 30 days" in out.getvalue()
    assert AccessRecord.objects.count() == 2
    call_command("purge_closed_applications", stdout=out)
    assert list(AccessRecord.objects.all()) == [kept]
    call_command("purge_closed_applications", "--access-record-days", "1", stdout=out)
    assert not AccessRecord.objects.exists()


def test_a_purged_application_is_no_longer_named_in_the_record(sam, application):
    entry = audit.record(application, audit.OPEN_APPLICATION, by=sam)
    long_ago = timezone.now() - timedelta(days=400)
    Application.objects.filter(pk=application.pk).update(
        status=ApplicationStatus.DECLINED, updated_at=long_ago
    )
    call_command("purge_closed_applications", "--access-record-days", "1000", stdout=io.StringIO())
    entry.refresh_from_db()
    assert not Application.objects.filter(pk=application.pk).exists()
    assert entry.label == "deleted application"
