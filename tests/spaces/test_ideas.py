"""Project ideas on their way to funders: the one state machine (every move × every stage ×
every capacity), its database constraints, the recorded history, the space's pages (proposing,
the project team, the moves), their cost in queries, the counts on the objective page, the
person's data and the demo."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from taskforce_forms.demo_data import create_demo_inbox
from taskforce_forms.demo_ideas import create_demo_ideas
from taskforce_forms.models import (
    IdeaMove,
    IdeaRefused,
    IdeaStage,
    Mover,
    ProjectIdea,
    ProjectIdeaEvent,
    ProjectTeamMember,
    movers,
)
from taskforce_forms.privacy.erasure import erase_person
from taskforce_forms.privacy.export import personal_data

from ..factories import make_user, objective, region, secretariat_user
from .people import leader, representative, team_member

pytestmark = pytest.mark.django_db

A1_IDEAS = "/en/spaces/a1/ideas/"
A1_PROPOSE = "/en/spaces/a1/ideas/new/"
A1_PAGE = "/en/task-forces/goal-a/a1/"
IDEA = {
    "title": "Compost for Sahel farms",
    "summary": "Village compost units that return carbon to sandy soils.",
    "partners_sought": "A microfinance bank.",
    "funding_amount": "250000",
    "funding_currency": "EUR",
}

S, M, W = IdeaStage, IdeaMove, Mover
SECRETARIAT, LEADER, PROPOSER = W.SECRETARIAT, W.LEADER, W.PROPOSER

# Spelled out here rather than read from the model, so that a change of the rules fails a test:
# (stage, move): who may make it.
ALLOWED = {
    (S.IDEA, M.MAKE_CONCEPT): {LEADER, SECRETARIAT},
    (S.IDEA, M.WITHDRAW): {PROPOSER, LEADER, SECRETARIAT},
    (S.CONCEPT, M.WITHDRAW): {PROPOSER, LEADER, SECRETARIAT},
    (S.CONCEPT, M.PRESENT): {SECRETARIAT},
    (S.PRESENTED, M.FULL_PROPOSAL): {SECRETARIAT},
    (S.PRESENTED, M.NOT_FUND): {SECRETARIAT},
    (S.FULL_PROPOSAL, M.FUND): {SECRETARIAT},
    (S.FULL_PROPOSAL, M.NOT_FUND): {SECRETARIAT},
}
TARGETS = {
    M.MAKE_CONCEPT: S.CONCEPT,
    M.WITHDRAW: S.WITHDRAWN,
    M.PRESENT: S.PRESENTED,
    M.FULL_PROPOSAL: S.FULL_PROPOSAL,
    M.FUND: S.FUNDED,
    M.NOT_FUND: S.NOT_FUNDED,
}
# The way to each stage from a new idea, as the Secretariat (who may make every move there).
ROUTES = {
    S.IDEA: [],
    S.CONCEPT: [M.MAKE_CONCEPT],
    S.PRESENTED: [M.MAKE_CONCEPT, M.PRESENT],
    S.FULL_PROPOSAL: [M.MAKE_CONCEPT, M.PRESENT, M.FULL_PROPOSAL],
    S.FUNDED: [M.MAKE_CONCEPT, M.PRESENT, M.FULL_PROPOSAL, M.FUND],
    S.NOT_FUNDED: [M.MAKE_CONCEPT, M.PRESENT, M.NOT_FUND],
    S.WITHDRAWN: [M.WITHDRAW],
}


def propose(proposer, title="An idea", code="A1", **fields):
    idea = ProjectIdea.objects.create(
        task_force=objective(code), proposer=proposer, title=title, summary="What.", **fields
    )
    idea.record_proposal()
    return idea


def at_stage(stage, proposer=None, by=None):
    idea = propose(proposer or make_user("pablo"))
    for move in ROUTES[stage]:
        idea.move(move, by, frozenset({SECRETARIAT}))
    return idea


@pytest.mark.parametrize("stage", list(S))
@pytest.mark.parametrize("move", list(M))
@pytest.mark.parametrize("capacity", list(W))
def test_every_move_from_every_stage_in_every_capacity(stage, move, capacity):
    idea = at_stage(stage)
    events = idea.events.count()
    if capacity in ALLOWED.get((stage, move), set()):
        event = idea.move(move, by=None, capacities=frozenset({capacity}), note="Why.")
        idea.refresh_from_db()
        assert idea.stage == TARGETS[move]
        assert (event.from_stage, event.to_stage, event.capacity) == (stage, idea.stage, capacity)
    else:
        with pytest.raises(IdeaRefused):
            idea.move(move, by=None, capacities=frozenset({capacity}))
        idea.refresh_from_db()
        assert idea.stage == stage
        assert idea.events.count() == events


def test_a_refusal_says_who_may_or_what_the_stage_is():
    idea = at_stage(S.CONCEPT)
    with pytest.raises(IdeaRefused, match="only the Secretariat may"):
        idea.move(M.PRESENT, by=None, capacities=frozenset({LEADER}))
    with pytest.raises(IdeaRefused, match="it is at the stage “Concept proposal”"):
        idea.move(M.FUND, by=None, capacities=frozenset({SECRETARIAT}))


def test_a_move_made_meanwhile_by_someone_else_is_refused():
    idea = at_stage(S.IDEA)
    stale = ProjectIdea.objects.get(pk=idea.pk)
    idea.move(M.MAKE_CONCEPT, by=None, capacities=frozenset({LEADER}))
    with pytest.raises(IdeaRefused, match="Someone else moved this idea meanwhile"):
        stale.move(M.WITHDRAW, by=None, capacities=frozenset({PROPOSER}))
    assert ProjectIdea.objects.get(pk=idea.pk).stage == S.CONCEPT


def test_each_move_is_recorded_with_who_when_and_in_which_capacity():
    pablo, leila, sam = make_user("pablo"), leader(), secretariat_user()
    idea = propose(pablo)
    before = timezone.now()
    idea.move(M.MAKE_CONCEPT, leila, frozenset({LEADER, PROPOSER}), note="Ready.")
    idea.move(M.PRESENT, sam, frozenset({SECRETARIAT}), note="GCF round.")
    steps = list(idea.events.values_list("from_stage", "to_stage", "actor", "capacity", "note"))
    assert steps == [
        ("", S.IDEA, pablo.pk, PROPOSER, ""),
        (S.IDEA, S.CONCEPT, leila.pk, LEADER, "Ready."),
        (S.CONCEPT, S.PRESENTED, sam.pk, SECRETARIAT, "GCF round."),
    ]
    assert all(event.created_at >= before for event in idea.events.all()[1:])
    assert list(idea.team.values_list("user", flat=True)) == [pablo.pk]


def test_who_moves_in_which_capacity():
    leila, tamara = leader(), team_member()
    idea = propose(tamara)
    leila_membership, tamara_membership = leila.applications.get(), tamara.applications.get()
    assert movers(leila, idea, leila_membership) == {LEADER}
    assert movers(tamara, idea, tamara_membership) == {PROPOSER}
    assert movers(tamara, idea, None) == set(), "no longer a member: no longer the proposer"
    assert movers(make_user("sam"), idea, None, oversees=True) == {SECRETARIAT}
    other = propose(tamara, code="B1")
    assert movers(leila, other, leila_membership) == set(), "the Leader of another Task Force"


@pytest.mark.parametrize(
    "from_stage, to_stage",
    [("", S.CONCEPT), (S.IDEA, S.FUNDED), (S.WITHDRAWN, S.IDEA), (S.IDEA, S.IDEA), ("x", S.IDEA)],
)
def test_the_database_accepts_only_the_moves_of_the_state_machine(from_stage, to_stage):
    idea = propose(make_user("pablo"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectIdeaEvent.objects.create(
            idea=idea, from_stage=from_stage, to_stage=to_stage, capacity=SECRETARIAT
        )


@pytest.mark.parametrize(
    "fields",
    [
        {"stage": "dreamt"},
        {"funding_amount": 1000},
        {"funding_currency": "EUR"},
        {"funding_amount": 0, "funding_currency": "EUR"},
        {"funding_amount": 10, "funding_currency": "GBP"},
    ],
)
def test_the_database_refuses_an_unknown_stage_and_an_amount_without_currency(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectIdea.objects.create(
            task_force=objective("A1"), title="T", summary="S", proposer=None, **fields
        )


def test_one_place_per_person_in_a_project_team():
    tamara = team_member()
    idea = propose(make_user("pablo"))
    idea.join(tamara)
    with pytest.raises(IdeaRefused, match="already in this idea's project team"):
        idea.join(tamara)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectTeamMember.objects.create(idea=idea, user=tamara)
    idea.leave(tamara)
    with pytest.raises(IdeaRefused, match="not in this idea's project team"):
        idea.leave(tamara)


@pytest.mark.parametrize("stage", [S.WITHDRAWN, S.NOT_FUNDED])
def test_a_closed_idea_takes_nobody_into_its_team(stage):
    idea = at_stage(stage)
    with pytest.raises(IdeaRefused, match="closed"):
        idea.join(team_member())


# The space's pages


def test_a_member_proposes_an_idea_and_joins_the_team(client):
    tamara = team_member()
    client.force_login(tamara)
    response = client.post(A1_PROPOSE, {**IDEA, "regions": [region("Africa").pk]})
    idea = ProjectIdea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{A1_IDEAS}#idea-{idea.pk}"
    assert (idea.proposer, idea.task_force, idea.stage) == (tamara, objective("A1"), S.IDEA)
    assert (idea.funding_amount, idea.funding_currency) == (250000, "EUR")
    assert list(idea.regions.all()) == [region("Africa")]
    assert list(idea.team.values_list("user", flat=True)) == [tamara.pk]
    assert idea.events.get().actor == tamara
    html = client.get(A1_IDEAS).content.decode()
    assert "Compost for Sahel farms" in html
    assert "Proposed by Tamara Tester on" in html
    assert "250,000 EUR" in html
    assert "Leave the project team" in html


@pytest.mark.parametrize(
    "typed, error",
    [
        ({"title": ""}, "This field is required."),
        ({"funding_currency": ""}, "Choose the currency of the amount."),
        ({"funding_amount": ""}, "Give the amount, or choose no currency."),
        ({"funding_amount": "a lot"}, "Enter a whole number."),
        ({"funding_amount": "9" * 30}, "Ensure this value is less than or equal to"),
        ({"funding_currency": "XXX"}, "Select a valid choice."),
        ({"regions": ["99999"]}, "Select a valid choice."),
        ({"regions": ["abc"]}, "is not a valid value"),
    ],
)
def test_an_idea_with_mistakes_comes_back_as_typed(client, typed, error):
    client.force_login(team_member())
    response = client.post(A1_PROPOSE, {**IDEA, **typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("There is a problem") == 1
    assert error in html
    assert IDEA["summary"] in html
    assert not ProjectIdea.objects.exists()


def test_the_leader_makes_a_concept_proposal_in_the_space(client):
    idea = propose(team_member())
    client.force_login(leader())
    response = client.post(
        f"{A1_IDEAS}{idea.pk}/move/",
        {"move": M.MAKE_CONCEPT, "seen_stage": S.IDEA, "note": "Ready for funders."},
        follow=True,
    )
    idea.refresh_from_db()
    assert idea.stage == S.CONCEPT
    html = response.content.decode()
    assert "“An idea” is now at the stage “Concept proposal”." in html
    assert "Ready for funders." in html
    assert "Concept proposal, by Leila Tester" in html


@pytest.mark.parametrize(
    "posted, status, says",
    [
        ({"move": M.MAKE_CONCEPT, "seen_stage": S.IDEA}, 403, "or the Task Force Leader may"),
        ({"move": M.PRESENT, "seen_stage": S.IDEA}, 409, "it is at the stage"),
        ({"move": M.WITHDRAW, "seen_stage": S.CONCEPT}, 409, "Someone else moved this idea"),
        ({"move": "dream", "seen_stage": S.IDEA}, 400, "Choose one of the moves below."),
        ({"move": M.WITHDRAW, "seen_stage": "?"}, 400, "Select a valid choice"),
        ({}, 400, "This field is required."),
    ],
)
def test_a_refused_move_is_said_on_the_page_with_the_note_as_typed(client, posted, status, says):
    tamara = team_member()
    idea = propose(make_user("pablo"))
    client.force_login(tamara)
    response = client.post(f"{A1_IDEAS}{idea.pk}/move/", {**posted, "note": "My reasons."})
    html = response.content.decode()
    assert response.status_code == status
    assert says in html
    assert "My reasons." in html
    assert ProjectIdea.objects.get().stage == S.IDEA


def test_an_idea_of_another_task_force_is_not_found(client):
    idea = propose(make_user("pablo"), code="B1")
    client.force_login(leader())
    posted = {"move": M.MAKE_CONCEPT, "seen_stage": S.IDEA}
    assert client.post(f"{A1_IDEAS}{idea.pk}/move/", posted).status_code == 404
    assert client.post(f"{A1_IDEAS}{idea.pk}/team/").status_code == 404
    assert client.post(f"{A1_IDEAS}0/team/").status_code == 404


def test_members_join_and_leave_a_project_team(client):
    idea = propose(make_user("pablo"))
    rafael = representative()
    client.force_login(rafael)
    client.post(f"{A1_IDEAS}{idea.pk}/team/", {"action": "join"})
    response = client.post(f"{A1_IDEAS}{idea.pk}/team/", {"action": "join"}, follow=True)
    assert "You are already in this idea&#x27;s project team." in response.content.decode()
    assert idea.team.filter(user=rafael).count() == 1
    client.post(f"{A1_IDEAS}{idea.pk}/team/", {"action": "leave"})
    assert not idea.team.filter(user=rafael).exists()


def test_the_space_links_to_its_ideas(client):
    client.force_login(team_member())
    assert 'href="/en/spaces/a1/ideas/"' in client.get("/en/spaces/a1/").content.decode()


def test_the_ideas_page_lists_ideas_by_stage_with_history_in_arabic(client):
    tamara = team_member()
    at_stage(S.PRESENTED, proposer=tamara, by=secretariat_user())
    propose(tamara, title="Second idea")
    client.force_login(tamara)
    html = client.get("/ar/spaces/a1/ideas/").content.decode()
    assert html.index('id="stage-idea"') < html.index('id="stage-presented"')
    assert "Sam Secretariat" not in html, "the Secretariat's staff appear by their role"
    assert 'lang="ar"' in html


def test_the_ideas_page_costs_the_same_queries_however_many_ideas_and_members(
    client, django_assert_max_num_queries
):
    tamara = team_member()
    propose(tamara)
    client.force_login(tamara)
    client.get(A1_IDEAS)
    with django_assert_max_num_queries(20) as few:
        assert client.get(A1_IDEAS).status_code == 200
    queries = len(few.captured_queries)
    members = [team_member(f"member{number}") for number in range(8)]
    leila = leader()
    for number in range(8):
        idea = propose(members[number], title=f"Idea {number}")
        idea.regions.set([region("Africa"), region("Europe")])
        for member in members[:4]:
            if member != members[number]:
                idea.join(member)
        idea.move(M.MAKE_CONCEPT, leila, frozenset({LEADER}))
    with django_assert_max_num_queries(queries):
        assert client.get(A1_IDEAS).status_code == 200


# The objective's public page: counts only, the same for everyone


def counts_part(html):
    start = html.index('class="facts idea-counts"')
    return html[start : html.index("</dl>", start)]


def test_the_objective_page_counts_ideas_the_same_for_every_visitor(client, page_cache_on):
    tamara = team_member()
    for stage in (S.IDEA, S.IDEA, S.CONCEPT, S.PRESENTED, S.WITHDRAWN):
        at_stage(stage, proposer=tamara)
    anonymous = client.get(A1_PAGE).content.decode()
    assert "4 project ideas" in anonymous
    assert "2 concept proposals" in anonymous
    assert "1 concept proposal presented to funders" in anonymous
    assert "0 projects funded" in anonymous
    assert "An idea" not in anonymous, "never the contents"
    client.force_login(tamara)
    member = client.get(A1_PAGE)
    assert member["X-Page-Cache"] == "shared hit", "one page for every visitor"
    assert counts_part(member.content.decode()) == counts_part(anonymous)


def test_the_counts_follow_a_new_idea_and_a_move_at_once(client, page_cache_on):
    tamara, leila = team_member(), leader()
    assert "None proposed yet." in client.get(A1_PAGE).content.decode()
    assert client.get(A1_PAGE)["X-Page-Cache"] == "hit"
    idea = propose(tamara)
    assert "1 project idea<" in client.get(A1_PAGE).content.decode()
    idea.join(leila)
    assert client.get(A1_PAGE)["X-Page-Cache"] == "hit", "a new team member changes no count"
    idea.move(M.MAKE_CONCEPT, None, frozenset({LEADER}))
    assert "1 concept proposal<" in client.get(A1_PAGE).content.decode()
    ProjectIdea.objects.all().delete()
    assert "None proposed yet." in client.get(A1_PAGE).content.decode()


def test_the_counts_are_in_every_language(client):
    propose(team_member())
    html = client.get("/fr/task-forces/goal-a/a1/").content.decode()
    assert 'class="facts idea-counts"' in html


# The person's data


def test_ideas_teams_and_moves_are_in_the_persons_export():
    tamara, leila = team_member(), leader()
    idea = propose(tamara, title="Compost")
    other = propose(make_user("pablo"), title="Biochar")
    other.join(leila)
    idea.move(M.MAKE_CONCEPT, leila, frozenset({LEADER}), note="Go.")
    mine = personal_data(tamara)
    assert [entry["title"] for entry in mine["project_ideas"]] == ["Compost"]
    assert [place["title"] for place in mine["project_teams"]] == ["Compost"]
    leaders = personal_data(leila)
    assert leaders["project_ideas"] == []
    assert [place["title"] for place in leaders["project_teams"]] == ["Biochar"]
    moves = [(move["title"], move["to"], move["note"]) for move in leaders["project_idea_moves"]]
    assert moves == [("Compost", "Concept proposal", "Go.")]


def test_an_erasure_keeps_the_ideas_without_the_person_and_takes_them_out_of_teams(client):
    tamara = team_member()
    idea = propose(tamara, title="Compost")
    other = propose(make_user("pablo"), title="Biochar")
    other.join(tamara)
    erasure = erase_person(tamara, by=None)
    idea.refresh_from_db()
    assert idea.proposer is None
    assert idea.events.get().actor is None
    assert not ProjectTeamMember.objects.filter(idea=other).exclude(user__username="pablo").exists()
    assert idea.team.count() == 0
    assert (erasure.counts["project_ideas"], erasure.counts["project_teams"]) == (1, 2)
    client.force_login(leader())
    html = client.get(A1_IDEAS).content.decode()
    assert "Proposed on" in html
    assert "Project idea, by its proposer" in html


# The demo


def test_the_demo_has_three_ideas_at_different_stages_in_a1_and_c3():
    create_demo_inbox("x", secretariat_user("secretariat"))
    assert create_demo_ideas() == 3
    ideas = ProjectIdea.objects.order_by("task_force__code", "stage")
    assert [(idea.task_force.code, idea.stage) for idea in ideas] == [
        ("A1", S.CONCEPT),
        ("A1", S.IDEA),
        ("C3", S.PRESENTED),
    ]
    assert ProjectIdea.objects.get(stage=S.IDEA).team.count() == 3
    assert create_demo_ideas() == 0, "once only"
