from django.conf import settings


def site(request):
    """Values every template may show."""
    return {"SECRETARIAT_EMAIL": settings.SECRETARIAT_EMAIL}
