"""Renders the site's icon, static/icons/favicon.svg, into the PNG and ICO files beside it.

Run after changing the SVG (`.venv/bin/python tools/icons.py`), then commit the files: the site
serves them as they are, nothing is drawn at run time. Needs the test extra (Playwright) and
Debian's Chromium.
"""

import base64
import io
import os
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SOIL = "#4a2f1b"  # the site header's colour (static/css/site.css, --soil)
TILE = (
    '<div style="inline-size:{size}px;block-size:{size}px;display:grid;place-items:center;'
    'background:{background}"><img src="{src}" width="{mark}" height="{mark}" alt=""></div>'
)


def render(page, size, mark=None, background="transparent"):
    """The SVG drawn at `mark` pixels in a `size`-pixel square, as PNG bytes."""
    svg = base64.b64encode((ICONS / "favicon.svg").read_bytes()).decode()
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        "<body style='margin:0'>"
        + TILE.format(
            size=size,
            mark=mark or size,
            background=background,
            src=f"data:image/svg+xml;base64,{svg}",
        )
    )
    return page.screenshot(omit_background=background == "transparent")


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        (ICONS / "favicon-32.png").write_bytes(render(page, 32))
        # iOS rounds the corners itself and shows transparency as black: a full square, the
        # mark on the header's soil brown.
        (ICONS / "apple-touch-icon.png").write_bytes(render(page, 180, 140, SOIL))
        small = Image.open(io.BytesIO(render(page, 16)))
        large = Image.open(io.BytesIO(render(page, 32)))
        large.save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32)], append_images=[small])
        browser.close()


if __name__ == "__main__":
    main()
