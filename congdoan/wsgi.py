"""The WSGI application: Django behind the page cache's front (pagecache/wsgi.py).

Anonymous readers' cached pages are answered by PageCacheApp before Django is entered; every
other request goes to Django unchanged.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.production")

django_application = get_wsgi_application()

from pagecache.wsgi import PageCacheApp  # noqa: E402 - needs the settings configured above

application = PageCacheApp(django_application)
