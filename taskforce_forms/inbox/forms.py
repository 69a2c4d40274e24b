"""The Secretariat's forms: a decision with its note, Team Members decided together, a request
for a login approved or declined."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Application, Decision, MembershipStatus, Organization
from .choosers import organization_chooser_viewset
from .columns import applicant_name, organization_name

NOTE_MAX_LENGTH = 2000


class NoteFields(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history. Why you decided so, for the Secretariat's colleagues."),
    )
    tell_note = forms.BooleanField(
        label=_("Include the note in the e-mail to the applicant"), required=False
    )


class DecisionForm(NoteFields):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    # The status the decider saw: a decision taken on an outdated page is not applied.
    seen_status = forms.CharField(widget=forms.HiddenInput)

    field_order = ["decision", "note", "tell_note"]

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (decision.value, decision.label) for decision in decisions
        ]


class BulkDecisionForm(NoteFields):
    applications = forms.ModelMultipleChoiceField(
        label=_("Team Member applications"),
        queryset=Application.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one application.")},
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (Decision.ACCEPT.value, Decision.ACCEPT.label),
            (Decision.DECLINE.value, Decision.DECLINE.label),
        ],
    )

    field_order = ["applications", "decision", "note", "tell_note"]

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = queryset
        self.fields["applications"].label_from_instance = bulk_label


def bulk_label(application):
    return f"{application.task_force.code} · {applicant_name(application)} · " + (
        organization_name(application) or "—"
    )


class ApproveAccessForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.all(),
        required=False,
        widget=organization_chooser_viewset.widget_class(),
        help_text=_(
            "Leave it empty for a new organization named as in the request; an organization "
            "of the same name is used if there is one."
        ),
    )
    membership_status = forms.ChoiceField(
        label=_("Membership status of a new organization"),
        choices=[("", _("Choose…")), *MembershipStatus.choices],
        required=False,
    )
    note = NoteFields.base_fields["note"]

    def __init__(self, *args, claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = claim
        self.fields["membership_status"].help_text = _(
            "The visitor says: %(claim)s. Check it before making an organization a partner."
        ) % {"claim": claim}

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("organization") and not cleaned_data.get("membership_status"):
            self.add_error(
                "membership_status",
                _("Choose the new organization's membership status (the visitor says: %(claim)s).")
                % {"claim": self.claim},
            )
        return cleaned_data


class DeclineAccessForm(NoteFields):
    pass
