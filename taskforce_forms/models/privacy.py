"""What the site keeps of a person's data-protection requests, and of who looked at their data."""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager


class PersonalDataErasure(models.Model):
    """That a person's data was erased at their request: when, by whom and how much, and nothing
    that tells who they were."""

    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("erased by"),
    )
    counts = models.JSONField(
        _("what was erased"),
        default=dict,
        help_text=_("How many records of each kind were anonymised or deleted."),
    )

    class Meta:
        verbose_name = _("personal data erasure")
        verbose_name_plural = _("personal data erasures")
        ordering = ["-erased_at"]
        default_permissions = ()
        permissions = [("erase_person", _("Can export and erase a person's data"))]

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d %H:%M}"


def about(records):
    """A condition on log entries (with an `object_id`): those about any of `records`."""
    ids = defaultdict(list)
    for record in records:
        ids[ContentType.objects.get_for_model(record)].append(str(record.pk))
    condition = Q(pk__in=[])
    for content_type, object_ids in ids.items():
        condition |= Q(content_type=content_type, object_id__in=object_ids)
    return condition


class AccessRecordManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Superusers only. Wagtail shows a model's log entries to whoever has a permission on
        the model, which would show the Secretariat the record of its own access."""
        return self.all() if user.is_superuser else self.none()


class AccessRecord(BaseLogEntry):
    """A record of access to personal data, in Wagtail's audit log (Reports › Site history):
    who opened, exported, erased or decided on what, by ids and counts, never a person's words.
    Written by `privacy.audit`."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = AccessRecordManager()

    class Meta(BaseLogEntry.Meta):
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        ordering = ["-timestamp", "-id"]
        default_permissions = ()
