"""What a Task Force's members share in its space: what they know of the literature, ongoing
activities, projects and funders."""

from django.conf import global_settings, settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategy_pages.models import ObjectivePage

from .people import Region


class KnowledgeKind(models.TextChoices):
    LITERATURE = "literature", _("Literature")
    ACTIVITY = "activity", _("Ongoing activity")
    PROJECT = "project", _("Project")
    FUNDER = "funder", _("Funder or sponsor")


class KnowledgeEntryQuerySet(models.QuerySet):
    def of(self, task_force):
        return self.filter(task_force=task_force)

    def for_space(self):
        """With the author and the region's name in the visitor's language, in the same query."""
        return self.select_related("author", "region").annotate(
            region_name=Region.name_in_active_language()
        )


class KnowledgeEntry(models.Model):
    """One thing a member tells their Task Force of: a publication, an activity, a project, a
    funder. Kept when its author's data is erased, without the author: it is the team's."""

    task_force = models.ForeignKey(
        ObjectivePage,
        on_delete=models.PROTECT,
        related_name="knowledge_entries",
        verbose_name=_("Task Force"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=KnowledgeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True, max_length=500)
    description = models.TextField(_("short description"), max_length=1000)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_entries",
        verbose_name=_("region"),
    )
    source_language = models.CharField(
        _("language of the source"), max_length=10, choices=global_settings.LANGUAGES
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="knowledge_entries",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    objects = KnowledgeEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("knowledge entry")
        verbose_name_plural = _("knowledge entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["task_force", "kind"])]

    def __str__(self):
        return f"{self.task_force.code} · {self.get_kind_display()} · {self.title}"
