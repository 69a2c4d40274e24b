# Django gives Arabic no date-and-time formats, so they fell back to English order and commas
# (“ديسمبر 1, 2026”): day, month, year, with the Arabic comma, as its DATE_FORMAT does. The
# right-to-left marks (U+200F) keep the numeric date's parts in order, as Django's
# SHORT_DATE_FORMAT for Arabic does.
DATETIME_FORMAT = "j F، Y، G:i"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y G:i"
