"""Text as each of the site's languages writes it."""

from django.utils.translation import get_language

LIST_SEPARATORS = {"ar": "، ", "zh-hans": "、"}


def list_separator():
    """Between the items of a list in a sentence: the Arabic comma in Arabic, the enumeration
    comma in Chinese, a comma elsewhere."""
    return LIST_SEPARATORS.get(get_language(), ", ")


def join_items(items):
    return list_separator().join(str(item) for item in items)
