"""Every aria-describedby and aria-labelledby names an element of its page: a reference to a
missing id is silently dropped, and what it should have read out is never heard."""

import pytest

from ..join.pages import Markup, account_pages, join_steps

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "home": "/en/",
    "strategy": "/en/task-forces/",
    "goal": "/en/task-forces/goal-c/",
    "objective": "/en/task-forces/goal-c/c3/",
    "objective in Arabic": "/ar/task-forces/goal-c/c3/",
    "search": "/en/search/?query=carbon",
    "search without results": "/en/search/?query=xyzzy",
    "page not found": "/en/task-forces/goal-z/",
}


def dangling(pages):
    return {
        name: Markup(response.content.decode()).dangling_references()
        for name, response in pages.items()
        if Markup(response.content.decode()).dangling_references()
    }


def test_the_public_pages_refer_only_to_their_own_ids(client):
    pages = {name: client.get(url) for name, url in PUBLIC_PAGES.items()}
    assert pages["page not found"].status_code == 404
    assert dangling(pages) == {}


def test_every_step_of_the_join_form_refers_only_to_its_own_ids(client):
    pages = join_steps(client)
    assert {response.status_code for response in pages.values()} == {200}
    assert dangling(pages) == {}


def test_the_account_pages_refer_only_to_their_own_ids(client):
    pages = account_pages(client)
    assert {response.status_code for response in pages.values()} == {200}
    assert dangling(pages) == {}


def test_the_help_text_of_the_call_for_information_is_read_with_its_field(client):
    html = join_steps(client)["call for information"].content.decode()
    markup = Markup(html)
    described = [target for tag, name, target in markup.references if tag == "textarea"]
    assert "id_qualification-qualification_helptext" in described
    assert 'id="id_qualification-qualification_helptext"' in html
