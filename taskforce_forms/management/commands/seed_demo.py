import hashlib
from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from taskforce_forms.demo_data import create_demo_inbox
from taskforce_forms.demo_ideas import create_demo_ideas
from taskforce_forms.demo_meetings import create_demo_meetings
from taskforce_forms.demo_spaces import seed_spaces
from taskforce_forms.models import MembershipStatus, Organization, Profile
from taskforce_forms.second_factor.devices import enrol_known_secret

# The documented demo password; DEBUG only.
DEMO_PASSWORD = "demo-4p1000"  # nosec B105

DEMO_ORGANIZATIONS = {
    "partner": ("Soil Carbon Research Institute", "FR", MembershipStatus.PARTNER),
    "member": ("Green Valley Farmers' Cooperative", "KE", MembershipStatus.MEMBER),
}

# username: (first name, last name, group or None, superuser, what the account is for)
DEMO_ACCOUNTS = {
    "admin": ("Ada", "Admin", None, True, "superuser: everything"),
    "editor": ("Edith", "Editor", "Editors", False, "edits and publishes the strategy"),
    "secretariat": ("Sam", "Secretariat", "Secretariat", False, "moderates applications"),
    "partner": ("Paula", "Partner", None, False, "from a partner organization"),
    "member": ("Manuel", "Member", None, False, "from a member-only organization"),
    "visitor": ("Victor", "Visitor", None, False, "with no organization"),
}

# The accounts that must sign in with a second factor get an authenticator whose secret is
# printed here, so that a newcomer meets the real sign-in with any app or `oathtool`. The
# secret is derived from the username: the same on every run, known to anyone, demo only.
DEMO_SECOND_FACTOR = ("admin", "secretariat")


class Command(BaseCommand):
    help = f"Creates the demo accounts, all with the password {DEMO_PASSWORD!r}. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: it creates known passwords.")
        User = get_user_model()
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD})")
        for username, (first, last, group_name, superuser, purpose) in DEMO_ACCOUNTS.items():
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                    "is_staff": superuser or bool(group_name),
                    "is_superuser": superuser,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            Profile.objects.update_or_create(
                user=user, defaults={"organization": demo_organization(username)}
            )
            state = "created" if created else "exists "
            self.stdout.write(f"  {state}  {username:<12} {purpose}")
            if username in DEMO_SECOND_FACTOR:
                self.stdout.write(f"{'':22} {second_factor_line(user)}")
        secretariat = User.objects.get(username="secretariat")
        created = create_demo_inbox(DEMO_PASSWORD, secretariat)
        if created:
            self.stdout.write(
                f"Demo inbox: {created} applications from 14 applicants, 4 access requests"
            )
        # The spaces' members first: what happens in the spaces (meetings, ideas) comes after.
        self.show_space_members(seed_spaces(DEMO_PASSWORD, secretariat))
        if meetings := create_demo_meetings():
            self.stdout.write(f"Demo meetings: {meetings} in the A1 and C3 spaces")
        if ideas := create_demo_ideas():
            self.stdout.write(f"Demo project ideas: {ideas} in the A1 and C3 spaces")

    def show_space_members(self, logins):
        self.stdout.write("Demo spaces /en/spaces/a1/ and /en/spaces/c3/, for their members:")
        for created, username, description in logins:
            state = "created" if created else "exists "
            self.stdout.write(f"  {state}  {username:<12} {description}")


def demo_organization(username):
    if username not in DEMO_ORGANIZATIONS:
        return None
    name, country, status = DEMO_ORGANIZATIONS[username]
    organization, created = Organization.objects.get_or_create(
        name=name, defaults={"country": country, "membership_status": status}
    )
    if created:
        organization.record_membership_change("", changed_by=None)
    return organization


def demo_secret(username):
    """20 bytes, as authenticator apps expect, the same on every run."""
    return hashlib.sha256(f"4p1000 demo second factor: {username}".encode()).digest()[:20]


def second_factor_line(user):
    key = demo_secret(user.username)
    enrol_known_secret(user, key.hex())
    secret = b32encode(key).decode()
    return f"authenticator secret (demo only) {secret}: oathtool --totp -b {secret}"
