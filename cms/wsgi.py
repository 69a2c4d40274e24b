"""WSGI entry point, for gunicorn: `gunicorn cms.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()

# What lives as long as the process (modules, models, URL patterns: some 230,000 objects) is
# put out of the garbage collector's reach. Each full collection walked them all, 100 ms in
# which the worker answered nobody: the slowest of its requests waited on it.
get_resolver().url_patterns  # noqa: B018  # loaded now, with the views' modules
gc.collect()
gc.freeze()
