"""The site's icon, linked from every page and answering at /favicon.ico, and a description on
every page, in every language."""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import translation
from PIL import Image
from wagtail.models import Page

from ..factories import visitor_user

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SITE_DESCRIPTION = (
    "The Task Forces of the “4 per 1000” Initiative turn its strategy for soil health and soil "
    "organic carbon into projects for climate and food security."
)
PAGES = ["", "task-forces/", "task-forces/goal-c/", "task-forces/goal-c/c3/"]
VIEWS = [
    "search/",
    "search/?query=carbon",
    "accounts/login/",
    "accounts/request-login/",
    "accounts/password/reset/",
    "no-such-page/",
]
ICON_LINKS = [
    ('rel="icon"', "icons/favicon-32.png", 'sizes="32x32" type="image/png"'),
    ('rel="icon"', "icons/favicon.svg", 'type="image/svg+xml"'),
    ('rel="apple-touch-icon"', "icons/apple-touch-icon.png", ""),
]


def description(response):
    found = re.findall(r'<meta name="description" content="([^"]*)">', response.content.decode())
    assert len(found) == 1, response.request["PATH_INFO"]
    return html.unescape(found[0])


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("icons/favicon.ico")
    icon = Image.open(finders.find("icons/favicon.ico"))
    assert icon.format == "ICO"
    assert icon.info["sizes"] == {(16, 16), (32, 32)}


@pytest.mark.parametrize("path", ["/en/", "/ar/task-forces/goal-c/c3/", "/en/accounts/login/"])
def test_every_page_links_the_icon(client, path):
    page = client.get(path, follow=True).content.decode()
    for rel, name, attributes in ICON_LINKS:
        link = f'<link {rel} href="{static(name)}" {attributes}'.strip()
        assert link in page, link


def test_the_icon_files_are_the_sizes_they_claim():
    assert Image.open(finders.find("icons/favicon-32.png")).size == (32, 32)
    # iOS shows transparency as black: the touch icon is opaque.
    touch = Image.open(finders.find("icons/apple-touch-icon.png"))
    assert (touch.size, touch.mode) == ((180, 180), "RGB")
    svg = Path(finders.find("icons/favicon.svg")).read_text()
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">')


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_page_is_described_by_its_search_description(client, language):
    pages = Page.objects.live().filter(locale__language_code=language).specific()
    by_url = {page.url: page for page in pages}
    for path in PAGES:
        url = f"/{language}/{path}"
        assert by_url[url].search_description
        assert description(client.get(url)) == by_url[url].search_description


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_view_without_a_page_has_the_sites_description(client, language):
    with translation.override(language):
        expected = translation.gettext(SITE_DESCRIPTION)
    for path in VIEWS:
        assert description(client.get(f"/{language}/{path}")) == expected, path
    client.force_login(visitor_user())
    for path in ("join/c3/", "my-applications/", "accounts/profile/"):
        assert description(client.get(f"/{language}/{path}", follow=True)) == expected, path
