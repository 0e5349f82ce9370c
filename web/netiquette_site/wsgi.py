"""WSGI entry point (gunicorn netiquette_site.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netiquette_site.settings")
application = get_wsgi_application()
