"""The join form's steps around the questions: the role, the region, the review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.localized import in_default_language
from strategy_pages.choices import Role

from ..models import Region
from .eligibility import reason_role_unavailable


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
        self.unavailable = {
            role.value: reason
            for role in Role
            if (reason := reason_role_unavailable(user, role)) is not None
        }
        self.fields["role"].widget = RoleSelect(
            choices=self.fields["role"].choices, unavailable=self.unavailable
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
        self.fields["region"].queryset = in_default_language(Region.objects)


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
    consent_to_share_contact = forms.BooleanField(
        label=_(
            "Once I am a member, my e-mail address may be shown to the other members of this "
            "Task Force."
        ),
        help_text=_(
            "Without your consent they see your name and organization only. "
            "You can withdraw it at any time."
        ),
        required=False,
    )

    def __init__(self, *args, offers_publication=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not offers_publication:
            del self.fields["consent_to_publication"]
