"""The join form: a named-URL wizard whose answers are kept on the server as a draft."""

import re

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.messages import get_messages
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError, IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from formtools.wizard.views import NamedUrlWizardView

from home.localized import in_default_language, translated
from home.page_cache import remembered
from strategy_pages.choices import CANDIDACY_ROLES, Role
from strategy_pages.models import OBJECTIVE_CODE, ObjectivePage, StrategyPage

from ...models import Application
from ...ratelimit import is_rate_limited, too_many_requests
from ..answers import readable_answer
from ..eligibility import has_open_application
from ..forms import RegionForm, ReviewForm, RoleForm
from ..questions import ContributionForm, QualificationForm
from ..submission import submit

ROLE, REGION, QUALIFICATION, CONTRIBUTION, REVIEW = (
    "role",
    "region",
    "qualification",
    "contribution",
    "review",
)

SUBMISSIONS_PER_HOUR = 10  # per address: sending the form is the step that writes and e-mails
UNSENT_ANSWERS = "join_unsent_answers"  # session key: a step sent after the login expired

STEP_LABELS = {
    ROLE: _("Role"),
    REGION: _("Region"),
    QUALIFICATION: _("Call for information"),
    CONTRIBUTION: _("Contribution"),
    REVIEW: _("Review and send"),
}


def chosen_role(wizard):
    """The role in the stored answers. Reads the raw step data: a condition that validated
    forms (get_cleaned_data_for_step) would recurse into the conditions again."""
    data = wizard.storage.get_step_data(ROLE) or {}
    return data.get(f"{ROLE}-role")


def represents_a_region(wizard):
    return chosen_role(wizard) == Role.REGIONAL_REPRESENTATIVE


def answers_call_for_information(wizard):
    return chosen_role(wizard) in CANDIDACY_ROLES


def contributes_as_team_member(wizard):
    return chosen_role(wizard) == Role.TEAM_MEMBER


class ApplicationNotSaved(Exception):
    """The database failed while the application was written; nothing of it was kept."""


def keep_unsent_answers(request, step):
    """Keeps a step sent by a user whose login expired, to give it back after the login."""
    if request.method == "POST" and step:
        answers = {
            key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"
        }
        request.session[UNSENT_ANSWERS] = {"path": request.path, "answers": answers}


def role_descriptions():
    """Each role's responsibilities, as the strategy page in the active language lists them."""
    strategy = StrategyPage.objects.live().filter(locale__language_code=get_language()).first()
    if strategy is None:
        return {}
    return {
        role: {"responsibilities": list(described["responsibilities"])}
        for role in Role
        if (described := strategy.role(role))
    }


def task_force_or_404(code):
    """The Task Force (its objective, in the default language) that `code` names, kept until
    the next publish. A code no objective could have (a scanner's NUL byte, which PostgreSQL
    refuses in a query) is not looked up."""
    if not re.fullmatch(OBJECTIVE_CODE, code.upper()):
        raise Http404
    task_force = remembered(f"task-force:{code.upper()}", lambda: find_task_force(code))
    if task_force is None:
        raise Http404
    return task_force


def find_task_force(code):
    return (
        in_default_language(ObjectivePage.objects.live())
        .select_related("locale")
        .filter(code=code.upper())
        .first()
    )


