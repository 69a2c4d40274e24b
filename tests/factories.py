"""Small builders for the people of the tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale

from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage
from taskforce_forms.models import (
    AccessRequest,
    Application,
    MembershipStatus,
    Organization,
    Profile,
    Region,
)

PASSWORD = "a-test-password-4p1000"


def make_user(username, membership=None, **fields):
    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        PASSWORD,
        first_name=fields.pop("first_name", username.title()),
        last_name=fields.pop("last_name", "Tester"),
        **fields,
    )
    organization = None
    if membership is not None:
        organization = Organization.objects.create(
            name=f"{username.title()} Organization", membership_status=membership
        )
    Profile.objects.create(user=user, organization=organization)
    return user


def partner_user(username="paula"):
    return make_user(username, MembershipStatus.PARTNER)


def member_user(username="manuel"):
    return make_user(username, MembershipStatus.MEMBER)


def visitor_user(username="victor"):
    return make_user(username)


def staff_user(username, group):
    user = make_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def secretariat_user(username="sam"):
    return staff_user(username, "Secretariat")


def editor_user(username="edith"):
    return staff_user(username, "Editors")


def objective(code):
    return ObjectivePage.objects.get(code=code, locale=Locale.get_default())


def region(name):
    return Region.objects.get(name=name, locale=Locale.get_default())


def access_request(**fields):
    """A pending request for a login, from a partner organization's member writing in French."""
    return AccessRequest.objects.create(
        **{
            "name": "Lan Nguyen",
            "email": "lan@example.org",
            "organization_name": "Vietnam Soil Science Society",
            "country": "VN",
            "membership_claim": "partner",
            "language": "fr",
            **fields,
        }
    )


def apply(user, code="A1", role=Role.TEAM_MEMBER, **fields):
    """An application as the join form saves it."""
    return Application.objects.create(
        user=user,
        task_force=objective(code),
        role=role,
        language=fields.pop("language", "en"),
        consent_to_processing=True,
        **fields,
    )


BROKEN_MAIL_BACKEND = "tests.factories.BrokenMailBackend"


class BrokenMailBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def sign_in_with_second_factor(client, user):
    """`client` signed in as `user` would be after the password and a code from their app (the
    code step itself is tested in tests/accounts)."""
    client.force_login(user)
    give_second_factor(client, user)
    return client


def give_second_factor(client, user):
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Test app"}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


class StaffClient(Client):
    """A test client whose `force_login` also gives the second factor: for test cases whose
    helpers sign a superuser in themselves (Wagtail's `WagtailPageTestCase`)."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        give_second_factor(self, user)
