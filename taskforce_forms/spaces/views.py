"""A Task Force's space: the page, a member's consent to share their contact details, and what
they add to what the Task Force knows. Never
kept in the page cache: these views do not mark their responses cacheable, and say so to any
cache on the way (`never_cache`)."""

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView, View

from home.localized import translated

from ..join.views.wizard import task_force_or_404
from ..models import KnowledgeEntry
from ..privacy import audit
from ..time_zones import remember_browser_zone
from . import export
from .forms import ContactSharingForm, KnowledgeEntryForm, KnowledgeFilterForm, regions
from .meetings import meetings_in_space
from .permissions import space_visitor
from .team import team


@method_decorator(never_cache, name="dispatch")
class SpaceMixin(AccessMixin):
    """Lets in the Task Force's members and the Secretariat; anyone else signed in gets 404, as
    for a page that does not exist, and an anonymous visitor the login page (a member whose
    session ended follows their bookmark). Sets `task_force` and `visitor`."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.task_force = task_force_or_404(kwargs["code"])
        self.visitor = space_visitor(request.user, self.task_force)
        if not self.admits(self.visitor):
            raise Http404
        if request.method == "POST":
            remember_browser_zone(request)
        return super().dispatch(request, *args, **kwargs)

    def admits(self, visitor):
        return visitor.may_enter


class SpaceView(SpaceMixin, TemplateView):
    """The space; opened by the Secretariat or a superuser, it is recorded (`privacy.audit`)."""

    template_name = "taskforce_forms/spaces/space.html"
    http_method_names = ["get", "head"]

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if self.visitor.oversees:
            audit.record_space_opening(self.task_force, request.user, context["team"])
        return self.render_to_response(context)

    def get_context_data(self, entry_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        membership = self.visitor.membership
        offered_regions = regions()
        filters = KnowledgeFilterForm(
            self.request.GET or None, auto_id="filter_%s", regions=offered_regions
        )
        entries = KnowledgeEntry.objects.of(self.task_force).for_space()
        colleagues = team(self.task_force, self.request.user)
        context.update(
            objective=translated(self.task_force),
            code=self.task_force.code,
            team=colleagues,
            contributors=[colleague for colleague in colleagues if colleague.contributions],
            membership=membership,
            contact_form=membership
            and ContactSharingForm(
                initial={"consent_to_share_contact": membership.consent_to_share_contact}
            ),
            filters=filters,
            entries=filters.filtered(entries),
            entry_form=membership and (entry_form or KnowledgeEntryForm(regions=offered_regions)),
            may_export=self.visitor.may_export,
            **meetings_in_space(self.request, self.task_force, self.visitor),
        )
        return context


class KnowledgeEntryView(SpaceView):
    """A member adds an entry; a form with mistakes comes back in the space, as typed."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if self.visitor.membership is None:
            raise Http404
        form = KnowledgeEntryForm(request.POST, regions=regions())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(entry_form=form, **kwargs))
        form.instance.task_force, form.instance.author = self.task_force, request.user
        form.save()
        messages.success(request, _("Thank you: your entry was added."))
        space = reverse("task_force_space", kwargs={"code": self.task_force.code.lower()})
        return redirect(f"{space}#knowledge-heading")


class KnowledgeExportView(SpaceMixin, View):
    """The list as filtered, as a file, for the Leader and the Secretariat; 404 to the others,
    and to a format it does not know. The Secretariat's exports are recorded."""

    http_method_names = ["get", "head"]

    def get(self, request, *args, **kwargs):
        if not self.visitor.may_export or kwargs["file_format"] not in export.FORMATS:
            raise Http404
        filters = KnowledgeFilterForm(request.GET or None, regions=regions())
        entries = list(filters.filtered(KnowledgeEntry.objects.of(self.task_force).for_space()))
        if self.visitor.oversees:
            audit.record_knowledge_export(
                self.task_force, request.user, kwargs["file_format"], len(entries), filters.chosen()
            )
        return export.download(entries, self.task_force.code, kwargs["file_format"])


class ContactSharingView(SpaceMixin, FormView):
    """A member gives or withdraws their consent; the Secretariat, a member of none, has
    nothing to change here (404)."""

    form_class = ContactSharingForm
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if self.visitor.membership is None:
            raise Http404
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        consent = form.cleaned_data["consent_to_share_contact"]
        self.visitor.membership.share_contact(consent)
        if consent:
            messages.success(self.request, _("Your colleagues now see your e-mail address."))
        else:
            messages.success(self.request, _("Your e-mail address is no longer shown."))
        return redirect("task_force_space", code=self.task_force.code.lower())
