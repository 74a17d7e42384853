import pytest
from django.core import mail


@pytest.fixture(autouse=True)
def _newsroom_data(db):
    """The database (with the demo federation, see the root conftest) for every test here.
    test_browser.py overrides this: its site runs in another process and the browser's event loop
    must not meet the test database."""
    mail.outbox = []
