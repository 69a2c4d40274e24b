"""What a person fills in about themselves: their profile, or a request for a login."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AccessRequest, Profile


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
