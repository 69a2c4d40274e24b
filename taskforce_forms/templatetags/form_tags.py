"""What the visitor's forms share: the summary of a form's errors at the top of the form, and
controls written without a template render each."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()

SENTENCE_ENDS = (".", "?", "!", "…", "؟", "。", "？", "！")  # Arabic's ؟, Chinese full width


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form):
    """A form's errors: each field's named after its question and linked to the control that
    answers it, then the errors of the whole form (and of hidden fields, which a visitor
    cannot reach)."""
    return {
        "field_errors": [
            {"text": named_error(field.label, message), "target": answer_id(field)}
            for field in form.visible_fields()
            for message in field.errors
        ],
        "form_errors": [
            *form.non_field_errors(),
            *(message for field in form.hidden_fields() for message in field.errors),
        ],
    }


def named_error(label, message):
    """The error named after its field ("Your name: This field is required."), without a
    colon after a label that is a question or a sentence."""
    if str(label).rstrip().endswith(SENTENCE_ENDS):
        return gettext("%(sentence)s %(message)s") % {"sentence": label, "message": message}
    return gettext("%(label)s: %(message)s") % {"label": label, "message": message}


def answer_id(field):
    """The id of the control a link to the field should focus; for a group of options, the
    first one that can be chosen (a role the visitor may not take is disabled)."""
    if not field.use_fieldset:
        return field.id_for_label
    options = [option for option in field.subwidgets if not option.data["attrs"].get("disabled")]
    return (options or field.subwidgets)[0].id_for_label


@register.simple_tag
def option_input(option):
    """A radio button or checkbox of a choice field, as Django's option template writes it, but
    without rendering a template for each option: it was a sixth of the join form's first step."""
    data = option.data
    return format_html(
        '<input type="{}" name="{}" value="{}"{}>',
        data["type"],
        data["name"],
        data["value"],
        attributes(data["attrs"]),
    )


def attributes(attrs):
    """Attributes in order, as Django's attrs.html writes them: True as a bare name, False not
    at all."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


@register.simple_tag
def hidden_input(field):
    """A hidden field, as Django's HiddenInput writes it, without its two templates."""
    return format_html(
        '<input type="hidden" name="{}" value="{}" id="{}">',
        field.html_name,
        field.value(),
        field.auto_id,
    )
