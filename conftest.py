"""Suite-wide fixtures.

The demo data (the federation of Letter 435/LĐLĐ with its Q1/2017 posts) is loaded once per
test database, so every test starts from it and rolls back its own changes. Tests that need
a real server (browser tests) start one in a subprocess on a copy of their own.
"""

import pytest
from django.core.management import call_command

from tests.i18n_support import ensure_compiled_messages

# Fixtures for browser tests of any app (a site in a subprocess, chromium): see the module.
pytest_plugins = ["tests.browser_support"]


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """The Vietnamese catalogues compiled even when `make install` has not run since a .po changed."""
    ensure_compiled_messages()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
