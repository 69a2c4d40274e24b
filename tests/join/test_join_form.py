"""The join form: roles by membership, conditional steps, drafts, submission, e-mails."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from strategy_pages.models import ObjectivePage
from taskforce_forms.join.eligibility import available_roles
from taskforce_forms.models import Application, JoinDraft, OutgoingMail

from ..factories import BROKEN_MAIL_BACKEND, member_user, partner_user, region, visitor_user
from .steps import QUALIFICATION, apply_as_leader, post_step, step_url

pytestmark = pytest.mark.django_db


def a1():
    return ObjectivePage.objects.get(code="A1", locale=Locale.get_default())


@pytest.fixture
def partner(client):
    user = partner_user()
    client.force_login(user)
    return user


@pytest.fixture
def visitor(client):
    user = visitor_user()
    client.force_login(user)
    return user


class TestEligibility:
    def test_partners_may_take_every_role(self):
        assert available_roles(partner_user()) == [
            "leader",
            "regional_representative",
            "team_member",
        ]

    @pytest.mark.parametrize("make", [member_user, visitor_user])
    def test_everyone_else_only_team_member(self, make):
        assert available_roles(make()) == ["team_member"]


def test_anonymous_visitors_log_in_first_and_come_back(client):
    response = client.get("/en/join/a1/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/join/a1/"


def test_an_unknown_task_force_is_404(client, partner):
    assert client.get("/en/join/z9/").status_code == 404


@pytest.mark.parametrize("code", ["a1%00", "%00", "a1'", "a" * 300])
def test_a_code_no_task_force_could_have_is_404_without_a_lookup(client, partner, code):
    """A NUL byte would make PostgreSQL refuse the query (a 500), so it is not looked up."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/join/{code}/role/").status_code == 404
    assert not [query for query in queries if "objectivepage" in query["sql"]]


def test_visitors_see_leader_and_representative_disabled_with_the_reason(client, visitor):
    html = client.get(step_url("role")).content.decode()
    assert 'value="leader" id="id_role-role_0" required disabled' in html
    assert 'value="regional_representative" id="id_role-role_1" required disabled' in html
    assert 'value="team_member" id="id_role-role_2"' in html
    assert html.count("Only people from an organization that is a partner") == 2


def test_a_forged_post_for_a_partner_only_role_is_refused(client, visitor):
    response = post_step(client, "role", {"role": "leader"})
    assert response.status_code == 200
    assert "Only people from an organization that is a partner" in response.content.decode()
    assert not Application.objects.exists()


def test_member_only_organizations_are_refused_too(client):
    client.force_login(member_user())
    response = post_step(client, "role", {"role": "regional_representative"})
    assert "Only people from an organization that is a partner" in response.content.decode()


def test_a_partner_applies_as_leader(client, partner, django_capture_on_commit_callbacks):
    response = post_step(client, "role", {"role": "leader"})
    assert response["Location"] == step_url("qualification")
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_as_leader(client)
    assert response["Location"] == "/en/join/a1/sent/"

    application = Application.objects.get(user=partner)
    assert application.task_force == a1()
    assert application.role == "leader"
    assert application.region is None
    assert application.answers["qualification"] == QUALIFICATION.strip()
    assert application.answers["availability"] == "all"
    assert application.consent_to_processing and application.consent_to_publication
    assert application.language == "en"
    assert application.status == "submitted"
    assert list(application.events.values_list("to_status", flat=True)) == ["submitted"]
    assert not JoinDraft.objects.filter(user=partner).exists()

    assert [message.to for message in mail.outbox] == [[partner.email], ["secretariat@4p1000.org"]]
    assert "Task Force A1" in mail.outbox[0].subject
    assert client.get("/en/join/a1/sent/").status_code == 200


def test_a_regional_representative_names_the_region(client, partner):
    post_step(client, "role", {"role": "regional_representative"})
    response = post_step(client, "region", {})
    assert "Choose the region you would represent." in response.content.decode()
    europe = region("Europe")
    response = post_step(client, "region", {"region": europe.pk})
    assert response["Location"] == step_url("qualification")
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "most"})
    post_step(client, "review", {"consent_to_processing": "on"})
    application = Application.objects.get(user=partner)
    assert application.region == europe
    assert application.consent_to_publication is False


