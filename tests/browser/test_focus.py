"""The keyboard focus ring stands out from whatever it is drawn on (WCAG 2.2, 1.4.11 and the
focus indicator of 2.4.11): tabbing through the home page, an objective page and the join
form's review step, every focused element has a ring of 3:1 or more against the colours
beside it, on the dark header as on the light page and footer."""

import pytest
from playwright.sync_api import Page

from .contrast import contrast_ratio
from .review_step import leader_at_the_review_step, log_the_browser_in, review_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_INDICATOR_CONTRAST = 3
# Beyond this, the tab order is going round in circles.
MOST_STOPS = 150

# The focused element's ring, and the background colours beside it: just outside the ring, and
# in the gap the offset leaves between ring and element (the element's own colour if none).
# Colours under a point come from the topmost element there, or the nearest ancestor with a
# background of its own.
FOCUS_RING = """
() => {
    const element = document.activeElement;
    if (!element || element === document.body || element.dataset.tabbedTo) return null;
    element.dataset.tabbedTo = "yes";
    const backgroundOf = (node) => {
        for (; node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (colour !== "transparent" && !/^rgba\\(.*,\\s*0\\)$/.test(colour)) return colour;
        }
        return "rgb(255, 255, 255)";
    };
    const backgroundAt = (x, y) => {
        const [topmost] = document.elementsFromPoint(x, y);
        return topmost ? backgroundOf(topmost) : null;
    };
    const style = getComputedStyle(element);
    const width = parseFloat(style.outlineWidth) || 0;
    const offset = parseFloat(style.outlineOffset) || 0;
    const box = element.getBoundingClientRect();
    const sides = (distance) => [
        backgroundAt(box.left - distance, box.top + box.height / 2),
        backgroundAt(box.right + distance, box.top + box.height / 2),
        backgroundAt(box.left + box.width / 2, box.top - distance),
        backgroundAt(box.left + box.width / 2, box.bottom + distance),
    ];
    const outside = sides(offset + width + 1);
    const inside = offset >= 1 ? sides(offset / 2) : [backgroundOf(element)];
    const name = (element.getAttribute("aria-label") || element.textContent || element.name || "")
        .trim().replace(/\\s+/g, " ").slice(0, 40);
    return {
        element: `<${[element.localName, ...element.classList].join(".")}> ${name}`,
        style: style.outlineStyle,
        width,
        colour: style.outlineColor,
        beside: [...new Set([...outside, ...inside].filter(Boolean))],
    };
}
"""


def focus_rings(page: Page):
    """Tabs through a page just opened: each focused element's ring, in tab order."""
    rings = []
    for _stop in range(MOST_STOPS):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring is None:
            return rings
        rings.append(ring)
    raise AssertionError(f"more than {MOST_STOPS} stops: the tab order never ends")


def faint_rings(rings):
    """The rings that cannot be told from a colour beside them, or that are not drawn."""
    faint = []
    for ring in rings:
        if ring["style"] == "none" or ring["width"] < 2:
            faint.append(f"{ring['element']}: no ring")
            continue
        for background in ring["beside"]:
            ratio = contrast_ratio(ring["colour"], background)
            if ratio < FOCUS_INDICATOR_CONTRAST:
                faint.append(f"{ring['element']}: {ring['colour']} on {background}, {ratio:.2f}:1")
    return faint


def test_the_focus_ring_stands_out_on_every_public_background(
    live_server, strategy_site, page: Page
):
    faint = {}
    for path in ("/en/", "/en/task-forces/goal-c/c3/", "/ar/task-forces/goal-a/a1/"):
        page.goto(live_server.url + path)
        rings = focus_rings(page)
        focused = " ".join(ring["element"] for ring in rings)
        for reached in ("<a.skip-link>", "<input> query", "English", "secretariat@"):
            assert reached in focused, "the header, the content and the footer are all reachable"
        faint[path] = faint_rings(rings)
    assert faint == {path: [] for path in faint}


def test_the_focus_ring_stands_out_on_the_join_form(
    live_server, strategy_site, page: Page, client
):
    leader_at_the_review_step(client, code="b1")
    log_the_browser_in(page, client, live_server.url)
    page.goto(review_url(live_server.url, "b1", "en"))
    rings = focus_rings(page)
    focused = " ".join(ring["element"] for ring in rings)
    for control in ("Log out", "<input>", "Back", "Submit", "Start again"):
        assert control in focused
    assert faint_rings(rings) == []
