import pytest
from django.core import mail

from .support import ensure_federation


@pytest.fixture(scope="session")
def federation(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_federation()


@pytest.fixture(autouse=True)
def _newsroom_data(federation, db):
    """The federation and the database for every test here (test_browser.py overrides this:
    its site runs in another process and the browser's event loop must not meet the database)."""
    mail.outbox = []
