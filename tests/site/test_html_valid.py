"""Every kind of page is valid HTML, by the Nu Html Checker (vnu.jar, installed by make test)."""

import subprocess
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError

from ..factories import partner_user
from ..join.steps import QUALIFICATION, post_step

VNU = Path(__file__).resolve().parents[2] / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar"

PUBLIC_PAGES = [
    "/en/",
    "/en/task-forces/",
    "/en/task-forces/goal-c/",
    "/en/task-forces/goal-c/c3/",
    "/ar/task-forces/goal-c/c3/",
    "/zh-hans/task-forces/",
    "/en/search/?query=carbon",
    "/en/search/?query=xyzzy",
    "/zh-hans/search/?query=%E5%9C%9F%E5%A3%A4%E6%9C%89%E6%9C%BA%E7%A2%B3",
    "/fr/task-forces/goal-a/a1/",
    "/en/accounts/login/",
    "/en/accounts/request-login/",
    "/en/accounts/password/reset/",
]
JOIN_PAGES = ["/en/join/a1/role/", "/en/join/a1/qualification/", "/en/my-applications/"]


@pytest.mark.django_db
def test_pages_are_valid_html(client, tmp_path):
    assert VNU.exists(), "make test installs vnu-jar; run it once"
    pages = [client.get(url) for url in PUBLIC_PAGES]
    client.force_login(partner_user())
    client.post("/en/join/a1/role/", {"join_a1-current_step": "role", "role-role": "leader"})
    pages += [client.get(url) for url in JOIN_PAGES]
    pages.append(application_not_saved(client))
    for number, response in enumerate(pages):
        assert response.status_code == (503 if response is pages[-1] else 200)
        (tmp_path / f"page{number}.html").write_bytes(response.content)
    result = subprocess.run(  # noqa: S603
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", str(tmp_path)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def application_not_saved(client):
    """The page shown when the database fails while the join form is sent."""
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    failing = mock.patch(
        "taskforce_forms.join.submission.ApplicationEvent.objects.bulk_create",
        side_effect=OperationalError("database is locked"),
    )
    with failing:
        return post_step(client, "review", {"consent_to_processing": "on"})
