"""Signing in to the admin in the browser: the password, then, for the Secretariat and
superusers, a code computed from their authenticator's secret, as their phone would show it."""

import re

from playwright.sync_api import Page, expect

from ..accounts.signing_in import app_code, enrolled
from ..factories import PASSWORD


def sign_in(page: Page, base_url, user, password=PASSWORD):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def type_the_apps_code(page: Page, key, steps_ago=0):
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(app_code(key, steps_ago))
    page.get_by_role("button", name="Continue").click()


def sign_in_with_second_factor(page: Page, base_url, user, password=PASSWORD):
    device = user.totpdevice_set.filter(confirmed=True).first() or enrolled(user)
    sign_in(page, base_url, user, password)
    type_the_apps_code(page, device.bin_key)
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_have_count(0)
