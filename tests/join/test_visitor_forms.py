"""What every visitor's form shares: Enter sends the step, errors are summed up at the top,
personal data can be filled in by the browser, and no Django placeholder is shown."""

import re

import pytest
from django.utils import translation

from .pages import ACCESS_REQUEST, SENT_BACK, Markup, account_pages, join_steps, sent_back

pytestmark = pytest.mark.django_db

CONTROLS = ("input", "select", "textarea")


@pytest.fixture
def join_pages(client):
    return join_steps(client)


@pytest.fixture
def visitor_forms(client):
    pages = {**join_steps(client), **account_pages(client)}
    return {name: response for name, response in pages.items() if "application" not in name}


def summary_of(html):
    match = re.search(r'<div class="error-summary".*?</div>', html, re.DOTALL)
    return match and match.group(0)


def test_enter_in_a_field_sends_the_step_and_back_comes_after(join_pages):
    for name, response in join_pages.items():
        buttons = [
            attrs
            for tag, attrs in Markup(response.content.decode()).visitor_form()
            if tag == "button"
        ]
        assert "name" not in buttons[0], name  # implicit submission uses the first button
        names = [button.get("name") for button in buttons]
        if name.removeprefix(SENT_BACK).startswith("role"):
            assert names == [None, "start_again"]
        else:
            assert names == [None, "wizard_goto_step", "start_again"], name


def test_a_form_sent_back_opens_on_a_summary_of_its_errors(visitor_forms):
    for name, response in visitor_forms.items():
        html = response.content.decode()
        markup = Markup(html)
        if not sent_back(name):
            assert summary_of(html) is None, name
            assert not markup.title.startswith("Error"), name
            continue
        assert markup.title.startswith("Error: "), name
        form = markup.visitor_form()
        first_question = next(
            index
            for index, (tag, attrs) in enumerate(form)
            if tag in CONTROLS and attrs.get("type") != "hidden"
        )
        summary = form.index(("div", markup.find_all("div", **{"data-error-summary": None})[0]))
        assert summary < first_question, name
        assert form[summary][1]["tabindex"] == "-1"
        assert "There is a problem" in summary_of(html)
        assert "js/error-summary.js" in html
        assert_every_wrong_answer_is_linked(name, markup, summary_of(html))


def assert_every_wrong_answer_is_linked(name, markup, summary):
    controls = {
        attrs["id"]: attrs for tag, attrs in markup.elements if tag in CONTROLS and "id" in attrs
    }
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert all(target in controls for target in targets), (name, targets)
    assert not any("disabled" in controls[target] for target in targets), name
    wrong = {attrs["name"] for attrs in controls.values() if attrs.get("aria-invalid")}
    assert {controls[target]["name"] for target in targets} == wrong, name
    assert targets or "<li>" in summary, name  # or the form's own errors, unlinked


def test_the_summary_lists_the_errors_of_the_whole_form(client):
    html = account_pages(client)["sent back: login"].content.decode()
    assert "Please enter a correct username and password" in summary_of(html)
    assert html.count("Please enter a correct username and password") == 1


def test_the_summary_names_each_question(join_pages):
    summary = summary_of(join_pages["sent back: call for information"].content.decode())
    assert "Why do you qualify for this role? Ensure this value has at least 50" in summary
    assert "Availability for the role&#x27;s meetings: This field is required." in summary


def test_the_title_says_error_in_the_visitors_language(client):
    from_arabic_page = client.post(
        "/ar/accounts/request-login/", {"name": "", "email": ""}
    ).content.decode()
    with translation.override("ar"):
        error = translation.gettext("Error:")
    assert Markup(from_arabic_page).title.startswith(f"{error} ")


def test_no_django_placeholder_reaches_a_visitor(visitor_forms):
    for name, response in visitor_forms.items():
        assert "---------" not in response.content.decode(), name


def test_nothing_is_answered_for_the_visitor_when_asking_for_a_login(client):
    markup = Markup(client.get("/en/accounts/request-login/").content.decode())
    claims = markup.find_all("input", name="membership_claim")
    assert [claim["value"] for claim in claims] == ["partner", "member", "none"]
    assert not any("checked" in claim for claim in claims)
    assert "required" in claims[0]


def test_the_membership_question_speaks_to_the_visitor(client):
    html = client.get("/en/accounts/request-login/").content.decode()
    assert "the visitor" not in html
    assert "The Executive Secretariat checks your answer." in html


def test_the_country_lists_open_on_a_prompt(visitor_forms):
    for name in ("request a login", "profile"):
        html = visitor_forms[name].content.decode()
        assert '<option value="" selected>Choose your country…</option>' in html, name


def test_a_request_for_a_login_still_needs_the_membership_and_the_country(client):
    html = client.post(
        "/en/accounts/request-login/",
        {**ACCESS_REQUEST, "membership_claim": "", "country": ""},
    ).content.decode()
    links = re.findall(r'href="#([^"]+)"', summary_of(html))
    assert links == ["id_country", "id_membership_claim_0"]
    assert 'value="Ana Pereira"' in html  # what was typed stays


AUTOFILL = {
    "request a login": {
        "name": "name",
        "email": "email",
        "organization_name": "organization",
        "country": "country",
    },
    "profile": {
        "first_name": "given-name",
        "last_name": "family-name",
        "country": "country",
        "preferred_language": "language",
    },
    "login": {"username": "username", "password": "current-password"},
    "reset the password": {"email": "email"},
    "change the password": {
        "old_password": "current-password",
        "new_password1": "new-password",
        "new_password2": "new-password",
    },
}


def test_personal_data_fields_say_what_they_hold(visitor_forms):
    for page, expected in AUTOFILL.items():
        tokens = {
            attrs["name"]: attrs.get("autocomplete")
            for tag, attrs in Markup(visitor_forms[page].content.decode()).visitor_form()
            if attrs.get("name") in expected
        }
        assert tokens == expected, page
