"""The join form's steps, and the public forms around it."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from strategy_pages.choices import Role

from .eligibility import reason_role_unavailable
from .models import AccessRequest, Profile, Region

QUALIFICATION_MIN_LENGTH = 50
QUALIFICATION_MAX_LENGTH = 3000
FREE_TEXT_MAX_LENGTH = 2000


class RoleSelect(forms.RadioSelect):
    """Radio buttons where the roles a user may not take are shown, but disabled."""

    option_template_name = "django/forms/widgets/input.html"  # the label is laid out by the step

    def __init__(self, *args, unavailable=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unavailable = unavailable or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        reason = self.unavailable.get(value)
        if reason:
            option["attrs"]["disabled"] = True
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_reason"
        option["unavailable_reason"] = reason
        return option


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Your role in the Task Force"), choices=Role.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        unavailable = {
            role.value: reason
            for role in Role
            if (reason := reason_role_unavailable(user, role)) is not None
        }
        self.fields["role"].widget = RoleSelect(
            choices=self.fields["role"].choices, unavailable=unavailable
        )

    def clean_role(self):
        role = self.cleaned_data["role"]
        reason = reason_role_unavailable(self.user, role)
        if reason:
            raise forms.ValidationError(reason, code="role_unavailable")
        return role


class RegionChoiceField(forms.ModelChoiceField):
    """Regions are stored in the default language and shown in the visitor's."""

    def label_from_instance(self, region):
        return self.localized_names().get(region.translation_key, region.name)

    def localized_names(self):
        if not hasattr(self, "_localized_names"):
            self._localized_names = Region.names_in_active_language()
        return self._localized_names


class RegionForm(forms.Form):
    region = RegionChoiceField(
        label=_("Region you would represent"),
        queryset=Region.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the region you would represent.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(locale=Locale.get_default())


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


class ReviewForm(forms.Form):
    consent_to_processing = forms.BooleanField(
        label=_(
            "I agree that the Executive Secretariat of “4 per 1000” processes the data in this "
            "form to handle my application."
        ),
        error_messages={"required": _("We can only handle your application with your consent.")},
    )
    consent_to_publication = forms.BooleanField(
        label=_("If I am nominated, my name and organization may be shown on the Task Force page."),
        required=False,
    )

    def __init__(self, *args, offers_publication=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not offers_publication:
            del self.fields["consent_to_publication"]


class ProfileForm(forms.ModelForm):
    """What users may change about themselves. The organization is set by the Secretariat."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    class Meta:
        model = Profile
        fields = ["country", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.initial.update(first_name=user.first_name, last_name=user.last_name)
        self.order_fields(["first_name", "last_name", "country", "preferred_language"])

    def save(self, commit=True):
        user = self.instance.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        return super().save(commit)


class AccessRequestForm(forms.ModelForm):
    class Meta:
        model = AccessRequest
        fields = ["name", "email", "organization_name", "country", "membership_claim", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "organization_name": _("Your organization"),
            "membership_claim": _("Is your organization a member or partner of “4 per 1000”?"),
            "message": _("Message to the Secretariat (optional)"),
        }
        widgets = {
            "membership_claim": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4}),
        }
