"""A Task Force's project ideas in its space: the list by stage, a member proposing an idea,
joining or leaving its project team, and the moves open to the Leader, the proposer and the
Secretariat. The rules are the model's (`models.ideas.MOVES`); these views find out in which
capacity the visitor acts and show a refusal where the move was asked for."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from home.localized import translated

from ..models import IdeaRefused, ProjectIdea, movers
from .forms import regions
from .ideas import MoveForm, ProjectIdeaForm, by_stage, cards
from .views import SpaceMixin


def ideas_url(code, idea=None):
    url = reverse("space_ideas", kwargs={"code": code.lower()})
    return f"{url}#idea-{idea.pk}" if idea else url


class IdeasView(SpaceMixin, TemplateView):
    template_name = "taskforce_forms/spaces/ideas.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, idea_form=None, failed_move=None, **kwargs):
        context = super().get_context_data(**kwargs)
        offered_regions = regions()
        ideas = ProjectIdea.objects.of(self.task_force).for_space()
        idea_cards = cards(
            ideas, self.visitor, self.request.user, dict(offered_regions), failed_move
        )
        membership = self.visitor.membership
        context.update(
            objective=translated(self.task_force),
            code=self.task_force.code,
            membership=membership,
            stages=by_stage(idea_cards),
            idea_count=len(idea_cards),
            idea_form=membership and (idea_form or ProjectIdeaForm(regions=offered_regions)),
        )
        return context


class ProposeIdeaView(IdeasView):
    """A member proposes an idea; a form with mistakes comes back on the page, as typed."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if self.visitor.membership is None:
            raise Http404
        form = ProjectIdeaForm(request.POST, regions=regions())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(idea_form=form, **kwargs))
        form.instance.task_force, form.instance.proposer = self.task_force, request.user
        with transaction.atomic():
            idea = form.save()
            idea.record_proposal()
        messages.success(request, _("Thank you: your idea was proposed to the Task Force."))
        return redirect(ideas_url(self.task_force.code, idea))


class IdeaActionMixin(SpaceMixin):
    """An action on one idea of the space's Task Force (any other: 404)."""

    def idea(self):
        return get_object_or_404(
            ProjectIdea.objects.select_related("task_force"),
            pk=self.kwargs["pk"],
            task_force=self.task_force,
        )


class IdeaTeamView(IdeaActionMixin, View):
    """A member joins or leaves an idea's project team."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if self.visitor.membership is None:
            raise Http404
        idea = self.idea()
        try:
            if request.POST.get("action") == "leave":
                idea.leave(request.user)
                messages.success(request, _("You left this idea's project team."))
            else:
                idea.join(request.user)
                messages.success(request, _("You joined this idea's project team."))
        except IdeaRefused as refusal:
            messages.error(request, str(refusal))
        return redirect(ideas_url(self.task_force.code, idea))


class MoveIdeaView(IdeaActionMixin, IdeasView):
    """The Leader, the proposer or the Secretariat moves an idea. A move the visitor may not
    make answers 403, one the idea's stage no longer allows 409: both on the page, the note as
    typed."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        idea = self.idea()
        capacities = movers(request.user, idea, self.visitor.membership, self.visitor.oversees)
        form = MoveForm(request.POST, auto_id=f"idea-{idea.pk}-%s")
        if not form.is_valid():
            return self.refused(idea, form, status=400)
        if form.cleaned_data["seen_stage"] != idea.stage:
            form.add_error(None, _("Someone else moved this idea meanwhile: check its stage."))
            return self.refused(idea, form, status=409)
        move = form.cleaned_data["move"]
        try:
            event = idea.move(move, request.user, capacities, form.cleaned_data["note"])
        except IdeaRefused as refusal:
            form.add_error(None, str(refusal))
            return self.refused(idea, form, status=403 if idea.stage_allows(move) else 409)
        messages.success(
            request,
            _("“%(title)s” is now at the stage “%(stage)s”.")
            % {"title": idea.title, "stage": event.get_to_stage_display()},
        )
        return redirect(ideas_url(self.task_force.code, idea))

    def refused(self, idea, form, status):
        context = self.get_context_data(failed_move=(idea.pk, form), **self.kwargs)
        return self.render_to_response(context, status=status)
