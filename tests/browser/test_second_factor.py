"""Staff sign in with a second factor, in the browser, with the production security headers:
the demo Secretariat with a code computed from the secret `make run` prints, and a new
Secretariat member enrolling (QR code, secret as text, first code, recovery codes). The admin's
login, the code step, enrolment and the recovery codes pass axe."""

import io
import re
from base64 import b32decode

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from ..accounts.signing_in import app_code
from ..factories import secretariat_user
from .helpers import SCREENSHOTS, assert_accessible, csp_violations
from .signing_in import sign_in, type_the_apps_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def demo_secret(username):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    line = re.search(rf" {username} .*\n.*oathtool --totp -b ([A-Z2-7]+)", out.getvalue())
    return line.group(1)


def test_the_demo_secretariat_signs_in_with_the_printed_secret(
    live_server, strategy_site, page: Page, settings
):
    settings.DEBUG = True
    secret = demo_secret("secretariat")
    settings.DEBUG = False
    violations = csp_violations(page)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/admin/taskforce_forms/application/?export=csv")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill("demo-4p1000")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    expect(page.get_by_text("applications")).to_have_count(0)
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / "admin-second-factor-step.png")
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill("123")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("This code is not right")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(app_code(b32decode(secret)))
    with page.expect_download() as download:
        page.get_by_role("button", name="Continue").click()
    assert download.value.suggested_filename.endswith(".csv"), "the page first asked for"
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_text("wait for a decision")).to_be_visible()
    assert violations == []


@pytest.mark.parametrize("width", [390, 1366])
def test_a_new_secretariat_member_enrols_at_first_sign_in(
    live_server, strategy_site, page: Page, width
):
    page.set_viewport_size({"width": width, "height": 900})
    violations = csp_violations(page)
    staff = secretariat_user()
    sign_in(page, live_server.url, staff)

    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    qr_code = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr_code).to_be_visible()
    box = qr_code.bounding_box()
    assert 150 <= box["width"] <= width - 32 and box["height"] == box["width"]
    secret = page.locator("#secret").inner_text()
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", secret), secret
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / f"admin-second-factor-enrol-{width}.png", full_page=True)

    key = b32decode(secret.replace(" ", ""))
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(app_code(key))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.locator(".second-factor__codes code")
    expect(codes).to_have_count(10)
    assert all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes.all_inner_texts())
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / f"admin-second-factor-codes-{width}.png", full_page=True)
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page.get_by_text("wait for a decision")).to_be_visible()

    # The next sign-in asks for the app's code, not for enrolment; the code just used is spent,
    # so the phone's next one is typed.
    page.context.clear_cookies()
    sign_in(page, live_server.url, staff)
    type_the_apps_code(page, key, steps_ago=-1)
    expect(page.get_by_text("wait for a decision")).to_be_visible()
    assert violations == []
