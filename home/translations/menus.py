from wagtail.admin.menu import MenuItem


class TranslationsReportMenuItem(MenuItem):
    """Everyone who edits pages may see which translations need work."""

    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")