class JoinTaskForceView(LoginRequiredMixin, NamedUrlWizardView):
    storage_name = "taskforce_forms.join.storage.DraftStorage"
    form_list = [
        (ROLE, RoleForm),
        (REGION, RegionForm),
        (QUALIFICATION, QualificationForm),
        (CONTRIBUTION, ContributionForm),
        (REVIEW, ReviewForm),
    ]
    condition_dict = {
        REGION: represents_a_region,
        QUALIFICATION: answers_call_for_information,
        CONTRIBUTION: contributes_as_team_member,
    }
    template_name = "taskforce_forms/join/step.html"

    @classmethod
    def as_view(cls, **initkwargs):
        return super().as_view(url_name="join_task_force_step", **initkwargs)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            keep_unsent_answers(request, kwargs.get("step"))
            return self.handle_no_permission()
        self.task_force = task_force_or_404(kwargs["code"])
        if has_open_application(request.user, self.task_force):
            return self.already_applied()
        try:
            return super().dispatch(request, *args, **kwargs)
        except SuspiciousOperation:
            # formtools' "ManagementForm data is missing or has been tampered": a stale tab
            # or an expired draft. Start again rather than answer 400.
            messages.warning(
                request,
                _("This form had expired or was sent twice. Please check your answers."),
            )
            return redirect(self.get_step_url(self.steps.current or ROLE))

    def get_prefix(self, request, *args, **kwargs):
        return f"join_{self.task_force.code.lower()}"

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"code": self.task_force.code.lower(), "step": step})

    def get_form_kwargs(self, step=None):
        if step == ROLE:
            return {"user": self.request.user}
        if step == REVIEW:
            return {"offers_publication": chosen_role(self) in CANDIDACY_ROLES}
        return {}

    def get(self, request, *args, **kwargs):
        self.restore_unsent_answers(kwargs.get("step"))
        if kwargs.get("step") == ROLE and self.storage.empty and not get_messages(request):
            return self.first_step()
        return super().get(request, *args, **kwargs)

    def first_step(self):
        """The first step of a user with no answers yet and nothing to be told: the same for
        everyone offered the same roles, so rendered once per generation, language, Task Force
        and offer. The visitor's parts (the form's CSRF field, the account menu) are markers, which
        `VisitorPartsMiddleware` fills in."""
        form = self.get_form()
        offer = sorted((role, str(reason)) for role, reason in form.unavailable.items())
        content = remembered(
            f"join-first-step:{get_language()}:{self.task_force.code}:{offer}",
            lambda: self.render(form).render().content,
        )
        return HttpResponse(content)

    def restore_unsent_answers(self, step):
        """A step sent after the login expired comes back as it was typed, once logged in."""
        unsent = self.request.session.get(UNSENT_ANSWERS)
        if not unsent or unsent["path"] != self.request.path or step not in self.get_form_list():
            return
        del self.request.session[UNSENT_ANSWERS]
        self.storage.set_step_data(step, unsent["answers"])
        messages.info(
            self.request,
            _("Your session had expired. Here is what you typed: check it and continue."),
        )

    def render_done(self, form, **kwargs):
        try:
            return super().render_done(form, **kwargs)
        except ApplicationNotSaved:
            # Raised before formtools resets the draft: every answer is still there.
            response = render(
                self.request,
                "taskforce_forms/join/not_saved.html",
                {
                    "task_force": translated(self.task_force),
                    "review_url": self.get_step_url(REVIEW),
                },
            )
            response.status_code = 503
            return response

    def post(self, *args, **kwargs):
        if "start_again" in self.request.POST:
            self.storage.reset()
            self.storage.current_step = self.steps.first
            return redirect(self.get_step_url(self.steps.first))
        goto_step = self.request.POST.get("wizard_goto_step")
        posted_step = self.request.POST.get(f"{self.prefix}-current_step")
        if goto_step and goto_step in self.get_form_list():
            # formtools drops what was typed on the step being left; keep it, unvalidated.
            # Not the role: it decides which steps exist, so only a validated role is stored.
            if self.steps.current != ROLE:
                self.storage.set_step_data(self.steps.current, self.request.POST)
        elif posted_step not in self.get_form_list():
            # Missing, or a step this user has no form for (formtools would fail on it).
            raise SuspiciousOperation("Unknown step in the join form's management data.")
        elif posted_step == REVIEW and is_rate_limited(
            self.request, "join_submit", SUBMISSIONS_PER_HOUR, 3600
        ):
            return self.too_many_submissions()
        return super().post(*args, **kwargs)

    def too_many_submissions(self):
        return too_many_requests(self.get_form(data=self.request.POST), self.render)

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        messages.warning(
            self.request,
            _("Some answers are missing or no longer valid. Please check this step."),
        )
        return super().render_revalidation_failure(failed_step, form, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        steps = list(self.get_form_list())
        context.update(
            task_force=translated(self.task_force),
            progress=[
                {
                    "name": step,
                    "label": STEP_LABELS[step],
                    "is_current": step == current,
                    "is_done": steps.index(step) < steps.index(current),
                    "url": self.get_step_url(step),
                }
                for step in steps
            ],
            step_label=STEP_LABELS[current],
        )
        if current == ROLE:
            context["roles"] = self.role_descriptions()
        if current == REVIEW:
            context["summary"] = self.summary()
        return context

    def role_descriptions(self):
        return remembered(f"role-descriptions:{get_language()}", role_descriptions)

    def summary(self):
        """What the user entered, step by step, with a link back to each step."""
        parts = []
        for step in self.get_form_list():
            if step == REVIEW:
                continue
            form = self.get_form(step=step, data=self.storage.get_step_data(step))
            form.is_valid()
            parts.append(
                {
                    "label": STEP_LABELS[step],
                    "url": self.get_step_url(step),
                    "answers": [
                        (field.label, display_value(form, name))
                        for name, field in form.fields.items()
                    ],
                }
            )
        return parts

    def done(self, form_list, form_dict, **kwargs):
        answers = {
            step: form.cleaned_data
            for step, form in form_dict.items()
            if step not in (ROLE, REGION)
        }
        review = answers.pop(REVIEW)
        role = form_dict[ROLE].cleaned_data["role"]
        region = form_dict[REGION].cleaned_data["region"] if REGION in form_dict else None
        application = Application(
            user=self.request.user,
            task_force=self.task_force,
            role=role,
            region=region,
            answers=flatten(answers),
            consent_to_processing=review["consent_to_processing"],
            consent_to_publication=review.get("consent_to_publication", False),
            consent_to_share_contact=review["consent_to_share_contact"],
            language=get_language(),
        )
        try:
            submit(application)
        except IntegrityError:
            return self.already_applied()
        except DatabaseError as error:
            raise ApplicationNotSaved from error
        return redirect("join_task_force_done", code=self.task_force.code.lower())

    def already_applied(self):
        messages.info(self.request, _("You have already applied to this Task Force."))
        application = Application.objects.open().get(
            user=self.request.user, task_force=self.task_force
        )
        return redirect("my_application", pk=application.pk)


def flatten(answers_by_step):
    return {key: value for answers in answers_by_step.values() for key, value in answers.items()}


def display_value(form, name):
    """A step's answer as the user reads it on the review step."""
    value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
    return readable_answer(form.fields[name], value) or _("Not answered")


class JoinDoneView(LoginRequiredMixin, TemplateView):
    template_name = "taskforce_forms/join/done.html"

    def get_context_data(self, **kwargs):
        task_force = task_force_or_404(kwargs["code"])
        application = get_object_or_404(
            Application.objects.open(), user=self.request.user, task_force=task_force
        )
        return {
            **super().get_context_data(**kwargs),
            "application": application,
            "task_force": translated(task_force),
        }
