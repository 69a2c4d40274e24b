"""Who enters a Task Force's space, and who may change what there: each kind of user × each
page and action."""

import pytest

from taskforce_forms.models import (
    Application,
    ApplicationStatus,
    Decision,
    IdeaMove,
    IdeaStage,
    ProjectIdea,
)

from ..factories import (
    editor_user,
    objective,
    secretariat_user,
    sign_in_with_second_factor,
    visitor_user,
)
from .people import (
    A1_CONTACT,
    A1_SPACE,
    applicant,
    leader,
    representative,
    superuser,
    team_member,
)

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"

# who: (how they are made, signed in with a second factor, space page, consent action)
MATRIX = {
    "anonymous": (None, False, "login", "login"),
    "visitor": (visitor_user, False, 404, 404),
    "applicant not yet accepted": (applicant, False, 404, 404),
    "accepted Team Member": (team_member, False, 200, 302),
    "nominated Leader": (leader, False, 200, 302),
    "nominated Regional Representative": (representative, False, 200, 302),
    "Team Member of another Task Force": (lambda: team_member(code="B1"), False, 404, 404),
    "editor": (editor_user, False, 404, 404),
    "Secretariat without its second factor": (secretariat_user, False, 404, 404),
    "Secretariat": (secretariat_user, True, 200, 404),
    "superuser": (superuser, True, 200, 404),
}


def signed_in(client, make, second_factor):
    if make is None:
        return None
    user = make()
    if second_factor:
        sign_in_with_second_factor(client, user)
    else:
        client.force_login(user)
    return user


def answers(response, expected):
    if expected == "login":
        return response.status_code == 302 and response["Location"].startswith(LOGIN)
    return response.status_code == expected


@pytest.mark.parametrize("who", MATRIX)
def test_the_space_page(client, who):
    make, second_factor, expected, _consent = MATRIX[who]
    signed_in(client, make, second_factor)
    response = client.get(A1_SPACE)
    assert answers(response, expected)
    if expected == 200:
        assert "<h1>Task Force A1: members' space</h1>" in response.content.decode()


@pytest.mark.parametrize("who", MATRIX)
def test_the_consent_to_share_contact_details(client, who):
    make, second_factor, _page, expected = MATRIX[who]
    user = signed_in(client, make, second_factor)
    response = client.post(A1_CONTACT, {"consent_to_share_contact": "on"})
    assert answers(response, expected)
    consented = Application.objects.filter(consent_to_share_contact=True)
    if expected == 302:
        assert response["Location"] == A1_SPACE
        assert list(consented.values_list("user", flat=True)) == [user.pk]
    else:
        assert not consented.exists()


def test_a_task_force_that_does_not_exist_has_no_space(client):
    client.force_login(team_member())
    assert client.get("/en/spaces/z9/").status_code == 404


def test_the_space_answers_no_other_method(client):
    client.force_login(team_member())
    assert client.post(A1_SPACE).status_code == 405
    assert client.get(A1_CONTACT).status_code == 405


def test_a_withdrawn_application_loses_the_space_at_once(client):
    user = applicant()
    client.force_login(user)
    application = user.applications.get()
    application.decide(Decision.ACCEPT, by=secretariat_user())
    assert client.get(A1_SPACE).status_code == 200
    application.decide(Decision.REOPEN, by=application.user)
    assert client.get(A1_SPACE).status_code == 404
    application.withdraw(by=user)
    assert client.get(A1_SPACE).status_code == 404


def test_a_reopened_nomination_loses_the_space_at_once(client):
    user = leader()
    client.force_login(user)
    assert client.get(A1_SPACE).status_code == 200
    user.applications.get().decide(Decision.REOPEN, by=secretariat_user())
    assert user.applications.get().status == ApplicationStatus.SHORTLISTED
    assert client.get(A1_SPACE).status_code == 404


def test_the_space_is_never_cached(client):
    client.force_login(team_member())
    client.get(A1_SPACE)
    response = client.get(A1_SPACE)
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_no_space_is_in_the_sitemap(client):
    team_member()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/task-forces/goal-a/a1/" in sitemap
    assert "/spaces/" not in sitemap


