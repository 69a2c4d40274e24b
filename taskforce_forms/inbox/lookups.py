"""What the address of a Secretariat list may ask for: the filters the list offers, each with
a choice it offers (a date filter, any date). The rest is refused before it reaches the
database: a lookup no filter offers, across relations too (with `user__password__startswith`
the rows shown would tell how each password hash begins), and a value the database cannot read
(`region=abc`, a date off the calendar)."""

import datetime
from dataclasses import dataclass

from django.contrib.admin.filters import DateFieldListFilter
from django.http import QueryDict
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator, capfirst

LONGEST_NAME = 40  # characters of a refused parameter's name repeated to the person
MOST_NAMES = 5  # refused parameters named in a message; a scanner may send a thousand


@dataclass(frozen=True)
class Refusal:
    """Parameters of an address left out: a filter the list lacks, or a choice its filter
    lacks. `label` names it for the person: the filter's title, or the name as typed."""

    label: str
    parameters: tuple
    unknown_filter: bool


def refusals(index_view, filter_specs, unknown_parameters):
    """What a modeladmin IndexView's address (`index_view.params`) asks that the list does not
    offer; `filter_specs` and `unknown_parameters` are as its `get_filters()` returns them."""
    refused = [
        Refusal(readable_name(name), (name,), unknown_filter=True)
        for name in sorted(unknown_parameters)
    ]
    for spec in filter_specs:
        asked = chosen_parameters(index_view.params, spec.expected_parameters())
        if asked and not offers(spec, asked, index_view):
            refused.append(Refusal(str(capfirst(spec.title)), tuple(asked), unknown_filter=False))
    return refused


def chosen_parameters(params, names):
    return {name: params.getlist(name) for name in names if name in params}


def offers(spec, asked, index_view):
    """Whether the filter `spec` has a choice for the `asked` parameters: one of the choices
    it shows, or for a date filter any dates (a bookmarked "Past 7 days" outlives its day)."""
    names = spec.expected_parameters()
    for choice in spec.choices(index_view):
        if chosen_parameters(QueryDict(choice["query_string"].lstrip("?")), names) == asked:
            return True
    return isinstance(spec, DateFieldListFilter) and asks_dates(spec, asked)


def asks_dates(spec, asked):
    ranges = {spec.lookup_kwarg_since, spec.lookup_kwarg_until}
    return all(
        name in ranges and len(values) == 1 and is_moment(values[0])
        for name, values in asked.items()
    )


def is_moment(value):
    """A date, or a date and time, as the database stores them. The first and last years of
    the calendar are left out: a moment there overflows when it moves to UTC."""
    try:
        moment = parse_datetime(value) or parse_date(value)
    except ValueError:  # well formed, but not in the calendar: 2026-02-30
        return False
    return moment is not None and datetime.MINYEAR < moment.year < datetime.MAXYEAR


def readable_name(name):
    """A parameter's name as the address spells it, short, without control characters."""
    printable = "".join(character if character.isprintable() else "\ufffd" for character in name)
    return Truncator(printable).chars(LONGEST_NAME)


def listed(labels):
    """Refusals' labels for a message, the first few only."""
    return ", ".join(labels[:MOST_NAMES]) + (", …" if len(labels) > MOST_NAMES else "")


def typeable(text):
    """Text from an address without the characters no one types: control characters, which
    PostgreSQL refuses (NUL) or only a scanner sends."""
    return "".join(character for character in text if character.isprintable())
