"""The Secretariat's answer to a data-protection request, in the Wagtail admin: a person's data
as a file, and their erasure once confirmed. The views only call `personal_data`."""

import json
import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail_modeladmin.helpers import ButtonHelper

from ..inbox.permissions import answering_403
from ..models import person_name
from . import audit
from .erasure import ErasureRefused, erase_person, erasure_counts, refusal
from .export import personal_data

logger = logging.getLogger(__name__)

PERMISSION = "taskforce_forms.erase_person"


def can_handle_personal_data(user):
    """Superusers and the Secretariat group; nobody else sees or erases a person's data."""
    return user.has_perm(PERMISSION)


def export_url(person):
    return reverse("taskforce_forms_person_export", args=[person.pk])


def erase_url(person):
    return reverse("taskforce_forms_person_erase", args=[person.pk])


class PersonView(View):
    """A view of one person (a user account), for those who handle personal data only."""

    def dispatch(self, request, user_id):
        if not can_handle_personal_data(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request)


class ExportView(PersonView):
    """Everything held about the person, as a JSON file to send them."""

    http_method_names = ["get"]

    def get(self, request):
        data = personal_data(self.person)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename()}"'
        add_never_cache_headers(response)
        audit.record(self.person, audit.EXPORT_PERSONAL_DATA, by=request.user)
        logger.info("User %s exported the data of user %s", request.user.pk, self.person.pk)
        return response

    def filename(self):
        return f"personal-data-user-{self.person.pk}-{timezone.localdate():%Y-%m-%d}.json"


class EraseView(PersonView):
    """What an erasure would remove, and the erasure itself, on POST only."""

    http_method_names = ["get", "post"]
    template_name = "taskforce_forms/admin/person_erase.html"

    def get(self, request):
        return self.render()

    def post(self, request):
        try:
            erasure = erase_person(self.person, by=request.user)
        except ErasureRefused:
            return self.render(status=409)
        logger.info("User %s erased a person (erasure %s)", request.user.pk, erasure.pk)
        kept = erasure.counts["applications"]
        messages.success(
            request,
            ngettext(
                "The person's data were erased: their account and every record of them are "
                "deleted; %(count)d application is kept with nothing that names them.",
                "The person's data were erased: their account and every record of them are "
                "deleted; %(count)d applications are kept with nothing that names them.",
                kept,
            )
            % {"count": kept},
        )
        return redirect("taskforce_forms_profile_modeladmin_index")

    def render(self, status=200):
        person = self.person
        context = {
            "person": person,
            "name": person_name(person),
            "refusal": refusal(person),
            "counts": erasure_counts(person),
            "nominations": person.applications.nominated().select_related("task_force", "region"),
            "export_url": export_url(person),
            "people_url": reverse("taskforce_forms_profile_modeladmin_index"),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


def urls():
    """The admin URLs, answering 403 rather than Wagtail's redirect to the dashboard."""
    return answering_403(
        [
            path(
                "taskforce_forms/person/<int:user_id>/export/",
                ExportView.as_view(),
                name="taskforce_forms_person_export",
            ),
            path(
                "taskforce_forms/person/<int:user_id>/erase/",
                EraseView.as_view(),
                name="taskforce_forms_person_erase",
            ),
        ]
    )


class PersonButtonHelper(ButtonHelper):
    """The People list and a person's page offer the export and the erasure to the Secretariat."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not can_handle_personal_data(self.request.user):
            return buttons
        classnames = classnames_add or []
        buttons.append(
            {
                "url": export_url(obj.user),
                "label": _("Export personal data"),
                "classname": self.finalise_classname(["button-secondary", *classnames]),
                "title": _("Download everything held about this person, as a JSON file"),
            }
        )
        if refusal(obj.user) is None:
            buttons.append(
                {
                    "url": erase_url(obj.user),
                    "label": _("Erase this person"),
                    "classname": self.finalise_classname(["no", *classnames]),
                    "title": _("Erase this person's data, after a confirmation"),
                }
            )
        return buttons
