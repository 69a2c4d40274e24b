"""What the browser tests of the Task Force spaces share: the two widths every page is looked
at, logging in on the public site, a text as the Arabic catalogue has it, and the Secretariat
presenting a concept proposal to funders."""

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from ..factories import PASSWORD
from .helpers import SCREENSHOTS
from .signing_in import sign_in_with_second_factor

WIDE, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
A1_SPACE = "/en/spaces/a1/"


def screenshots(page: Page, name):
    """`name`-1366.png and `name`-390.png, the whole page; the viewport is wide again after."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, viewport in (("1366", WIDE), ("390", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size(WIDE)


def log_in(page: Page, base_url, user, next_path=A1_SPACE):
    """`user` logs in on the public site (anyone logged in before is logged out first)."""
    page.context.clear_cookies()
    page.goto(f"{base_url}/en/accounts/login/?next={next_path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def arabic(message):
    with translation.override("ar"):
        return gettext(message)


def present_to_funders(page: Page, base_url, secretariat, title, note):
    """The Secretariat, signed in with its second factor, marks the concept proposal `title`
    presented to funders in the admin."""
    page.context.clear_cookies()
    sign_in_with_second_factor(page, base_url, secretariat)
    page.goto(f"{base_url}/admin/taskforce_forms/projectidea/?stage__exact=concept")
    page.get_by_role("link", name=title).first.click()
    page.get_by_label("Presented to funders").check()
    page.get_by_label("Note").fill(note)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("is now at the stage “Presented to funders”")).to_be_visible()