def test_the_call_for_information_has_length_limits(client, partner):
    post_step(client, "role", {"role": "leader"})
    response = post_step(client, "qualification", {"qualification": "Me.", "availability": "all"})
    assert "Ensure this value has at least 50 characters" in response.content.decode()
    response = post_step(
        client, "qualification", {"qualification": "x" * 3001, "availability": "all"}
    )
    assert "Ensure this value has at most 3000 characters" in response.content.decode()


def test_a_team_member_says_what_they_contribute(client, visitor):
    response = post_step(client, "role", {"role": "team_member"})
    assert response["Location"] == step_url("contribution")
    response = post_step(client, "contribution", {"contributions": ["other"]})
    assert "Say what else you can contribute." in response.content.decode()
    post_step(
        client, "contribution", {"contributions": ["literature", "other"], "details": "A map"}
    )
    html = client.get(step_url("review")).content.decode()
    assert "Relevant literature, Something else" in html
    assert "consent_to_publication" not in html
    post_step(client, "review", {"consent_to_processing": "on"})
    application = Application.objects.get(user=visitor)
    assert application.role == "team_member"
    assert application.answers == {"contributions": ["literature", "other"], "details": "A map"}


def test_consent_to_processing_is_required(client, visitor):
    post_step(client, "role", {"role": "team_member"})
    post_step(client, "contribution", {"contributions": ["projects"]})
    response = post_step(client, "review", {})
    assert "We can only handle your application with your consent." in response.content.decode()
    assert not Application.objects.exists()


def test_going_back_keeps_what_was_typed_on_the_step_being_left(client, partner):
    post_step(client, "role", {"role": "leader"})
    response = post_step(
        client,
        "qualification",
        {"qualification": "Half-written thoughts", "availability": "unsure"},
        wizard_goto_step="role",
    )
    assert response["Location"] == step_url("role")
    html = client.get(step_url("qualification")).content.decode()
    assert "Half-written thoughts" in html


def test_the_review_links_back_to_each_step(client, partner):
    post_step(client, "role", {"role": "leader"})
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    html = client.get(step_url("review")).content.decode()
    assert f'href="{step_url("role")}"' in html
    assert f'href="{step_url("qualification")}"' in html
    assert "Task Force Leader" in html
    assert "I can take part in all of the role" in html


def test_an_optional_question_left_empty_reads_not_answered(client, partner):
    post_step(client, "role", {"role": "leader"})
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    html = client.get(step_url("review")).content.decode()
    assert "Not answered" in html
    html = client.get(step_url("review", language="ar")).content.decode()
    assert "لا توجد إجابة" in html and "Not answered" not in html


# The session with its user, the Task Force, the open applications, the draft, the profile and
# its organization, the role texts and the site: no query per role or step.
JOIN_STEP_QUERIES = 8
# With the cache on, the Task Force, the role texts and the site come from it.
CACHED_JOIN_STEP_QUERIES = 5


def test_a_join_step_costs_a_bounded_number_of_queries(
    client, partner, django_assert_max_num_queries
):
    client.get(step_url("role"))  # a first visit: no draft is stored, none is deleted
    with django_assert_max_num_queries(JOIN_STEP_QUERIES):
        assert client.get(step_url("role")).status_code == 200
    post_step(client, "role", {"role": "leader"})
    with django_assert_max_num_queries(JOIN_STEP_QUERIES + 1):  # the draft's update
        assert client.get(step_url("qualification")).status_code == 200


