"""The app's models, one module per area; the app label stays `taskforce_forms`."""

from .applications import (
    CANDIDACY_DECISIONS,
    CLOSED_STATUSES,
    OPEN_STATUSES,
    PENDING_STATUSES,
    ROSTER_STATUSES,
    TEAM_MEMBER_DECISIONS,
    WITHDRAWABLE_STATUSES,
    Application,
    ApplicationEvent,
    ApplicationQuerySet,
    ApplicationStatus,
    Decision,
    DecisionRefused,
    JoinDraft,
    Transition,
)
from .outbox import OutgoingMail
from .people import (
    AccessRequest,
    MembershipChange,
    MembershipStatus,
    Organization,
    Profile,
    Region,
    person_name,
    user_organization,
)
from .privacy import AccessRecord, PersonalDataErasure
from .spaces import KnowledgeEntry, KnowledgeKind

__all__ = [
    "CANDIDACY_DECISIONS",
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "PENDING_STATUSES",
    "ROSTER_STATUSES",
    "TEAM_MEMBER_DECISIONS",
    "WITHDRAWABLE_STATUSES",
    "AccessRecord",
    "AccessRequest",
    "Application",
    "ApplicationEvent",
    "ApplicationQuerySet",
    "ApplicationStatus",
    "Decision",
    "DecisionRefused",
    "JoinDraft",
    "KnowledgeEntry",
    "KnowledgeKind",
    "MembershipChange",
    "MembershipStatus",
    "Organization",
    "OutgoingMail",
    "PersonalDataErasure",
    "Profile",
    "Region",
    "Transition",
    "person_name",
    "user_organization",
]
