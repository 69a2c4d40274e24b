"""How text is set on a page, as the browser laid it out: whether the page scrolls sideways,
which words were broken across two lines or pushed past the screen's edge, and which values of
a definition list were squeezed beside their labels."""

from playwright.sync_api import Page

# Tokens this long are addresses (e-mails, URLs), which may break where they must.
LONGEST_WORD = 30

BROKEN_WORDS = """
(longestWord) => {
    const hidden = (element) => {
        for (let node = element; node; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.display === "none" || style.visibility === "hidden") return true;
            if (style.clipPath !== "none" || style.clip !== "auto") return true;
        }
        return false;
    };
    // The lines a range lies on: rects that overlap vertically are one line.
    const lines = (range) => {
        const tops = [];
        for (const rect of range.getClientRects()) {
            if (rect.width === 0) continue;
            const middle = rect.top + rect.height / 2;
            if (!tops.some((line) => line.top <= middle && middle <= line.bottom)) {
                tops.push({top: rect.top, bottom: rect.bottom});
            }
        }
        return tops.length;
    };
    // Chinese and Japanese lines break between any two characters.
    const ideographic = /\\p{Script=Han}|\\p{Script=Hiragana}|\\p{Script=Katakana}/u;
    const language = document.documentElement.lang;
    const segmenter = new Intl.Segmenter(language, {granularity: "word"});
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const problems = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.data.trim() || hidden(node.parentElement)) continue;
        for (const token of node.data.matchAll(/\\S+/g)) {
            if (token[0].length > longestWord) continue;
            for (const word of segmenter.segment(token[0])) {
                if (!word.isWordLike || ideographic.test(word.segment)) continue;
                const range = document.createRange();
                const start = token.index + word.index;
                range.setStart(node, start);
                range.setEnd(node, start + word.segment.length);
                const box = range.getBoundingClientRect();
                if (lines(range) > 1) {
                    problems.push(`broken: ${word.segment} (in ${token[0]})`);
                } else if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
                    problems.push(`past the edge: ${word.segment}`);
                }
            }
        }
    }
    return problems;
}
"""


def broken_words(page: Page):
    """The words of the page split across lines, or reaching past the screen's edges."""
    return page.evaluate(BROKEN_WORDS, LONGEST_WORD)


SQUEEZED_VALUES = """
() => [...document.querySelectorAll("dl > div")]
    .filter((row) => {
        const value = row.querySelector("dd");
        return value && value.getBoundingClientRect().width < row.clientWidth / 2;
    })
    .map((row) => `squeezed: ${row.querySelector("dd").textContent.trim().slice(0, 40)}`)
"""


def squeezed_values(page: Page):
    """The values of definition lists (a <dl> of <div>s) given less than half their row."""
    return page.evaluate(SQUEEZED_VALUES)


def scrolls_sideways(page: Page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
