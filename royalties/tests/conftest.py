import pytest

from royalties.models import RateTable

from .factories import make_table, make_unit, reset_settings


@pytest.fixture
def policy(db):
    """Default settings and one known rate table (the demo's tables are removed, in this test only)."""
    RateTable.objects.all().delete()
    reset_settings()
    return make_table()


@pytest.fixture
def unit(db, policy):
    return make_unit()
