"""The strategy's fixed vocabularies, shared by the page models and the join form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEADER = "leader", _("Task Force Leader")
    REGIONAL_REPRESENTATIVE = "regional_representative", _("Regional Representative")
    TEAM_MEMBER = "team_member", _("Team Member")


class Milestone(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    TARGET = "target", _("Target")


# Leaders and Regional Representatives are candidates: the Secretariat shortlists, then nominates
# or not; only people from a partner organization may stand.
CANDIDACY_ROLES = frozenset({Role.LEADER, Role.REGIONAL_REPRESENTATIVE})
