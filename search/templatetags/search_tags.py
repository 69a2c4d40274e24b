import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, terms):
    """`text`, escaped, with each searched word marked."""
    text = escape(text or "")
    words = [re.escape(escape(term)) for term in terms or [] if term]
    if not words:
        # Escaped above.
        return mark_safe(text)  # noqa: S308  # nosec B308 B703
    pattern = re.compile("(" + "|".join(sorted(words, key=len, reverse=True)) + ")", re.IGNORECASE)
    # Escaped above.
    return mark_safe(pattern.sub(r"<mark>\1</mark>", text))  # noqa: S308  # nosec B308 B703
