"""The quarterly table computed from the database: the golden seed table and the counting rules."""

import datetime
import json
from pathlib import Path

import pytest

from oversight import quota_for
from oversight.models import QuotaRule, Remark
from oversight.rules import Quota
from oversight.selectors import compliance_rows, federation_totals, recent_periods
from posts.models import PostPage
from units.models import Unit, UnitKind
from vietnamese.periods import parse_period

from .factories import make_post, make_unit, vn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quotas")]

CASE_FILE = Path(__file__).resolve().parent / "cases" / "q1_2017.json"
CASE_KEYS = {"source", "period", "title", "headings", "quota", "normalisations", "rows"}
ROW_KEYS = {"tt", "unit", "news", "articles", "notes"}


def load_case():
    case = json.loads(CASE_FILE.read_text(encoding="utf-8"))
    # Like Zulip's markdown cases: an unknown key is a typo, not a silently ignored field.
    assert set(case) == CASE_KEYS, set(case) ^ CASE_KEYS
    for row in case["rows"]:
        assert set(row) == ROW_KEYS, (row, set(row) ^ ROW_KEYS)
    return case


CASE = load_case()


def by_unit(rows):
    return {row.unit_id: row for row in rows}


def test_golden_q1_2017_equals_the_seed_table():
    rows = compliance_rows(CASE["period"])
    assert [row.unit_name for row in rows] == [expected["unit"] for expected in CASE["rows"]]
    for row, expected in zip(rows, CASE["rows"], strict=True):
        assert {
            "tt": row.tt,
            "unit": row.unit_name,
            "news": row.news,
            "articles": row.articles,
            "notes": list(row.notes),
        } == expected
        assert (row.quota_news, row.quota_articles) == (CASE["quota"]["news"], CASE["quota"]["articles"])


def test_query_count_does_not_grow_with_units_or_posts(django_assert_num_queries):
    with django_assert_num_queries(5):
        before = compliance_rows("2017-Q1")
    district = UnitKind.objects.get(code="district")
    for number in range(3):
        unit = make_unit(f"huyen-moi-{number}", kind=district, has_own_page=True, note_name="huyện")
        for day in range(1, 11):
            make_post(
                unit,
                vn(2017, 2, day),
                kind="news" if day % 3 else "article",
                event_date=datetime.date(2017, 1, day),
            )
        Remark.objects.create(unit=unit, period_code="2017-Q1", text="Đơn vị mới.")
    with django_assert_num_queries(5):
        after = compliance_rows("2017-Q1")
    assert len(after) == len(before) + 3


def test_federation_totals_is_one_query(django_assert_num_queries):
    periods = recent_periods(parse_period("2017-Q2"), 8)
    assert periods[0].code == "2015-Q3" and periods[-1].code == "2017-Q2"
    with django_assert_num_queries(1):
        history = federation_totals(periods)
    q1 = next(total for total in history if total.period.code == "2017-Q1")
    live = PostPage.objects.live()
    q1_posts = live.filter(first_published_at__gte=q1.period.start, first_published_at__lt=q1.period.end)
    assert q1.news == q1_posts.filter(kind="news").count()
    assert q1.articles == q1_posts.filter(kind="article").count()


@pytest.fixture
def district_unit():
    return make_unit(
        "huyen-kiem-thu",
        kind=UnitKind.objects.get(code="district"),
        report_order=50,
        has_own_page=True,
        note_name="huyện",
        short_name="LĐLĐ huyện Kiểm Thử",
    )


def row_of(unit, period):
    return by_unit(compliance_rows(period)).get(unit.pk)


def test_period_boundaries_are_vietnam_time(district_unit):
    # 23:59 on 31/3 in Vietnam is 16:59 UTC: Q1. 00:30 on 1/4 in Vietnam is 17:30 UTC on 31/3: Q2.
    make_post(district_unit, vn(2017, 3, 31, 23, 59))
    make_post(district_unit, vn(2017, 4, 1, 0, 30))
    make_post(district_unit, vn(2017, 1, 1, 0, 5))  # 31/12/2016 17:05 UTC
    assert row_of(district_unit, "2017-Q1").news == 2
    assert row_of(district_unit, "quý II/2017").news == 1
    assert row_of(district_unit, "2016-Q4").news == 0
    assert row_of(district_unit, "tháng 4/2017").news == 1


def test_unpublished_and_deleted_posts_stop_counting(district_unit):
    kept = make_post(district_unit, vn(2017, 2, 1))
    unpublished = make_post(district_unit, vn(2017, 2, 2))
    deleted = make_post(district_unit, vn(2017, 2, 3), kind="article")
    row = row_of(district_unit, "2017-Q1")
    assert (row.news, row.articles) == (2, 1)

    unpublished.unpublish()
    deleted.delete()
    row = row_of(district_unit, "2017-Q1")
    assert (row.news, row.articles, row.notes) == (1, 0, ("Thiếu 5 tin, 1 bài",))
    assert PostPage.objects.filter(pk=unpublished.pk, first_published_at__isnull=False).exists()
    assert kept.live


