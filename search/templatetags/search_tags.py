import re

from django import template
from django.utils.html import escape, format_html_join

register = template.Library()


@register.filter
def highlight(text, terms):
    """`text`, escaped, with each searched word marked. Words are looked for in the text before
    it is escaped: a word such as "amp" must not be marked inside `&amp;`."""
    text = str(text or "")
    words = sorted({term for term in terms or [] if term}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("(" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE)
    pieces = pattern.split(text)  # text, word, text, word, …, text
    marked = format_html_join(
        "", "{}<mark>{}</mark>", zip(pieces[0::2], pieces[1::2], strict=False)
    )
    return marked + escape(pieces[-1])
