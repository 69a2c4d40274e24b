"""What a member of a Task Force decides and writes in its space, and how the space's list is
narrowed."""

from django import forms
from django.conf import global_settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from home.localized import in_default_language

from ..models import KnowledgeEntry, KnowledgeKind, Region


class ContactSharingForm(forms.Form):
    """Gives or withdraws a member's consent to show their e-mail address to their colleagues."""

    consent_to_share_contact = forms.BooleanField(
        label=_("Show my e-mail address to the members of this Task Force."),
        help_text=_(
            "Without your consent they see your name and organization only. "
            "You can withdraw it at any time."
        ),
        required=False,
    )


def regions():
    """(id, name in the visitor's language) of every region, in one query: what the forms of a
    space offer, computed once for all of them."""
    local_name = Region.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=get_language()
    ).values("name")[:1]
    return list(
        in_default_language(Region.objects.all())
        .annotate(local_name=Coalesce(Subquery(local_name), "name"))
        .values_list("pk", "local_name")
    )


def language_choices():
    """Every language Django knows, named in the visitor's language, in their alphabetical order."""
    names = ((code, gettext(name)) for code, name in global_settings.LANGUAGES)
    return [
        ("", _("Choose the language…")),
        *sorted(names, key=lambda choice: choice[1].casefold()),
    ]


class KnowledgeEntryForm(forms.ModelForm):
    """A member tells their Task Force of a publication, an activity, a project or a funder."""

    url = forms.URLField(
        label=_("Link (optional)"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = KnowledgeEntry
        fields = ["kind", "title", "url", "description", "region", "source_language"]
        labels = {"region": _("Region (optional)")}
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = KnowledgeKind.choices
        self.fields["region"].queryset = in_default_language(Region.objects.all())
        self.fields["region"].choices = [("", _("No particular region")), *regions]
        self.fields["source_language"].choices = language_choices()


class KnowledgeFilterForm(forms.Form):
    """Narrows the list of what the Task Force knows to a type and a region."""

    kind = forms.ChoiceField(label=_("Type"), required=False)
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types")), *KnowledgeKind.choices]
        self.fields["region"].choices = [("", _("All regions")), *regions]

    def filtered(self, entries):
        """`entries` narrowed as chosen; an unknown choice in the address narrows nothing."""
        if not self.is_valid():
            return entries
        if kind := self.cleaned_data["kind"]:
            entries = entries.filter(kind=kind)
        if region := self.cleaned_data["region"]:
            entries = entries.filter(region=region)
        return entries

    def chosen(self):
        """(filter, choice) pairs as the form names them, for the access record: choices
        offered, never typed, so they hold nothing a person wrote."""
        if not self.is_valid():
            return []
        return [
            (str(field.label), str(dict(field.choices)[self.cleaned_data[name]]))
            for name, field in self.fields.items()
            if self.cleaned_data[name]
        ]
