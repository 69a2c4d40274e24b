"""A queued e-mail keeps references to the records it speaks of, not their text: read here,
where they are written, by the delivery and by the personal-data export and erasure."""

from django.apps import apps
from django.db import models


def reference(value):
    if isinstance(value, models.Model):
        return {"model": value._meta.label_lower, "pk": value.pk}
    return value


def is_reference(value):
    return isinstance(value, dict) and value.keys() == {"model", "pk"}


def dereference(value):
    if is_reference(value):
        return apps.get_model(value["model"])._default_manager.get(pk=value["pk"])
    return value


def referenced_records(mail):
    """The records `mail` speaks of, as (model label, primary key) pairs."""
    references = filter(is_reference, mail.context.values())
    return {(item["model"], item["pk"]) for item in references}