def test_page_note_until_the_first_live_post(district_unit):
    empty = ("Thiếu 6 tin, 1 bài", "Chưa có tin - bài trên trang của huyện")
    assert row_of(district_unit, "2017-Q1").notes == empty
    post = make_post(district_unit, vn(2017, 5, 10))
    # The page had no post by the end of Q1; it has one in Q2.
    assert row_of(district_unit, "2017-Q1").notes == empty
    assert row_of(district_unit, "2017-Q2").notes == ("Thiếu 5 tin, 1 bài",)
    post.unpublish()
    assert row_of(district_unit, "2017-Q2").notes == empty


def test_empty_introduction_note(district_unit):
    make_post(district_unit, vn(2016, 12, 1))
    page = district_unit.page
    page.introduction = "<p> </p>"
    page.save()
    assert row_of(district_unit, "2017-Q1").notes == (
        "Thiếu 6 tin, 1 bài",
        "Chưa có thông tin tại mục Giới thiệu công đoàn.",
    )


def test_remarks_follow_the_computed_notes_or_replace_the_shortfall(district_unit):
    make_post(district_unit, vn(2016, 12, 1))
    remark = Remark.objects.create(
        unit=district_unit, period_code="quý I/2017", text="Đơn vị đang kiện toàn nhân sự."
    )
    assert remark.period_code == "2017-Q1"
    assert row_of(district_unit, "2017-Q1").notes == ("Thiếu 6 tin, 1 bài", "Đơn vị đang kiện toàn nhân sự.")
    assert row_of(district_unit, "2017-Q2").notes == ("Thiếu 6 tin, 1 bài",)
    remark.replaces_shortfall = True
    remark.save()
    assert row_of(district_unit, "2017-Q1").notes == ("Đơn vị đang kiện toàn nhân sự.",)


def test_exempt_units_are_not_listed(district_unit):
    assert row_of(district_unit, "2017-Q1") is not None
    Unit.objects.filter(pk=district_unit.pk).update(quota_applies=False)
    assert row_of(district_unit, "2017-Q1") is None
    Unit.objects.filter(pk=district_unit.pk).update(quota_applies=True)
    QuotaRule.objects.create(unit=district_unit, exempt=True, valid_from=datetime.date(2017, 1, 1))
    assert row_of(district_unit, "2017-Q1") is None
    assert row_of(district_unit, "2016-Q4") is not None


def test_unit_rule_beats_kind_rule(district_unit):
    QuotaRule.objects.create(
        unit=district_unit, target_news=9, target_articles=2, valid_from=datetime.date(2017, 1, 1)
    )
    make_post(district_unit, vn(2017, 2, 1), kind="article")
    row = row_of(district_unit, "2017-Q1")
    assert (row.quota_news, row.quota_articles, row.notes[0]) == (9, 2, "Thiếu 9 tin, 1 bài")
    assert quota_for(district_unit, "2017-Q1") == Quota(9, 2)
    other = Unit.objects.get(code="bac-binh")
    assert quota_for(other, "2017-Q1") == Quota(6, 1)


def test_quota_changing_in_the_middle_of_a_year(district_unit):
    # From 1/7/2018 districts publish 9 tin and 2 bài a quarter.
    QuotaRule.objects.filter(unit_kind__code="district").update(valid_to=datetime.date(2018, 6, 30))
    QuotaRule.objects.create(
        unit_kind=UnitKind.objects.get(code="district"),
        target_news=9,
        target_articles=2,
        valid_from=datetime.date(2018, 7, 1),
    )
    assert quota_for(district_unit, "2018-Q2") == Quota(6, 1)
    assert quota_for(district_unit, "2018-Q3") == Quota(9, 2)
    assert quota_for(district_unit, "2018") == Quota(30, 6)
    q3 = row_of(district_unit, "2018-Q3")
    assert (q3.quota_news, q3.quota_articles) == (9, 2)
    # Other kinds keep theirs.
    assert quota_for(Unit.objects.get(code="van-phong"), "2018-Q3") == Quota(6, 1)


def test_units_outside_their_lifetime_are_not_listed(district_unit):
    Unit.objects.filter(pk=district_unit.pk).update(valid_to=datetime.date(2016, 12, 31))
    assert row_of(district_unit, "2016-Q4") is not None
    assert row_of(district_unit, "2017-Q1") is None


def test_timeliness_columns(district_unit):
    make_post(district_unit, vn(2017, 2, 10), event_date=datetime.date(2017, 2, 9))  # 1 day
    make_post(district_unit, vn(2017, 2, 20), event_date=datetime.date(2017, 2, 10))  # 10 days: late
    make_post(district_unit, vn(2017, 3, 1, 0, 30), event_date=datetime.date(2017, 2, 22))  # 7 days (VN date)
    row = row_of(district_unit, "2017-Q1")
    assert (row.late, row.median_delay, row.timed_posts) == (1, 7.0, 3)
