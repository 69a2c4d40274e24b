"""Local development: debug on, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-for-the-4p1000-task-forces"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
