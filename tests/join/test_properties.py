"""Property-based tests of the public forms that write: the join form and request-a-login.

Whatever is posted — any Unicode, control characters, very long text, lists or numbers where
one text is expected, missing or forged step names, unknown or foreign Task Force and region
ids, a step not reached yet — the answer is the form with its errors, a redirect within the
form, or a 4xx: never a server error, and never half an application. Someone else's
application, or one that does not exist, is a 404 and stays as it was.

Each example runs in its own transaction (hypothesis.extra.django.TestCase) with an empty
cache, so neither data nor rate-limit counts carry over from one example to the next.
"""

import re
from typing import NamedTuple
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Locale

from strategy_pages.choices import Role
from taskforce_forms.join.eligibility import reason_role_unavailable
from taskforce_forms.join.questions import (
    FREE_TEXT_MAX_LENGTH,
    QUALIFICATION_MAX_LENGTH,
    QUALIFICATION_MIN_LENGTH,
    Availability,
    Contribution,
)
from taskforce_forms.join.views.wizard import CONTRIBUTION, QUALIFICATION, REGION, REVIEW, ROLE
from taskforce_forms.models import (
    AccessRequest,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    JoinDraft,
    MembershipStatus,
    Region,
)

from ..factories import apply, member_user, partner_user, visitor_user

LANGUAGES = [code for code, _name in settings.LANGUAGES]
STEPS = [ROLE, REGION, QUALIFICATION, CONTRIBUTION, REVIEW]
STEPS_OF_ROLE = {
    Role.LEADER: [ROLE, QUALIFICATION, REVIEW],
    Role.REGIONAL_REPRESENTATIVE: [ROLE, REGION, QUALIFICATION, REVIEW],
    Role.TEAM_MEMBER: [ROLE, CONTRIBUTION, REVIEW],
}
ANSWERS_OF_ROLE = {
    Role.LEADER: {"qualification", "availability", "availability_note"},
    Role.REGIONAL_REPRESENTATIVE: {"qualification", "availability", "availability_note"},
    Role.TEAM_MEMBER: {"contributions", "details"},
}
SENSIBLE_REDIRECT = re.compile(
    r"^/(?P<language>[a-z-]+)/(?:"
    r"join/(?P<code>[a-f][1-9])/(?P<step>role|region|qualification|contribution|review|done|sent)/"
    r"|my-applications/\d+/"
    r"|accounts/login/\?next=.+"
    r")$"
)

# Text: every code point a browser can send (lone surrogates cannot be encoded in UTF-8),
# control and format characters, NUL, and text far longer than any field allows.
characters = st.characters(exclude_categories=["Cs"])
typeable = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")  # as from a keyboard
any_text = st.text(characters, max_size=200)
short_text = st.text(characters, min_size=1, max_size=20)
control_text = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=20)
long_text = st.builds(
    lambda unit, length: (unit * length)[:length], short_text, st.integers(3_001, 100_000)
)
hostile_text = st.one_of(
    any_text,
    control_text,
    long_text,
    st.sampled_from(["", " ", "\x00", "a\x00b", "\u202e", "\ufeff", "<script>", "null"]),
)
# The test client sends numbers and booleans as their text and a list as one value per item.
wrong_type = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    st.lists(st.one_of(short_text, st.integers()), max_size=3),
)
anything = st.one_of(hostile_text, wrong_type)


def mostly(valid, invalid):
    """Valid five times out of six, so that whole submissions happen often enough."""
    return st.integers(0, 5).flatmap(lambda n: valid if n else invalid)


def or_missing(strategy):
    """The value, or None: the field is not sent at all."""
    return st.one_of(st.none(), strategy)


def regions_where(**filters):
    """Region ids from the database, read on first use (inside a test, where it is allowed)."""
    return st.deferred(
        lambda: st.sampled_from(
            list(Region.objects.filter(**filters).order_by("pk").values_list("pk", flat=True))
        )
    )


region_choices = regions_where(locale__language_code="en")
region_ids = st.one_of(
    region_choices,
    regions_where(locale__language_code="fr"),  # a translation: the same region, not a choice
    st.integers(),
    st.sampled_from([0, -1, 2**63, 10**30, "1.0", " 1 ", "٣", "1e3", "0x1", "", "None"]),
)
task_force_codes = st.one_of(
    st.sampled_from(["A1", "c3", "f3", "z9", "a0", "a10", "Ａ１", "а1", "١"]),
    short_text,
)
qualification_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=50, max_size=400),
    st.just("Twenty years of soil carbon research, and I run the regional network. " * 2),
)
contributions = st.lists(st.sampled_from(Contribution.values), min_size=1, unique=True)

