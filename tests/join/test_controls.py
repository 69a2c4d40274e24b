"""The join form writes its options and its step field without a template each, exactly as
Django's own templates would."""

import pytest
from formtools.wizard.forms import ManagementForm

from taskforce_forms.join.forms import RoleForm
from taskforce_forms.templatetags.form_tags import hidden_input, option_input

from ..factories import partner_user, visitor_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("make_user", [visitor_user, partner_user])
@pytest.mark.parametrize("data", [None, {"role-role": "team_member"}, {"role-role": "x"}])
def test_options_are_written_as_djangos_template_writes_them(make_user, data):
    form = RoleForm(data=data, prefix="role", user=make_user())
    if data:
        form.is_valid()  # with the errors' attributes
    options = list(form["role"])
    assert len(options) == 3
    for option in options:
        assert str(option_input(option)) == option.tag()


def test_the_step_field_is_written_as_djangos_hidden_input():
    form = ManagementForm(prefix="join_a1", initial={"current_step": "region"})
    assert str(hidden_input(form["current_step"])) == str(form["current_step"])
