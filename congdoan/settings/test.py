"""Settings for the test suite: fast hashing, in-memory email, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "artifacts" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Other tests sign in a lot: login lockout is off here; safety/tests turn it on with override_settings.
AXES_ENABLED = False
# The page cache would carry pages from one test to the next: pagecache/tests turn it on.
PAGECACHE_ENABLED = False
# Static files are not collected for tests: WhiteNoise finds them through the finders on each request
# (as in development) instead of scanning an absent STATIC_ROOT and warning "No directory at".
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
