import pytest
from django.core import mail

from .support import ensure_federation


@pytest.fixture(scope="session")
def federation(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_federation()


@pytest.fixture(autouse=True)
def _newsroom_data(federation, db):
    mail.outbox = []