# Project ideas. who: (ideas page, proposing an idea, joining a project team, making an idea a
# concept proposal); the rows are MATRIX's people, signed in the same way.
IDEAS_MATRIX = {
    "anonymous": ("login", "login", "login", "login"),
    "visitor": (404, 404, 404, 404),
    "applicant not yet accepted": (404, 404, 404, 404),
    "accepted Team Member": (200, 302, 302, 403),
    "nominated Leader": (200, 302, 302, 302),
    "nominated Regional Representative": (200, 302, 302, 403),
    "Team Member of another Task Force": (404, 404, 404, 404),
    "editor": (404, 404, 404, 404),
    "Secretariat without its second factor": (404, 404, 404, 404),
    "Secretariat": (200, 404, 404, 302),
    "superuser": (200, 404, 404, 302),
}
A1_IDEAS = "/en/spaces/a1/ideas/"


@pytest.fixture
def idea():
    """An idea of Task Force A1, proposed by a member who is none of the matrix's people."""
    proposer = team_member("bruno")
    proposed = ProjectIdea.objects.create(
        task_force=objective("A1"), proposer=proposer, title="Biochar", summary="What."
    )
    proposed.record_proposal()
    return proposed


def test_the_ideas_matrix_has_the_same_people():
    assert IDEAS_MATRIX.keys() == MATRIX.keys()


@pytest.mark.parametrize("who", IDEAS_MATRIX)
def test_the_ideas_page(client, who, idea):
    signed_in(client, *MATRIX[who][:2])
    response = client.get(A1_IDEAS)
    assert answers(response, IDEAS_MATRIX[who][0])
    if response.status_code == 200:
        assert "<h1>Task Force A1: project ideas</h1>" in response.content.decode()


@pytest.mark.parametrize("who", IDEAS_MATRIX)
def test_proposing_an_idea(client, who, idea):
    user = signed_in(client, *MATRIX[who][:2])
    response = client.post(f"{A1_IDEAS}new/", {"title": "Compost", "summary": "Village units."})
    assert answers(response, IDEAS_MATRIX[who][1])
    proposed = ProjectIdea.objects.filter(title="Compost")
    if IDEAS_MATRIX[who][1] == 302:
        assert list(proposed.values_list("proposer", flat=True)) == [user.pk]
    else:
        assert not proposed.exists()


@pytest.mark.parametrize("who", IDEAS_MATRIX)
def test_joining_a_project_team(client, who, idea):
    user = signed_in(client, *MATRIX[who][:2])
    response = client.post(f"{A1_IDEAS}{idea.pk}/team/", {"action": "join"})
    assert answers(response, IDEAS_MATRIX[who][2])
    joined = idea.team.exclude(user__username="bruno")
    if IDEAS_MATRIX[who][2] == 302:
        assert list(joined.values_list("user", flat=True)) == [user.pk]
    else:
        assert not joined.exists()


@pytest.mark.parametrize("who", IDEAS_MATRIX)
def test_making_an_idea_a_concept_proposal(client, who, idea):
    signed_in(client, *MATRIX[who][:2])
    response = client.post(
        f"{A1_IDEAS}{idea.pk}/move/", {"move": IdeaMove.MAKE_CONCEPT, "seen_stage": IdeaStage.IDEA}
    )
    assert answers(response, IDEAS_MATRIX[who][3])
    idea.refresh_from_db()
    assert idea.stage == (IdeaStage.CONCEPT if IDEAS_MATRIX[who][3] == 302 else IdeaStage.IDEA)


def test_the_ideas_pages_answer_no_other_method(client, idea):
    client.force_login(team_member())
    assert client.post(A1_IDEAS).status_code == 405
    assert client.get(f"{A1_IDEAS}new/").status_code == 405
    assert client.get(f"{A1_IDEAS}{idea.pk}/team/").status_code == 405
    assert client.get(f"{A1_IDEAS}{idea.pk}/move/").status_code == 405


def test_the_ideas_page_is_never_cached(client, idea):
    client.force_login(team_member())
    response = client.get(A1_IDEAS)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