PLAUSIBLE_ANSWERS = {
    "role-role": st.sampled_from(Role.values),
    "region-region": region_choices,
    "qualification-qualification": qualification_text,
    "qualification-availability": st.sampled_from(Availability.values),
    "qualification-availability_note": st.text(typeable, max_size=100),
    "contribution-contributions": contributions,
    "contribution-details": st.text(typeable, min_size=1, max_size=100),
    "review-consent_to_processing": st.just("on"),
    "review-consent_to_publication": st.just("on"),
}
FORGED_ANSWERS = {**PLAUSIBLE_ANSWERS, "region-region": region_ids}


class JoinRequest(NamedTuple):
    method: str
    url: str
    data: dict


def join_url(language, code, step):
    return f"/{language}/join/{quote(code, safe='')}/{quote(step, safe='')}/"


def step_post(language, step, answers, code="a1"):
    return JoinRequest(
        "post", join_url(language, code, step), {f"join_{code}-current_step": step, **answers}
    )


@st.composite
def honest_walks(draw):
    """Someone filling the form in for A1, step after step, for the role they choose. Now and
    then a post carries fields the form does not have (a browser extension, a forger)."""
    language = draw(st.sampled_from(LANGUAGES))
    role = draw(st.sampled_from(Role.values))
    walk = []
    for step in STEPS_OF_ROLE[role]:
        fields = {
            name: valid for name, valid in PLAUSIBLE_ANSWERS.items() if name.startswith(f"{step}-")
        }
        answers = draw(st.fixed_dictionaries(fields))
        if step == ROLE:
            answers["role-role"] = role
        answers.update(draw(st.dictionaries(short_text, anything, max_size=2)))
        walk.append(step_post(language, step, answers))
    return walk


@st.composite
def forged_join_requests(draw):
    """One request as anyone could forge it. Mostly a real step's post with a few things
    changed, so that it gets past the first checks: answers, step names, Task Force, extra
    fields, a jump to another step."""
    language = draw(st.sampled_from(LANGUAGES))
    code = draw(mostly(st.just("a1"), task_force_codes))
    step = draw(
        mostly(st.sampled_from(STEPS), st.one_of(st.sampled_from(["done", "sent"]), short_text))
    )
    url = join_url(language, code, step)
    if draw(st.integers(0, 4)) == 0:
        return JoinRequest("get", url, {})
    prefix_code = draw(mostly(st.just(code), task_force_codes)).lower()
    fields = {
        **{name: mostly(valid, or_missing(anything)) for name, valid in FORGED_ANSWERS.items()},
        f"join_{prefix_code}-current_step": mostly(
            st.just(step), or_missing(st.one_of(st.sampled_from(STEPS), anything))
        ),
        "wizard_goto_step": mostly(st.none(), st.one_of(st.sampled_from(STEPS), anything)),
        "start_again": mostly(st.none(), st.just("1")),
    }
    data = {
        name: value
        for name, value in draw(st.fixed_dictionaries(fields)).items()
        if value is not None
    }
    data.update(draw(st.dictionaries(short_text, anything, max_size=2)))
    return JoinRequest("post", url, data)


@st.composite
def join_sessions(draw):
    """An honest walk with forged requests slipped in anywhere: before, between or after."""
    walk = draw(honest_walks())
    forged = draw(st.lists(forged_join_requests(), min_size=1, max_size=4))
    at = draw(st.integers(0, len(walk)))
    return walk[:at] + forged + walk[at:]


class PropertyTestCase(TestCase):
    """Each example in its own transaction, with no rate-limit count left by the one before."""

    def setup_example(self):
        super().setup_example()
        cache.clear()


