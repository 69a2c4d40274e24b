# Django gives Arabic no date-and-time formats, so they fell back to English order and commas
# (“ديسمبر 1, 2026”): day, month, year, with the Arabic comma, as its DATE_FORMAT does.
DATETIME_FORMAT = "j F، Y، G:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y G:i"
