"""The join form's answers as people read them: in the inbox, its exports and e-mails."""

from django.utils.translation import gettext

from home.text import join_items

from .questions import ContributionForm, QualificationForm

ANSWER_FORMS = [QualificationForm, ContributionForm]


def answer_fields():
    """(key, form field) for every answer an application can hold, in the form's order."""
    return [(name, field) for form in ANSWER_FORMS for name, field in form.base_fields.items()]


def readable_answer(field, value):
    """A value as people read it, wherever the site shows one (the review step, the inbox, its
    exports, e-mails): choice labels rather than stored values, Yes or No, the items of a list
    joined as the language writes them; "" when there is none."""
    if value in (None, "", []):
        return ""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if hasattr(field, "label_from_instance"):
        return field.label_from_instance(value)
    choices = dict(getattr(field, "choices", None) or [])
    if isinstance(value, list):
        return join_items(choices.get(item, item) for item in value)
    return str(choices.get(value, value))


def readable_answers(answers):
    """(question, answer) pairs for the answers given, in the form's order."""
    return [
        (field.label, readable_answer(field, answers[name]))
        for name, field in answer_fields()
        if answers.get(name) not in (None, "", [])
    ]
