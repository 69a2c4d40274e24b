from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template, or None."""
    return (mapping or {}).get(key)


@register.inclusion_tag("taskforce_forms/includes/roster.html")
def task_force_roster(objective):
    """The people of an objective's Task Force, as its public page shows them."""
    from ..moderation import public_roster

    return {"roster": public_roster(objective), "code": objective.code}
