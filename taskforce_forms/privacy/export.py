"""What the site holds about one person, found by their account or their e-mail address, and
gathered for a copy, as a data-protection request asks."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from ..models import (
    AccessRequest,
    Application,
    JoinDraft,
    KnowledgeEntry,
    Meeting,
    OutgoingMail,
    ProjectIdea,
    ProjectIdeaEvent,
    ProjectTeamMember,
    user_organization,
)
from ..outbox.references import referenced_records

# Where a person's records are


def login_records(usernames):
    """django-axes' records of logins and failed logins typed with one of `usernames`."""
    typed = Q(pk__in=[])
    for username in usernames:
        typed |= Q(username__iexact=username)
    return [model.objects.filter(typed) for model in (AccessAttempt, AccessFailureLog, AccessLog)]


def mails_to(email):
    """The outbox's e-mails with `email` among their recipients."""
    email = email.lower()
    return [
        mail
        for mail in OutgoingMail.objects.filter(recipients__icontains=email)
        if email in (recipient.lower() for recipient in mail.recipients)
    ]


def mails_about(records):
    """The outbox's e-mails whose context refers to one of `records` (e.g. an application the
    Secretariat was told of): they are rendered from it when sent."""
    references = {(record._meta.label_lower, record.pk) for record in records}
    labels = {label for label, _pk in references}
    if not labels:
        return []
    mentions = Q()
    for label in labels:
        mentions |= Q(context__icontains=label)
    return [
        mail
        for mail in OutgoingMail.objects.filter(mentions)
        if referenced_records(mail) & references
    ]


class Person:
    """One person's records, found by their account or, without one, by their e-mail address."""

    def __init__(self, user_or_email):
        if isinstance(user_or_email, str):
            self.user, self.email = None, user_or_email.strip()
        else:
            self.user, self.email = user_or_email, user_or_email.email

    @property
    def usernames(self):
        return {name for name in (self.email, self.user and self.user.username) if name}

    def applications(self):
        if self.user is None:
            return Application.objects.none()
        return (
            self.user.applications.select_related("task_force", "region")
            .prefetch_related("events")
            .order_by("submitted_at")
        )

    def join_drafts(self):
        return JoinDraft.objects.filter(user=self.user) if self.user else JoinDraft.objects.none()

    def knowledge_entries(self):
        """What they added to their Task Forces' spaces."""
        if self.user is None:
            return KnowledgeEntry.objects.none()
        entries = KnowledgeEntry.objects.filter(author=self.user)
        return entries.select_related("task_force", "region").order_by("created_at")

    def organised_meetings(self):
        """The meetings they scheduled in their Task Forces' spaces."""
        if self.user is None:
            return Meeting.objects.none()
        meetings = Meeting.objects.filter(organiser=self.user)
        return meetings.select_related("task_force").order_by("starts_at")

    def project_ideas(self):
        """The project ideas they proposed to their Task Forces."""
        if self.user is None:
            return ProjectIdea.objects.none()
        ideas = ProjectIdea.objects.filter(proposer=self.user)
        return ideas.select_related("task_force").prefetch_related("regions").order_by("created_at")

    def project_teams(self):
        """Their places in the project teams of ideas."""
        if self.user is None:
            return ProjectTeamMember.objects.none()
        places = ProjectTeamMember.objects.filter(user=self.user)
        return places.select_related("idea__task_force").order_by("joined_at")

    def project_idea_moves(self):
        """The moves of project ideas they made (as a Leader or a proposer)."""
        if self.user is None:
            return ProjectIdeaEvent.objects.none()
        moves = ProjectIdeaEvent.objects.filter(actor=self.user)
        return moves.select_related("idea__task_force").order_by("created_at", "pk")

    def access_requests(self):
        if not self.email:
            return AccessRequest.objects.none()
        return AccessRequest.objects.filter(email__iexact=self.email).order_by("created_at")

    def mails_to(self):
        return mails_to(self.email) if self.email else []

    def mails(self):
        """Every e-mail of the outbox to them or about them."""
        about = [*self.applications(), *self.access_requests(), *filter(None, [self.user])]
        mails = {mail.pk: mail for mail in [*self.mails_to(), *mails_about(about)]}
        return list(mails.values())

    def login_records(self):
        return login_records(self.usernames)


# The copy


def personal_data(user_or_email):
    """Everything held about one person, as people read it, ready to be saved as JSON."""
    person = Person(user_or_email)
    user = person.user
    return {
        "exported_at": timezone.now(),
        "email": person.email,
        "account": _account(user) if user else None,
        "profile": _profile(user) if user else None,
        "applications": [_application(application, user) for application in person.applications()],
        "access_requests": [_access_request(request) for request in person.access_requests()],
        "join_form_drafts": [_draft(draft) for draft in person.join_drafts()],
        "knowledge_entries": [_knowledge_entry(entry) for entry in person.knowledge_entries()],
        "project_ideas": [_project_idea(idea) for idea in person.project_ideas()],
        "project_teams": [_project_team_place(place) for place in person.project_teams()],
        "project_idea_moves": [_project_idea_move(event) for event in person.project_idea_moves()],
        "organised_meetings": [_meeting(meeting) for meeting in person.organised_meetings()],
        "emails": [_mail(mail) for mail in person.mails_to()],
        "login_records": [
            _login_record(record) for records in person.login_records() for record in records
        ],
    }


