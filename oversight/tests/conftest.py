import pytest

from oversight.loading import load_default_quotas


@pytest.fixture
def quotas(db):
    """Letter 435/LĐLĐ's quotas and the Ban Tuyên giáo remark (idempotent: the demo may have them)."""
    load_default_quotas()
