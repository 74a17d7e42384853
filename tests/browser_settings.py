"""The demo site of the browser tests (tests/browser_support.py): the development settings, over a copy of
the suite's demo template, whose accounts were made under the test settings' fast password hasher.

Django checks a stored hash with the hasher it names and re-hashes it with the first one listed on a
successful sign-in, so the accounts end up with the development settings' hashes as before.
"""

from django.conf import global_settings

from congdoan.settings.dev import *  # noqa: F403

PASSWORD_HASHERS = [
    *globals().get("PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS),
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