def _account(user):
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def _profile(user):
    profile = getattr(user, "profile", None)
    if profile is None:
        return None
    organization = user_organization(user)
    return {
        "organization": organization
        and {
            "name": organization.name,
            "country": organization.country.name,
            "membership_status": organization.get_membership_status_display(),
        },
        "country": profile.country.name,
        "preferred_language": profile.get_preferred_language_display(),
        "time_zone": profile.time_zone,
    }


def _application(application, user):
    task_force = application.task_force
    return {
        "id": application.pk,
        "task_force": f"{task_force.code} · {task_force.label}",
        "role": application.get_role_display(),
        "region": application.region and application.region.name,
        "status": application.get_status_display(),
        "language": application.get_language_display(),
        "submitted_at": application.submitted_at,
        "consent_to_processing": application.consent_to_processing,
        "consent_to_publication": application.consent_to_publication,
        "consent_to_share_contact": application.consent_to_share_contact,
        "answers": [
            {"question": str(question), "answer": answer}
            for question, answer in application.answer_list()
        ],
        "history": [_event(event, user) for event in application.events.all()],
    }


def _knowledge_entry(entry):
    return {
        "id": entry.pk,
        "task_force": entry.task_force.code,
        "type": entry.get_kind_display(),
        "title": entry.title,
        "url": entry.url,
        "description": entry.description,
        "region": entry.region and entry.region.name,
        "source_language": entry.source_language,
        "added_at": entry.created_at,
    }


def _meeting(meeting):
    return {
        "id": meeting.pk,
        "task_force": meeting.task_force.code,
        "title": meeting.title,
        "agenda": meeting.agenda,
        "starts_at": meeting.starts_at,
        "time_zone": meeting.time_zone,
        "duration_minutes": meeting.duration,
        "online_url": meeting.online_url,
        "place": meeting.place,
        "cancelled_at": meeting.cancelled_at,
        "minutes": meeting.minutes,
        "scheduled_at": meeting.created_at,
    }


def _project_idea(idea):
    return {
        "id": idea.pk,
        "task_force": idea.task_force.code,
        "title": idea.title,
        "summary": idea.summary,
        "regions": [region.name for region in idea.regions.all()],
        "partners_sought": idea.partners_sought,
        "funding_amount": idea.funding_amount,
        "funding_currency": idea.funding_currency,
        "stage": idea.get_stage_display(),
        "proposed_at": idea.created_at,
    }


def _project_team_place(place):
    return {
        "idea": place.idea_id,
        "task_force": place.idea.task_force.code,
        "title": place.idea.title,
        "joined_at": place.joined_at,
    }


def _project_idea_move(event):
    return {
        "idea": event.idea_id,
        "task_force": event.idea.task_force.code,
        "title": event.idea.title,
        "when": event.created_at,
        "as": event.get_capacity_display(),
        "from": event.get_from_stage_display(),
        "to": event.get_to_stage_display(),
        "note": event.note,
    }


def _event(event, user):
    """A step of the history. Who decided is the Secretariat's business, not named here."""
    if event.actor_id is None:
        by = ""
    elif event.actor_id == user.pk:
        by = gettext("the applicant")
    else:
        by = gettext("the Secretariat")
    return {
        "when": event.created_at,
        "from": event.get_from_status_display(),
        "to": event.get_to_status_display(),
        "by": by,
        "note": event.note,
    }


def _access_request(access_request):
    return {
        "name": access_request.name,
        "email": access_request.email,
        "organization": access_request.organization_name,
        "country": access_request.country.name,
        "membership_claim": access_request.get_membership_claim_display(),
        "message": access_request.message,
        "language": access_request.get_language_display(),
        "status": access_request.get_status_display(),
        "received": access_request.created_at,
        "decided_at": access_request.decided_at,
        "note": access_request.decision_note,
    }


def _draft(draft):
    return {
        "form": draft.key,
        "updated_at": draft.updated_at,
        "answers_so_far": draft.data.get("step_data", {}),
    }


def _mail(mail):
    return {
        "subject": mail.subject,
        "status": mail.get_status_display(),
        "queued_at": mail.created_at,
        "last_attempt_at": mail.last_attempt_at,
        "sent_at": mail.sent_at,
    }


def _login_record(record):
    return {
        "kind": str(record._meta.verbose_name),
        "when": record.attempt_time,
        "username": record.username,
        "ip_address": record.ip_address,
        "user_agent": record.user_agent,
        "path": record.path_info,
    }
