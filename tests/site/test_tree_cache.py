"""The tree of pages (routes, titles, codes, the lists and navigations built from them) kept
across publishes that leave it as it was, and forgotten by every change to it."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from home import page_cache
from home.models import HomePage
from strategy_pages.models import GoalPage, ObjectivePage
from strategy_pages.tree import tree_fingerprint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

A1 = "/en/task-forces/goal-a/a1/"
GOAL_A = "/en/task-forces/goal-a/"


def english(model, **lookups):
    return model.objects.get(locale=Locale.get_default(), **lookups)


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response["X-Page-Cache"] == "miss"
    return response, [query["sql"] for query in queries]


def test_a_publish_that_leaves_the_tree_reads_only_the_page_itself(
    client, django_capture_on_commit_callbacks
):
    """A new target: the route to the page, its goal's navigation and its translations come
    from the cache; the page itself, with its new target, does not."""
    page = english(ObjectivePage, code="A1")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # the first publish records what the tree is
    client.get(A1)
    page.description = "A description written this morning."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response, queries = queries_of(client, A1)
    assert "A description written this morning." in response.content.decode()
    assert len(queries) == 1
    assert "strategy_pages_objectivepage" in queries[0]


@pytest.mark.parametrize(
    ("path", "shown"), [(GOAL_A, "label"), ("/en/task-forces/", "label"), (A1, "title")]
)
def test_a_published_label_is_on_every_list_and_navigation_at_once(
    client, django_capture_on_commit_callbacks, path, shown
):
    """A2's label on its goal's list and on the strategy's; its title on the link from A1."""
    client.get(path)
    page = english(ObjectivePage, code="A2")
    page.label = "Carbon farming, renamed"
    page.title = "A title written this morning"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    content = client.get(path).content.decode()
    assert {"label": "Carbon farming, renamed", "title": "A title written this morning"}[
        shown
    ] in content


@pytest.mark.parametrize("path", ["/en/", A1])
def test_a_renamed_goal_is_renamed_on_the_home_page_and_in_the_navigation(client, path):
    client.get(path)
    goal = english(GoalPage, letter="A")
    goal.title = "Getting started"
    goal.save_revision().publish()
    assert "Getting started" in client.get(path).content.decode()


def test_a_changed_slug_moves_every_page_below_it(client, django_capture_on_commit_callbacks):
    assert client.get(A1).status_code == 200
    goal = english(GoalPage, letter="A")
    goal.slug = "goal-a-initiation"
    with django_capture_on_commit_callbacks(execute=True):
        goal.save_revision().publish()
    old_address = client.get(A1)
    assert old_address.status_code == 301  # Wagtail's redirect, made with the change
    assert old_address["Location"] == "/en/task-forces/goal-a-initiation/a1/"
    moved = client.get("/en/task-forces/goal-a-initiation/a1/")
    assert moved.status_code == 200
    assert 'href="/en/task-forces/goal-a-initiation/a2/"' in moved.content.decode()


def test_an_unpublished_objective_leaves_every_list(client):
    assert "/en/task-forces/goal-a/a2/" in client.get(GOAL_A).content.decode()
    english(ObjectivePage, code="A2").unpublish()
    assert "/en/task-forces/goal-a/a2/" not in client.get(GOAL_A).content.decode()
    assert client.get("/en/task-forces/goal-a/a2/").status_code == 404


def test_a_published_home_page_finds_the_sites_root_paths_ready(
    client, django_capture_on_commit_callbacks
):
    """Wagtail forgets them when a site's root page is saved; the publish finds them again."""
    client.get("/en/")
    with django_capture_on_commit_callbacks(execute=True):
        english(HomePage).save_revision().publish()
    response, queries = queries_of(client, "/en/")
    assert response.status_code == 200
    assert not [sql for sql in queries if "wagtailcore_site" in sql]


def test_a_page_made_private_is_no_longer_served_from_the_cache(client):
    assert client.get(A1)["X-Page-Cache"] == "miss"
    assert client.get(A1)["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(
        page=english(ObjectivePage, code="A1"), restriction_type=PageViewRestriction.GROUPS
    ).groups.add(Group.objects.create(name="Readers"))
    response = client.get(A1)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_language_keeps_its_own_fragments(client):
    """The goals' navigation, in English, then in French: each links to its own language."""
    assert 'href="/en/task-forces/goal-b/"' in client.get(A1).content.decode()
    french = client.get("/fr/task-forces/goal-a/a1/").content.decode()
    assert 'href="/fr/task-forces/goal-b/"' in french
    assert 'href="/en/task-forces/goal-b/"' not in french


class TestTheTreeGeneration:
    def test_a_publish_that_changes_nothing_shown_keeps_it(
        self, django_capture_on_commit_callbacks
    ):
        page = english(ObjectivePage, code="A1")
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        before = page_cache.TREE.current()
        page.description = "Another description."
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert page_cache.TREE.current() == before

    def test_a_change_renews_it_now_and_records_it_once_committed(
        self, django_capture_on_commit_callbacks
    ):
        """A page rendered between the change and its commit shows the tree before it: it must
        not be kept under the generation the commit records."""
        page = english(ObjectivePage, code="A1")
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        recorded = page_cache.TREE.fingerprint()
        before = page_cache.TREE.current()
        page.label = "A label written this morning"
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            page.save_revision().publish()
            during = page_cache.TREE.current()
            assert during > before
            assert page_cache.TREE.fingerprint() != recorded
        assert callbacks
        assert page_cache.TREE.current() > during
        assert page_cache.TREE.fingerprint() == tree_fingerprint() != recorded

    def test_every_change_to_everything_renews_it(self):
        before = page_cache.TREE.current()
        page_cache.new_generation()
        assert page_cache.TREE.current() > before
