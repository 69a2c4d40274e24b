"""The inbox's menu items say how many items wait."""

from wagtail_modeladmin.menus import ModelAdminMenuItem


class PendingCountMenuItem(ModelAdminMenuItem):
    """The menu says how many items wait for a decision (the ModelAdmin's `pending_count`)."""

    def render_component(self, request):
        component = super().render_component(request)
        count = self.model_admin.pending_count()
        if count:
            component.label = f"{component.label} ({count})"
        return component
