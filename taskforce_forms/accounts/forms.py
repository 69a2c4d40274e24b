"""What a person fills in about themselves: their profile, or a request for a login."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ..models import AccessRequest, MembershipStatus, Profile
from ..time_zones import time_zone_names

COUNTRY_PROMPT = _("Choose your country…")


def country_choices():
    """The countries in the visitor's language, after a prompt in place of Django's "---------"."""
    return [("", COUNTRY_PROMPT), *countries]


def time_zone_choices():
    """Every time zone by its name, after the choice of none (the browser's or the country's)."""
    automatic = _("Automatic: my browser's, else my country's")
    return [("", automatic), *((name, name) for name in time_zone_names())]


class ProfileForm(forms.ModelForm):
    """What users may change about themselves. The organization is set by the Secretariat."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    class Meta:
        model = Profile
        fields = ["country", "preferred_language", "time_zone"]
        labels = {"time_zone": _("Time zone")}
        widgets = {
            "country": forms.Select(attrs={"autocomplete": "country"}),
            "preferred_language": forms.Select(attrs={"autocomplete": "language"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.initial.update(first_name=user.first_name, last_name=user.last_name)
        self.fields["country"].choices = country_choices()
        self.fields["time_zone"].widget = forms.Select(choices=time_zone_choices())
        self.order_fields(["first_name", "last_name", "country", "preferred_language", "time_zone"])

    def save(self, commit=True):
        user = self.instance.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        return super().save(commit)


class AccessRequestForm(forms.ModelForm):
    # The model's field would offer "---------" as a first answer, checked: a visitor
    # chooses one of the three real answers, and none is chosen for them.
    membership_claim = forms.ChoiceField(
        label=_("Is your organization a member or partner of “4 per 1000”?"),
        help_text=format_lazy(
            "{} {}",
            _(
                "Only people from a partner organization may lead a Task Force or represent "
                "a region."
            ),
            _("The Executive Secretariat checks your answer."),
        ),
        choices=MembershipStatus.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = AccessRequest
        fields = ["name", "email", "organization_name", "country", "membership_claim", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "organization_name": _("Your organization"),
            "message": _("Message to the Secretariat (optional)"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organization_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.Select(attrs={"autocomplete": "country"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
