"""A record of access to personal data, in Wagtail's audit log: who opened an application or a
person's page, exported the applications or a person's data, erased a person, approved or
declined a request for a login, or, overseeing the Task Forces, opened a space, exported what
its members know or exported the project ideas.

Each entry is about one record (`AccessRecord`: the application, the person's account, the
request, the Task Force; for the applications export, the list itself) and holds ids, counts and
the filters chosen from a list, never what someone typed: no answer, note or search term.
Superusers read it in Reports › Site history and on each person's page; `retention.purge`
deletes it after `ACCESS_RECORD_RETENTION_DAYS`."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.models import ModelLogEntry

from ..models import AccessRecord, AccessRequest, Application, ProjectIdea, person_name
from ..models.privacy import about
from .export import Person

OPEN_APPLICATION = "taskforce_forms.open_application"
OPEN_PERSON = "taskforce_forms.open_person"
EXPORT_APPLICATIONS = "taskforce_forms.export_applications"
EXPORT_PERSONAL_DATA = "taskforce_forms.export_personal_data"
ERASE_PERSON = "taskforce_forms.erase_person"
APPROVE_ACCESS_REQUEST = "taskforce_forms.approve_access_request"
DECLINE_ACCESS_REQUEST = "taskforce_forms.decline_access_request"
OPEN_SPACE = "taskforce_forms.open_space"
EXPORT_KNOWLEDGE = "taskforce_forms.export_knowledge"
EXPORT_PROJECT_IDEAS = "taskforce_forms.export_project_ideas"

ACTIONS = [
    (OPEN_APPLICATION, _("Open an application"), _("Opened the application")),
    (OPEN_PERSON, _("Open a person"), _("Opened the person's page")),
    (EXPORT_PERSONAL_DATA, _("Export personal data"), _("Exported the person's data")),
    (ERASE_PERSON, _("Erase a person"), _("Erased the person's data")),
    (APPROVE_ACCESS_REQUEST, _("Approve a request for a login"), _("Approved the request")),
    (DECLINE_ACCESS_REQUEST, _("Decline a request for a login"), _("Declined the request")),
    (OPEN_SPACE, _("Open a Task Force's space"), _("Opened the Task Force's space")),
]
PERSON_ENTRIES_SHOWN = 50


def record(instance, action, by, data=None, title=None):
    """One entry: `by` did `action` to `instance`."""
    return AccessRecord.objects.log_action(
        instance, action, user=by, data=data, title=str(title or label(instance))
    )


def label(instance):
    """How an entry names its record: a person or a request by name, not by e-mail address."""
    if isinstance(instance, get_user_model()):
        return person_name(instance)
    if isinstance(instance, AccessRequest):
        return instance.name
    return str(instance)


def record_applications_export(by, export_format, rows, filters):
    """An export of the applications list: its format, how many rows, and `filters`, a list of
    (filter, choice) pairs as the list names them, the choice None where it was typed."""
    return record_list_export(Application, EXPORT_APPLICATIONS, by, export_format, rows, filters)


def record_project_ideas_export(by, export_format, rows, filters):
    """An export of the project ideas list, which names each idea's proposer and team."""
    return record_list_export(ProjectIdea, EXPORT_PROJECT_IDEAS, by, export_format, rows, filters)


def record_list_export(model, action, by, export_format, rows, filters):
    data = {"format": export_format, "rows": rows, "filters": [list(pair) for pair in filters]}
    the_list = ContentType.objects.get_for_model(model)
    return record(the_list, action, by, data=data, title=capfirst(model._meta.verbose_name_plural))


def record_space_opening(task_force, by, team):
    """The Secretariat or a superuser opened the space of `task_force`: how many members it
    showed, and how many of their e-mail addresses. A member's own visits are not recorded:
    they see what each colleague chose to share with them, and no more."""
    data = {
        "members": len(team),
        "contact_details": sum(1 for colleague in team if colleague.email),
    }
    return record(task_force, OPEN_SPACE, by, data=data, title=space_label(task_force))


def record_knowledge_export(task_force, by, export_format, rows, filters):
    """An export of what `task_force` knows by the Secretariat or a superuser, as
    `record_applications_export` records one of the applications (the author of each entry is
    in it)."""
    data = {"format": export_format, "rows": rows, "filters": [list(pair) for pair in filters]}
    return record(task_force, EXPORT_KNOWLEDGE, by, data=data, title=space_label(task_force))


def space_label(task_force):
    return gettext("Task Force %(code)s") % {"code": task_force.code}


def person_entries(user):
    """The latest entries about `user`, their applications and their requests for a login, and
    how many there are in all."""
    records = [
        user,
        *user.applications.only("pk"),
        *Person(user).access_requests().only("pk"),
    ]
    entries = AccessRecord.objects.filter(about(records))
    return entries.select_related("user")[:PERSON_ENTRIES_SHOWN], entries.count()


def forget_labels(records, name):
    """Wagtail's audit log and the access record call `records` `name` from now on: the names
    they had go with the data."""
    for log_model in (ModelLogEntry, AccessRecord):
        log_model.objects.filter(about(records)).update(label=str(name))


class ExportFormatter(LogFormatter):
    """An export's entry in Site history: how many rows, in which format, with which filters."""

    def message(self, rows):
        raise NotImplementedError

    def format_message(self, log_entry):
        data = log_entry.data
        rows = data.get("rows", 0)
        return self.message(rows) % {
            "count": rows,
            "format": str(data.get("format", "")).upper(),
            "filters": filters_summary(data.get("filters", [])),
        }


class ApplicationsExportFormatter(ExportFormatter):
    label = _("Export applications")

    def message(self, rows):
        return ngettext(
            "Exported %(count)d application as %(format)s; %(filters)s",
            "Exported %(count)d applications as %(format)s; %(filters)s",
            rows,
        )


class KnowledgeExportFormatter(ExportFormatter):
    label = _("Export what a Task Force knows")

    def message(self, rows):
        return ngettext(
            "Exported %(count)d entry of what the Task Force knows as %(format)s; %(filters)s",
            "Exported %(count)d entries of what the Task Force knows as %(format)s; %(filters)s",
            rows,
        )


class ProjectIdeasExportFormatter(ExportFormatter):
    label = _("Export project ideas")

    def message(self, rows):
        return ngettext(
            "Exported %(count)d project idea as %(format)s; %(filters)s",
            "Exported %(count)d project ideas as %(format)s; %(filters)s",
            rows,
        )


def filters_summary(filters):
    if not filters:
        return gettext("no filter")
    return "; ".join(
        gettext("%(filter)s: %(choice)s")
        % {"filter": name, "choice": gettext("not recorded") if choice is None else choice}
        for name, choice in filters
    )


def register_log_actions(actions):
    """For the `register_log_actions` hook. Site history lists the entries of every registered
    log model; no model logs into this one by type (`record` writes to it by name), so it is
    registered for itself."""
    actions.register_model(AccessRecord, AccessRecord)
    for action, action_label, message in ACTIONS:
        actions.register_action(action, action_label, message)
    actions.register_action(EXPORT_APPLICATIONS)(ApplicationsExportFormatter)
    actions.register_action(EXPORT_KNOWLEDGE)(KnowledgeExportFormatter)
    actions.register_action(EXPORT_PROJECT_IDEAS)(ProjectIdeasExportFormatter)
