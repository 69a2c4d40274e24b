"""What the Secretariat decides: applications, alone or together, and requests for a login.
Each decision and the e-mail that tells of it are saved together or not at all."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import AccessRequest, DecisionRefused, Organization, Profile
from ..outbox import notifications
from ..privacy import audit


def decide(application, decision, by, note="", tell_note=False):
    """Applies a decision and queues the e-mail that tells the applicant, both or neither."""
    with transaction.atomic():
        event = application.decide(decision, by=by, note=note)
        notifications.notify_decision(event, tell_note=tell_note)
    return event


def decide_many(applications, decision, by, note="", tell_note=False):
    """Decides each application on its own; returns those decided and those refused, with why."""
    decided, refused = [], []
    for application in applications:
        try:
            decide(application, decision, by, note, tell_note)
        except DecisionRefused as refusal:
            refused.append((application, str(refusal)))
        else:
            decided.append(application)
    return decided, refused


def approve_access_request(access_request, by, organization=None, membership_status=None, note=""):
    """Creates the account asked for, with its organization, and e-mails a set-password link.

    Without an existing `organization`, one named as in the request is found or created with
    `membership_status`: the visitor's own claim is only what they said."""
    User = get_user_model()
    email = access_request.email
    _refuse_if_decided(access_request)
    if User.objects.filter(email__iexact=email).exists():
        raise DecisionRefused(
            _(
                "An account with the e-mail address %(email)s already exists. Decline this "
                "request with a note that tells the visitor to reset their password."
            )
            % {"email": email}
        )
    with transaction.atomic():
        _close(access_request, AccessRequest.Status.APPROVED, by, note)
        if organization is None:
            organization = _organization_named(access_request, membership_status, by)
        user = User.objects.create_user(
            username=_free_username(email),
            email=email,
            password=None,
            first_name=access_request.name[:150],
        )
        Profile.objects.create(
            user=user,
            organization=organization,
            country=access_request.country,
            preferred_language=access_request.language,
        )
        notifications.notify_account_created(access_request, user)
        audit.record(
            access_request,
            audit.APPROVE_ACCESS_REQUEST,
            by=by,
            data={"account": user.pk, "organization": organization.pk},
        )
    return user


def decline_access_request(access_request, by, note="", tell_note=False):
    with transaction.atomic():
        _close(access_request, AccessRequest.Status.DECLINED, by, note)
        notifications.notify_access_request_declined(access_request, tell_note)
        audit.record(access_request, audit.DECLINE_ACCESS_REQUEST, by=by)


def _refuse_if_decided(access_request):
    if access_request.status != AccessRequest.Status.PENDING:
        raise DecisionRefused(_("This request has already been decided."))


def _close(access_request, status, by, note):
    """Decides a pending request once: a second approval, even at the same moment, is refused."""
    decision = {
        "status": status,
        "decided_by": by,
        "decided_at": timezone.now(),
        "decision_note": note,
    }
    decided = AccessRequest.objects.filter(
        pk=access_request.pk, status=AccessRequest.Status.PENDING
    ).update(**decision)
    if not decided:
        raise DecisionRefused(_("This request has already been decided."))
    for field, value in decision.items():
        setattr(access_request, field, value)


def _organization_named(access_request, membership_status, by):
    organization = Organization.objects.filter(
        name__iexact=access_request.organization_name.strip()
    ).first()
    if organization is None:
        organization = Organization.objects.create(
            name=access_request.organization_name.strip(),
            country=access_request.country,
            membership_status=membership_status
            or Organization._meta.get_field("membership_status").default,
        )
        organization.record_membership_change("", changed_by=by)
    return organization


def _free_username(email):
    User = get_user_model()
    base = email.split("@")[0][:140] or "user"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}{number}"
    return username
