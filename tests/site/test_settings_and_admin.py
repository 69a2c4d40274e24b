"""Settings for production, the staff groups and the admin, the demo accounts."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home import health
from strategy_pages.models import ObjectivePage, StrategyPage

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="taskforces.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": ""}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


@pytest.mark.django_db
def test_editors_and_secretariat_groups_exist():
    editors = Group.objects.get(name="Editors")
    publish = editors.page_permissions.filter(permission__codename="publish_page")
    assert publish.exists()
    assert (
        Group.objects.get(name="Secretariat").permissions.filter(codename="access_admin").exists()
    )


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("ed", "ed@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_editor_edits_and_publishes_a_target(client, editor):
    client.force_login(editor)
    c3 = ObjectivePage.objects.get(code="C3", locale=Locale.get_default())
    response = client.get(f"/admin/pages/{c3.pk}/edit/")
    assert response.status_code == 200
    assert "Top 80** institutions" in response.content.decode()
    assert c3.permissions_for_user(editor).can_publish()


def test_the_admin_page_listing_shows_codes(client, editor):
    client.force_login(editor)
    goal_c = ObjectivePage.objects.get(code="C3", locale=Locale.get_default()).get_parent()
    html = client.get(f"/admin/pages/{goal_c.pk}/").content.decode()
    assert "C3 · Boost investments" in html


def test_the_admin_fetches_no_avatar_from_gravatar(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()


def test_the_page_tree_names_the_strategy_page(client, editor):
    client.force_login(editor)
    home = StrategyPage.objects.get(locale=Locale.get_default()).get_parent()
    html = client.get(f"/admin/pages/{home.pk}/").content.decode()
    assert "Strategy · Join our Task Forces" in html


def test_admin_search_finds_an_objective_by_code(client, editor):
    client.force_login(editor)
    html = client.get("/admin/pages/search/", {"q": "C3"}).content.decode()
    assert "C3 · Boost investments" in html


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_admin_search_lists_the_editors_language_first(client, editor, language):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    results = list(client.get("/admin/pages/search/", {"q": "C3"}).context["object_list"])
    languages = [page.locale.language_code for page in results]
    in_editor_language = languages.count(language)
    assert in_editor_language > 0 and len(set(languages)) > 1
    assert languages[:in_editor_language] == [language] * in_editor_language


def test_admin_search_ordered_by_title_keeps_that_order(client, editor):
    client.force_login(editor)
    assert client.get("/admin/pages/search/results/", {"q": "C3"}).status_code == 200
    response = client.get("/admin/pages/search/", {"q": "carbon", "ordering": "title"})
    titles = [page.title for page in response.context["object_list"]]
    assert titles == sorted(titles)


@pytest.mark.django_db
def test_seed_demo_creates_the_demo_accounts():
    with override_settings(DEBUG=True):
        out = StringIO()
        call_command("seed_demo", stdout=out)
        call_command("seed_demo", stdout=StringIO())  # a second run is harmless
    users = get_user_model().objects
    for username in ("admin", "editor", "secretariat", "partner", "member", "visitor"):
        assert users.get(username=username).check_password("demo-4p1000")
        assert username in out.getvalue()
    assert users.get(username="admin").is_superuser
    assert users.get(username="editor").groups.filter(name="Editors").exists()
    assert users.get(username="secretariat").groups.filter(name="Secretariat").exists()


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_without_debug():
    with override_settings(DEBUG=False), pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())


@pytest.mark.django_db
def test_health_checks(client):
    assert client.get("/health/alive/").content == b"ok"
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_health_says_503_when_the_database_does_not_answer(client, monkeypatch):
    monkeypatch.setattr(health, "database_answers", lambda: False)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_redis_url_selects_a_shared_cache():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION'])"
    )
    env = {
        **os.environ,
        "REDIS_URL": "redis://cache.internal:6379/1",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    assert output.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/1",
    ]


@pytest.mark.django_db
def test_the_content_security_policy_forbids_inline_code(client):
    policy = client.get("/en/task-forces/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
