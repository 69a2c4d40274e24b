"""What the Secretariat does in its inbox: decide applications and access requests, and see
which Task Forces still lack people. The admin views only call these functions."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from strategy_pages.choices import Role
from strategy_pages.models import GoalPage, ObjectivePage

from . import emails
from .models import (
    AccessRequest,
    Application,
    ApplicationStatus,
    DecisionRefused,
    Organization,
    Profile,
    Region,
)


def decide(application, decision, by, note="", tell_note=False):
    """Applies a decision and queues the e-mail that tells the applicant, both or neither."""
    with transaction.atomic():
        event = application.decide(decision, by=by, note=note)
        emails.notify_decision(event, tell_note=tell_note)
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
        emails.notify_account_created(access_request, user)
    return user


def decline_access_request(access_request, by, note="", tell_note=False):
    with transaction.atomic():
        _close(access_request, AccessRequest.Status.DECLINED, by, note)
        emails.notify_access_request_declined(access_request, tell_note)


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


def pending_counts():
    return {
        "applications": Application.objects.pending().count(),
        "access_requests": AccessRequest.objects.filter(
            status=AccessRequest.Status.PENDING
        ).count(),
    }


def coverage():
    """Task Force × region: the nominated Leader, the Regional Representatives, the team size
    and the pending applications, in five queries whatever the number of Task Forces."""
    task_forces = list(
        ObjectivePage.objects.filter(locale=Locale.get_default())
        .order_by("path")
        .only("id", "code", "label", "title", "path", "depth")
    )
    regions = list(Region.objects.filter(locale=Locale.get_default()))
    nominees = Application.objects.nominated().select_related("user__profile__organization")
    team_sizes = counts_by_task_force(
        Application.objects.filter(status=ApplicationStatus.ACCEPTED, role=Role.TEAM_MEMBER)
    )
    pending = counts_by_task_force(Application.objects.pending())
    rows = {
        task_force.pk: {
            "task_force": task_force,
            "leader": None,
            "representatives": {region.pk: None for region in regions},
            "team_size": team_sizes.get(task_force.pk, 0),
            "pending": pending.get(task_force.pk, 0),
        }
        for task_force in task_forces
    }
    for application in nominees:
        row = rows.get(application.task_force_id)
        if row is None:
            continue
        if application.role == Role.LEADER:
            row["leader"] = application
        else:
            row["representatives"][application.region_id] = application
    for row in rows.values():
        row["representatives"] = [(region, row["representatives"][region.pk]) for region in regions]
        row["gaps"] = (row["leader"] is None) + sum(
            1 for _region, person in row["representatives"] if person is None
        )
    return {"regions": regions, "rows": list(rows.values())}


def counts_by_task_force(applications):
    return dict(
        applications.order_by()
        .values_list("task_force")
        .annotate(count=Count("id"))
        .values_list("task_force", "count")
    )


def applications_per_goal_by_month(months=12, today=None):
    """{goal letter: [count per month]} for the last `months` months, oldest first."""
    today = today or timezone.localdate()
    month_starts = _month_starts(today, months)
    since = timezone.make_aware(timezone.datetime(month_starts[0].year, month_starts[0].month, 1))
    counts = (
        Application.objects.filter(submitted_at__gte=since)
        .annotate(month=TruncMonth("submitted_at"), goal=Substr("task_force__code", 1, 1))
        .values("month", "goal")
        .annotate(count=Count("id"))
    )
    letters = list(
        GoalPage.objects.filter(locale=Locale.get_default())
        .order_by("letter")
        .values_list("letter", flat=True)
    )
    series = {letter: [0] * months for letter in letters}
    index = {(start.year, start.month): number for number, start in enumerate(month_starts)}
    for row in counts:
        position = index.get((row["month"].year, row["month"].month))
        if row["goal"] in series and position is not None:
            series[row["goal"]][position] += row["count"]
    return month_starts, series


def _month_starts(today, months):
    year, month = today.year, today.month
    starts = []
    for _step in range(months):
        starts.append(timezone.datetime(year, month, 1).date())
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def public_roster(objective):
    """Who a Task Force's public page names: the nominated Leader and Regional Representatives
    who consented to it (the others only as "nominated"), and the number of Team Members. One
    query, region names in the visitor's language included."""
    people = list(
        Application.objects.filter(
            task_force__translation_key=objective.translation_key,
            status__in=[ApplicationStatus.NOMINATED, ApplicationStatus.ACCEPTED],
        )
        .select_related("user__profile__organization", "region")
        .annotate(region_name=Region.name_in_active_language())
    )
    nominees = [person for person in people if person.status == ApplicationStatus.NOMINATED]
    representatives = sorted(
        (
            {"region": person.region_name, "application": person}
            for person in nominees
            if person.role == Role.REGIONAL_REPRESENTATIVE
        ),
        key=lambda representative: representative["application"].region.sort_order,
    )
    return {
        "leader": next((person for person in nominees if person.role == Role.LEADER), None),
        "representatives": representatives,
        "team_size": sum(1 for person in people if person.role == Role.TEAM_MEMBER),
    }
