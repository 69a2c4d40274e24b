"""Data protection: a person's data exported or erased at their request, closed applications
and old e-mails purged, and the Secretariat's screens for it."""
