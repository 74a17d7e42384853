"""The demo federation's royalty data (load_demo, run once per test database by the root conftest)."""

import pytest

from royalties.models import RateTable, Statement, StatementLine, StatementState
from royalties.selectors import federation_summary, statement_rows
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    if not Statement.objects.exists():
        pytest.skip("demo data without royalty statements")


def test_demo_ships_example_tables_and_closed_and_paid_statements(demo):
    assert RateTable.objects.filter(is_example=True).exists()
    assert not RateTable.objects.filter(is_example=False).exists()
    states = set(Statement.objects.values_list("state", flat=True))
    assert {StatementState.CLOSED, StatementState.PAID} <= states
    assert Statement.objects.filter(state=StatementState.PAID, is_example=True).exists()


def test_demo_post_of_10_10_2016_earns_nothing_and_those_of_11_10_2016_do(demo):
    """Letter 435/LĐLĐ item 5: royalties from 11/10/2016 (the demo places posts on both days)."""
    office = Unit.objects.get(code="van-phong")
    october = statement_rows(office, "2016-10")
    assert october.state == StatementState.PAID
    days = {
        line.first_published_at.astimezone(october.period.start.tzinfo).date().day for line in october.lines
    }
    assert 10 not in days
    assert 11 in days
    published_on_the_10th = office.posts.live().filter(
        first_published_at__gte=october.period.start.replace(day=10),
        first_published_at__lt=october.period.start.replace(day=11),
    )
    assert published_on_the_10th.exists()
    assert not StatementLine.objects.filter(post_id__in=published_on_the_10th.values("pk")).exists()


def test_demo_summary_totals_equal_the_units(demo):
    summary = federation_summary("2017-03")
    assert summary.totals.gross == sum(report.totals.gross for report in summary.reports) > 0
    for report in summary.reports:
        assert report.totals.gross == sum(line.amount for line in report.lines)


def test_demo_regrade_after_closing_is_an_adjustment(demo):
    adjusted = [
        report
        for month in ("2017-04", "2017-05", "2017-06")
        for report in federation_summary(month).reports
        if report.adjustments
    ]
    assert adjusted, "the demo regrades one March 2017 post after March was closed"
    assert all(line.amount > 0 and "→ A" in line.note for r in adjusted for line in r.adjustments)
