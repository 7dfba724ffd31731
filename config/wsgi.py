import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()
# What the application loaded (Django, Wagtail, the models: most of a worker's objects) lives
# as long as the worker: out of the garbage collector's full passes, which otherwise walked it
# all in the middle of requests (a questionnaire's results API: 60 ms, or 170 ms when one ran).
gc.freeze()
