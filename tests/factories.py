"""Small builders for the people of the tests."""

from django.contrib.auth import get_user_model

from taskforce_forms.models import MembershipStatus, Organization, Profile

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
