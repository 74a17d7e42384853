import pytest
from django.core import mail

from .support import ensure_federation


@pytest.fixture(scope="session")
def federation(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_federation()


@pytest.fixture(autouse=True)
def _newsroom_data(request):
    """Every test but the browser tests (their site runs elsewhere) gets the federation and the
    database; the browser's event loop must not meet the test database."""
    if request.node.get_closest_marker("browser"):
        return
    request.getfixturevalue("federation")
    request.getfixturevalue("db")
    mail.outbox = []