class JoinFormProperties(PropertyTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.users = {
            "partner": partner_user(),
            "member": member_user(),
            "visitor": visitor_user(),
            "without a profile": get_user_model().objects.create_user("nora", "nora@example.org"),
        }
        europe = Region.objects.get(name="Europe", locale__language_code="en")
        if not Region.objects.filter(locale__language_code="fr").exists():
            europe.copy_for_translation(Locale.objects.get(language_code="fr")).save()

    @given(
        who=st.sampled_from(["partner", "member", "visitor", "without a profile", "anonymous"]),
        before=st.sampled_from(["nothing", "nothing", "an open application", "a withdrawn one"]),
        requests=join_sessions(),
    )
    def test_never_a_server_error_and_never_half_an_application(self, who, before, requests):
        user = self.users.get(who)
        if user:
            self.client.force_login(user)
            self.give_history(user, before)
        existing = set(Application.objects.values_list("pk", flat=True))

        submitted = 0
        for request in requests:
            submitted += self.send(request, user)

        event(f"applications submitted: {submitted}")
        new = Application.objects.exclude(pk__in=existing)
        assert new.count() == submitted, "only completed submissions create applications"
        for application in new:
            assert application.user == user
            assert_complete(application)

    def give_history(self, user, before):
        if before == "nothing":
            return
        status = ApplicationStatus.SUBMITTED
        if before == "a withdrawn one":
            status = ApplicationStatus.WITHDRAWN
        application = apply(user, "A1", status=status)
        ApplicationEvent.objects.create(application=application, to_status=status, actor=user)

    def send(self, request, user):
        """Sends one request as a browser would, following redirects; checks the answer and
        returns how many applications it submitted."""
        with self.captureOnCommitCallbacks(execute=True):
            response = getattr(self.client, request.method)(request.url, request.data, follow=True)
        assert response.status_code in (200, 400, 404, 405), response.status_code
        if request.method == "post" and response.status_code == 200 and not response.redirect_chain:
            assert response.context["form"].errors, "a form that stays has errors to show"
        submitted = 0
        for url, _status in response.redirect_chain:
            target = SENSIBLE_REDIRECT.match(url)
            assert target, f"redirected to {url}"
            assert target["language"] == request.url.split("/")[1], "the language is kept"
            if target["step"] == "sent":
                submitted += 1
                key = f"join_{target['code']}"
                assert not JoinDraft.objects.filter(user=user, key=key).exists(), "draft left"
        return submitted


def assert_complete(application):
    """An application as only a whole, valid walk through the form can make it."""
    assert list(application.events.values_list("from_status", "to_status")) == [
        ("", ApplicationStatus.SUBMITTED)
    ]
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.consent_to_processing is True
    assert application.language in LANGUAGES
    assert reason_role_unavailable(application.user, application.role) is None
    is_representative = application.role == Role.REGIONAL_REPRESENTATIVE
    assert (application.region is not None) == is_representative
    if is_representative:
        assert application.region.locale == Locale.get_default()
    answers = application.answers
    assert set(answers) == ANSWERS_OF_ROLE[application.role]
    if application.is_candidacy:
        qualification = answers["qualification"]
        assert QUALIFICATION_MIN_LENGTH <= len(qualification) <= QUALIFICATION_MAX_LENGTH
        assert qualification == qualification.strip() and "\x00" not in qualification
        assert answers["availability"] in Availability.values
    else:
        assert answers["contributions"]
        assert set(answers["contributions"]) <= set(Contribution.values)
        assert len(answers["details"]) <= FREE_TEXT_MAX_LENGTH
        if Contribution.OTHER in answers["contributions"]:
            assert answers["details"].strip()
        assert application.consent_to_publication is False


ACCESS_REQUEST_ANSWERS = {
    "name": st.text(typeable, min_size=1, max_size=150),
    "email": st.emails(),
    "organization_name": st.text(typeable, min_size=1, max_size=200),
    "country": st.sampled_from(["SN", "FR", "CN", "BR", "EG", "RU"]),
    "membership_claim": st.sampled_from(MembershipStatus.values),
    "message": st.text(typeable, max_size=2000),
}


@st.composite
def access_requests(draw):
    """What someone types into request-a-login: plausible answers, some of them spoiled by
    anything at all or left out."""
    typed = draw(st.fixed_dictionaries(ACCESS_REQUEST_ANSWERS))
    for name in draw(st.sets(st.sampled_from(sorted(ACCESS_REQUEST_ANSWERS)))):
        typed[name] = draw(or_missing(anything))
    return {name: value for name, value in typed.items() if value is not None}


def as_received(value):
    """A posted value as the server reads it: the last of several, as text; None if absent."""
    if isinstance(value, list):
        value = value[-1] if value else None
    return None if value is None else str(value)


class RequestLoginProperties(PropertyTestCase):
    @given(language=st.sampled_from(LANGUAGES), typed=access_requests())
    def test_a_form_error_or_exactly_what_was_typed(self, language, typed):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/{language}/accounts/request-login/", typed)
        assert response.status_code in (200, 302, 400), response.status_code

        if response.status_code != 302:
            event("refused")
            if response.status_code == 200:
                assert response.context["form"].errors
            assert not AccessRequest.objects.exists()
            assert not mail.outbox
            return

        event("stored")
        assert response["Location"] == f"/{language}/accounts/request-login/sent/"
        stored = AccessRequest.objects.get()
        received = {name: as_received(value) for name, value in typed.items()}
        assert stored.name == received["name"].strip()
        assert stored.email == received["email"].strip()
        assert stored.organization_name == received["organization_name"].strip()
        assert stored.country == received["country"]
        assert stored.membership_claim == received["membership_claim"]
        assert stored.message == (received.get("message") or "").strip()
        assert stored.language == language
        assert stored.status == AccessRequest.Status.PENDING


class OtherPeoplesApplicationsProperties(PropertyTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.owner = partner_user()
        cls.application = apply(cls.owner, "A1")
        ApplicationEvent.objects.create(
            application=cls.application, to_status=ApplicationStatus.SUBMITTED, actor=cls.owner
        )
        cls.intruder = visitor_user()

    @given(
        target=st.one_of(st.just("someone else's"), st.integers(min_value=0)),
        path=st.sampled_from(["", "withdraw/"]),
        method=st.sampled_from(["get", "post"]),
        language=st.sampled_from(LANGUAGES),
    )
    def test_someone_elses_or_an_unknown_application_is_404(self, target, path, method, language):
        self.client.force_login(self.intruder)
        pk = self.application.pk if target == "someone else's" else target
        response = getattr(self.client, method)(f"/{language}/my-applications/{pk}/{path}")
        only_shows = method == "post" and not path
        assert response.status_code == (405 if only_shows else 404)
        self.application.refresh_from_db()
        assert self.application.status == ApplicationStatus.SUBMITTED
        assert self.application.events.count() == 1


# Regressions: what the properties above found, each kept as an ordinary test.


@pytest.mark.django_db
@pytest.mark.parametrize("forged_step", [QUALIFICATION, "nonsense", "done"])
def test_a_step_the_user_has_no_form_for_is_treated_as_an_expired_form(client, forged_step):
    client.force_login(partner_user())
    post(client, step_post("en", ROLE, {"role-role": Role.TEAM_MEMBER}))
    response = client.post(
        join_url("en", "a1", CONTRIBUTION),
        {"join_a1-current_step": forged_step, "contribution-contributions": "projects"},
        follow=True,
    )
    assert response.redirect_chain == [(join_url("en", "a1", CONTRIBUTION), 302)]
    assert "This form had expired or was sent twice." in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_jumping_away_from_the_role_step_keeps_the_role_that_was_validated(client):
    client.force_login(partner_user())
    post(client, step_post("en", ROLE, {"role-role": Role.LEADER}))
    client.get(join_url("en", "a1", ROLE))
    jump = step_post("en", ROLE, {"role-role": Role.TEAM_MEMBER, "wizard_goto_step": QUALIFICATION})
    response = post(client, jump, follow=True)
    assert response.redirect_chain == [(join_url("en", "a1", QUALIFICATION), 302)]
    assert "qualification-qualification" in response.content.decode()


@pytest.mark.django_db
def test_the_draft_keeps_only_the_steps_fields_and_no_nul_character(client):
    user = visitor_user()
    client.force_login(user)
    response = post(client, step_post("en", ROLE, {"role-role": Role.TEAM_MEMBER, "x": "\x00"}))
    assert response["Location"] == join_url("en", "a1", CONTRIBUTION)
    post(
        client,
        step_post(
            "en",
            CONTRIBUTION,
            {"contribution-details": "Maps\x00 of soil", "wizard_goto_step": ROLE},
        ),
    )
    steps = JoinDraft.objects.get(user=user).data["step_data"]
    assert steps == {
        ROLE: {"role-role": [Role.TEAM_MEMBER]},
        CONTRIBUTION: {"contribution-details": ["Maps of soil"]},
    }


def post(client, request, **options):
    return client.post(request.url, request.data, **options)
