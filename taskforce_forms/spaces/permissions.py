"""Who enters a Task Force's space: its members, and the Secretariat. Everyone else finds no
space there (404)."""

from dataclasses import dataclass

from strategy_pages.choices import Role

from ..models import Application
from ..second_factor.policy import handles_personal_data


@dataclass(frozen=True)
class SpaceVisitor:
    """A user at the door of a Task Force's space: the application that makes them a member,
    if one does, or whether they oversee every space as the Secretariat."""

    membership: Application | None
    oversees: bool

    @property
    def may_enter(self):
        return self.membership is not None or self.oversees

    @property
    def may_export(self):
        """The Leader compiles what the Task Force knows; the Secretariat oversees it."""
        return self.oversees or (
            self.membership is not None and self.membership.role == Role.LEADER
        )

    @property
    def may_organise_meetings(self):
        """The Leader and the Regional Representatives organise the meetings; the Secretariat
        oversees them."""
        return self.oversees or (
            self.membership is not None and self.membership.role in MEETING_ORGANISERS
        )


MEETING_ORGANISERS = [Role.LEADER, Role.REGIONAL_REPRESENTATIVE]


def oversees_spaces(user):
    """The Secretariat and superusers, signed in with their second factor (they read people's
    data); the check of the factor comes first, as it costs no query."""
    return user.is_authenticated and user.is_verified() and handles_personal_data(user)


def space_visitor(user, task_force):
    membership = Application.objects.membership(user, task_force)
    return SpaceVisitor(membership, membership is None and oversees_spaces(user))
