"""The join form filled in through the test client up to its review step, then opened in the
browser with the same login: a browser test reaches the review step in one page load, in any
language."""

from django.conf import settings
from playwright.sync_api import Page

from ..factories import partner_user
from ..join.steps import QUALIFICATION, post_step

# A note with an address too long for a phone's line: it may break, nothing else may.
AVAILABILITY_NOTE = (
    "Not in August. My assistant keeps my calendar: "
    "secretariat.regional-network@institut-senegalais-recherches.example.org"
)


def leader_at_the_review_step(client, code):
    """A partner who has answered every step before the review, as a candidate Leader."""
    user = partner_user()
    client.force_login(user)
    for step, answers in (
        ("role", {"role": "leader"}),
        (
            "qualification",
            {
                "qualification": QUALIFICATION,
                "availability": "all",
                "availability_note": AVAILABILITY_NOTE,
            },
        ),
    ):
        response = post_step(client, step, answers, code=code)
        assert response.status_code == 302, f"the {step} step was refused"
    return user


def log_the_browser_in(page: Page, client, base_url):
    """Gives the browser the test client's session."""
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": base_url}]
    )


def review_url(base_url, code, language):
    return f"{base_url}/{language}/join/{code}/review/"
