"""What the site keeps of a person's data-protection requests."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
