"""The join form's questions: what Leaders and Representatives answer to the call for
information, and what Team Members can contribute. They hold no model, so that the models can
read answers with their labels."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

QUALIFICATION_MIN_LENGTH = 50
QUALIFICATION_MAX_LENGTH = 3000
FREE_TEXT_MAX_LENGTH = 2000


class Availability(models.TextChoices):
    ALL = "all", _("I can take part in all of the role's meetings")
    MOST = "most", _("I can take part in most of them")
    UNSURE = "unsure", _("I am not sure yet")


class QualificationForm(forms.Form):
    """The call for information, for Leaders and Regional Representatives."""

    qualification = forms.CharField(
        label=_("Why do you qualify for this role?"),
        min_length=QUALIFICATION_MIN_LENGTH,
        max_length=QUALIFICATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    availability = forms.ChoiceField(
        label=_("Availability for the role's meetings"),
        help_text=_(
            "Task Force Leader Meetings take place three times a year; Regional "
            "Representatives contribute to the Task Force Planning Meeting."
        ),
        choices=Availability.choices,
        widget=forms.RadioSelect,
    )
    availability_note = forms.CharField(
        label=_("Anything to add about your availability (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].help_text = _(
            "Your experience, your organization's work on the objective, and the networks you "
            "can bring in. Between %(min)s and %(max)s characters."
        ) % {"min": QUALIFICATION_MIN_LENGTH, "max": QUALIFICATION_MAX_LENGTH}


class Contribution(models.TextChoices):
    LITERATURE = "literature", _("Relevant literature")
    ONGOING_ACTIVITIES = "ongoing_activities", _("Ongoing activities")
    PROJECTS = "projects", _("Projects")
    FUNDING_SEARCH = "funding_search", _("Help in the search for funding")
    OTHER = "other", _("Something else")


class ContributionForm(forms.Form):
    """What a Team Member can bring to the Task Force."""

    contributions = forms.MultipleChoiceField(
        label=_("What can you contribute?"),
        choices=Contribution.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing you can contribute.")},
    )
    details = forms.CharField(
        label=_("Tell us more"),
        help_text=_("Titles, links, project names… Required when you chose “Something else”."),
        required=False,
        max_length=FREE_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if (
            Contribution.OTHER in cleaned_data.get("contributions", [])
            and not cleaned_data.get("details", "").strip()
        ):
            self.add_error("details", _("Say what else you can contribute."))
        return cleaned_data
