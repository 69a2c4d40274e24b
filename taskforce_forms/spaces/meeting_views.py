"""A Task Force's meetings in its space: every member sees them, in their own time zone, with
their minutes; the Leader, the Representatives and the Secretariat schedule, change and cancel
them and record their minutes. The state changes are `spaces.meetings`'; as the space's other
views, these are never cached (`SpaceMixin`)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from home.localized import translated

from ..models import Meeting
from ..time_zones import request_time_zone
from . import meetings
from .meeting_forms import MeetingForm, MinutesForm
from .views import SpaceMixin

FORM_TEMPLATE = "taskforce_forms/spaces/meeting_form.html"


class MeetingsMixin(SpaceMixin):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            objective=translated(self.task_force),
            code=self.task_force.code,
            time_zone=request_time_zone(self.request),
            may_organise=self.visitor.may_organise_meetings,
        )
        return context

    def meetings_page(self):
        return reverse("task_force_meetings", kwargs={"code": self.task_force.code.lower()})


class MeetingsView(MeetingsMixin, TemplateView):
    """The upcoming meetings, the soonest first, then the past ones with their minutes."""

    template_name = "taskforce_forms/spaces/meetings.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings_of_task_force = Meeting.objects.of(self.task_force).select_related("organiser")
        context.update(
            upcoming=meetings_of_task_force.upcoming(),
            past=meetings_of_task_force.past(),
        )
        return context


class OrganiserMixin(MeetingsMixin):
    """Only for those who organise the meetings; 404 to the other members, as the Leader's
    export is."""

    template_name = FORM_TEMPLATE

    def admits(self, visitor):
        return visitor.may_organise_meetings

    @cached_property
    def meeting(self):
        return get_object_or_404(
            Meeting.objects.of(self.task_force).select_related("task_force"),
            pk=self.kwargs["pk"],
        )

    def refused(self, refusal):
        messages.error(self.request, str(refusal))
        return redirect(self.meetings_page())


class ScheduleMeetingView(OrganiserMixin, FormView):
    form_class = MeetingForm
    http_method_names = ["get", "head", "post"]

    def get_form_kwargs(self):
        profile = getattr(self.request.user, "profile", None)
        return {
            **super().get_form_kwargs(),
            "default_zone": request_time_zone(self.request).key,
            "browser_may_choose_zone": not (profile and profile.time_zone),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=_("Schedule a meeting"), submit_label=_("Schedule and invite"), **kwargs
        )

    def form_valid(self, form):
        meetings.schedule(self.task_force, self.request.user, **form.details())
        messages.success(
            self.request, _("The meeting is scheduled. Every member is invited by e-mail.")
        )
        return redirect(self.meetings_page())


class ChangeMeetingView(OrganiserMixin, FormView):
    form_class = MeetingForm
    http_method_names = ["get", "head", "post"]

    def get_form_kwargs(self):
        meeting = self.meeting
        if meeting.is_cancelled or not meeting.is_upcoming:
            raise Http404
        return {**super().get_form_kwargs(), "instance": meeting, "default_zone": meeting.time_zone}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting,
            heading=_("Change the meeting"),
            submit_label=_("Save and tell the members"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            changed = meetings.change(form.instance, **form.details())
        except meetings.MeetingRefused as refusal:
            return self.refused(refusal)
        if changed:
            messages.success(self.request, _("The meeting is changed. Every member is told."))
        else:
            messages.info(self.request, _("Nothing was changed."))
        return redirect(self.meetings_page())


class CancelMeetingView(OrganiserMixin, TemplateView):
    """Asks first; cancelling tells every member and removes the meeting from their calendars."""

    http_method_names = ["get", "head", "post"]

    def get_context_data(self, **kwargs):
        meeting = self.meeting
        if meeting.is_cancelled or not meeting.is_upcoming:
            raise Http404
        return super().get_context_data(
            meeting=meeting,
            heading=_("Cancel the meeting"),
            intro=_("Every member is told, and the meeting leaves their calendars."),
            submit_label=_("Cancel the meeting"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            meetings.cancel(self.meeting)
        except meetings.MeetingRefused as refusal:
            return self.refused(refusal)
        messages.success(request, _("The meeting is cancelled. Every member is told."))
        return redirect(self.meetings_page())


class MinutesView(OrganiserMixin, FormView):
    form_class = MinutesForm
    http_method_names = ["get", "head", "post"]

    def get_form_kwargs(self):
        meeting = self.meeting
        if meeting.is_cancelled or not meeting.has_started:
            raise Http404
        return {**super().get_form_kwargs(), "instance": meeting}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting,
            heading=_("Minutes of the meeting"),
            intro=_("Every member reads them in the space."),
            submit_label=_("Save the minutes"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            meetings.record_minutes(form.instance, form.cleaned_data["minutes"])
        except meetings.MeetingRefused as refusal:
            return self.refused(refusal)
        messages.success(self.request, _("The minutes are saved."))
        return redirect(f"{self.meetings_page()}#past-heading")