def test_a_join_step_takes_the_task_force_site_and_role_texts_from_the_cache(
    client, partner, settings, tmp_path, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    cache.clear()
    client.get(step_url("role"))
    with django_assert_num_queries(CACHED_JOIN_STEP_QUERIES):
        html = client.get(step_url("role")).content.decode()
    assert "Responsibilities" in html
    # The role texts in French and the Task Force's page in French, once: the first step is
    # then rendered from the cache.
    with django_assert_num_queries(CACHED_JOIN_STEP_QUERIES + 2):
        assert "Responsabilités" in client.get(step_url("role", language="fr")).content.decode()
    with django_assert_num_queries(CACHED_JOIN_STEP_QUERIES):
        client.get(step_url("role", language="fr"))


def test_an_unpublished_task_force_takes_no_application_on_the_next_request(
    client, partner, settings, tmp_path
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    cache.clear()
    assert client.get(step_url("role")).status_code == 200
    ObjectivePage.objects.get(code="A1", locale=Locale.get_default()).unpublish()
    assert client.get(step_url("role")).status_code == 404


def test_the_draft_is_resumed_on_another_device(client, partner):
    post_step(client, "role", {"role": "leader"})
    client.logout()
    client.force_login(partner)
    response = client.get("/en/join/a1/")
    assert response["Location"] == step_url("qualification")


def test_drafts_are_per_task_force(client, partner):
    post_step(client, "role", {"role": "leader"})
    response = client.get("/en/join/b2/")
    assert response["Location"] == step_url("role", code="b2")


def test_a_step_jumped_over_by_url_is_caught_on_submit(client, partner):
    post_step(client, "role", {"role": "leader"})
    response = post_step(client, "review", {"consent_to_processing": "on"})
    assert response["Location"] == step_url("qualification")
    assert not Application.objects.exists()
    html = client.get(response["Location"]).content.decode()
    assert "Some answers are missing or no longer valid" in html


def test_a_stale_form_does_not_give_an_error_page(client, visitor):
    response = client.post(step_url("role"), {"role-role": "team_member"})
    assert response.status_code == 302
    assert response["Location"] == step_url("role")


def test_start_again_clears_the_answers(client, partner):
    post_step(client, "role", {"role": "leader"})
    response = post_step(client, "qualification", {}, start_again="1")
    assert response["Location"] == step_url("role")
    assert "checked" not in client.get(step_url("role")).content.decode().split("role-choice")[1]


def test_a_double_submit_creates_one_application(client, partner):
    apply_as_leader(client)
    second = post_step(client, "review", {"consent_to_processing": "on"})
    assert Application.objects.filter(user=partner).count() == 1
    assert second["Location"] == f"/en/my-applications/{Application.objects.get().pk}/"


def test_who_already_applied_sees_their_application(client, partner):
    apply_as_leader(client)
    response = client.get("/en/join/a1/")
    assert response["Location"] == f"/en/my-applications/{Application.objects.get().pk}/"


def test_the_database_refuses_a_second_open_application(partner):
    fields = {"user": partner, "task_force": a1(), "role": "team_member", "language": "en"}
    Application.objects.create(consent_to_processing=True, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(consent_to_processing=True, **fields)


def test_a_failing_mail_server_keeps_the_application_and_its_mails(
    client, partner, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = BROKEN_MAIL_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_as_leader(client)
    assert response.status_code == 302
    assert Application.objects.filter(user=partner).count() == 1
    assert "Could not send" in caplog.text
    mails = OutgoingMail.objects.all()
    assert [mail.status for mail in mails] == [OutgoingMail.Status.FAILED] * 2
    assert all(mail.next_attempt_at for mail in mails)


def test_the_form_is_filled_in_in_french(client, visitor):
    client.post(
        "/fr/join/a1/role/",
        {"join_a1-current_step": "role", "role-role": "team_member"},
    )
    response = client.get("/fr/join/a1/contribution/")
    assert response.status_code == 200
    client.post(
        "/fr/join/a1/contribution/",
        {"join_a1-current_step": "contribution", "contribution-contributions": ["projects"]},
    )
    response = client.post(
        "/fr/join/a1/review/",
        {"join_a1-current_step": "review", "review-consent_to_processing": "on"},
    )
    client.get(response["Location"])
    assert Application.objects.get(user=visitor).language == "fr"


def test_the_objective_page_links_to_the_join_form(client):
    html = client.get("/en/task-forces/goal-a/a1/").content.decode()
    assert 'href="/en/join/a1/"' in html
