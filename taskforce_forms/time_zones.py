"""Time zones, by their IANA names: which exist, and which one a person's times are shown in
(their profile's, else their browser's, else their country's, else UTC)."""

import zoneinfo
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Where a web page may send the browser's zone (`static/js/time-zone.js`), and where it is kept.
BROWSER_ZONE_FIELD = "browser_time_zone"
BROWSER_ZONE_SESSION_KEY = "browser_time_zone"


@cache
def time_zone_names():
    """Every zone this server knows, sorted; without the aliases kept for old systems."""
    return sorted(
        name
        for name in zoneinfo.available_timezones()
        if name == "UTC" or ("/" in name and not name.startswith(("Etc/", "SystemV/", "US/")))
    )


@cache
def _known_zones():
    return frozenset(time_zone_names())


def is_time_zone(name):
    return isinstance(name, str) and name in _known_zones()


def validate_time_zone(name):
    if not is_time_zone(name):
        raise ValidationError(_("Choose a time zone from the list."), code="invalid_time_zone")


# Where most people live in the countries with several zones whose first listed zone is not.
MAIN_ZONES = {
    "AU": "Australia/Sydney",
    "BR": "America/Sao_Paulo",
    "CA": "America/Toronto",
    "CD": "Africa/Kinshasa",
    "CL": "America/Santiago",
    "EC": "America/Guayaquil",
    "ES": "Europe/Madrid",
    "ID": "Asia/Jakarta",
    "KZ": "Asia/Almaty",
    "MX": "America/Mexico_City",
    "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow",
}


@cache
def country_zones():
    """The main zone of each country (ISO 3166 code): the first the time zone database lists
    for it, or the one where most of its people live (`MAIN_ZONES`). For a country with several
    zones it is a guess, which the person corrects on their profile."""
    zones = dict(MAIN_ZONES)
    for folder in zoneinfo.TZPATH:
        table = Path(folder) / "zone.tab"
        if table.is_file():
            for line in table.read_text().splitlines():
                if line and not line.startswith("#"):
                    country, _coordinates, zone, *_comment = line.split("\t")
                    zones.setdefault(country, zone)
            break
    return zones


def zone_of_country(country_code):
    zone = country_zones().get(str(country_code or "").upper())
    return zone if is_time_zone(zone) else None


def person_time_zone(user, browser_zone=None):
    """The zone `user`'s times are shown in: their profile's, else the one their browser sent,
    else their country's, else UTC."""
    profile = getattr(user, "profile", None)
    if profile is not None and profile.time_zone:
        return zoneinfo.ZoneInfo(profile.time_zone)
    if is_time_zone(browser_zone):
        return zoneinfo.ZoneInfo(browser_zone)
    country_zone = zone_of_country(profile.country) if profile is not None else None
    return zoneinfo.ZoneInfo(country_zone or "UTC")


def remember_browser_zone(request):
    """Keeps in the session the zone a space's form sent from the browser, when it is one."""
    zone = request.POST.get(BROWSER_ZONE_FIELD)
    if is_time_zone(zone):
        request.session[BROWSER_ZONE_SESSION_KEY] = zone


def request_time_zone(request):
    return person_time_zone(request.user, request.session.get(BROWSER_ZONE_SESSION_KEY))
