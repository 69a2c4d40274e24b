"""The Secretariat's inbox in the Wagtail admin: decisions, the dashboard, forms, filters,
export and views. The ModelAdmin classes in `wagtail_hooks` only point here."""
