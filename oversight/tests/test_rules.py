"""The pure rules: tables of cases, no database."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from oversight.rules import (
    NO_INTRODUCTION_NOTE,
    Quota,
    QuotaRuleFacts,
    ReportRow,
    UnitFacts,
    common_quota,
    compare_rows,
    elapsed_share,
    month_starts,
    notes_for,
    progress,
    report_rows,
    resolve_quota,
    shortfall_note,
    timeliness,
    totals,
)

SHORTFALL_CASES = [
    # (missing tin, missing bài, note)
    (5, 1, "Thiếu 5 tin, 1 bài"),
    (6, 1, "Thiếu 6 tin, 1 bài"),
    (0, 1, "Thiếu 1 bài"),
    (5, 0, "Thiếu 5 tin"),
    (0, 0, None),
    (-2, 0, None),  # more than the quota: nothing missing
    (-2, 1, "Thiếu 1 bài"),
]


@pytest.mark.parametrize(("news", "articles", "expected"), SHORTFALL_CASES)
def test_shortfall_note(news, articles, expected):
    assert shortfall_note(news, articles) == expected


def facts(**overrides):
    values = {
        "unit_id": 1,
        "name": "Liên đoàn Lao động huyện Bắc Bình",
        "display_name": "LĐLĐ huyện Bắc Bình",
        "order": 16,
        "kind_code": "district",
        "news": 0,
        "articles": 0,
        "quota": Quota(6, 1),
    }
    values.update(overrides)
    return UnitFacts(**values)


NOTES_CASES = [
    (
        "seed row 16: short, page never published, empty introduction",
        facts(has_own_page=True, note_name="huyện", ever_published=False, has_introduction=False),
        (
            "Thiếu 6 tin, 1 bài",
            "Chưa có tin - bài trên trang của huyện",
            "Chưa có thông tin tại mục Giới thiệu công đoàn.",
        ),
    ),
    (
        "seed row 17: has had posts, empty introduction",
        facts(has_own_page=True, note_name="huyện", has_introduction=False),
        ("Thiếu 6 tin, 1 bài", "Chưa có thông tin tại mục Giới thiệu công đoàn."),
    ),
    (
        "seed row 19: never published, introduction present",
        facts(has_own_page=True, note_name="huyện", ever_published=False),
        ("Thiếu 6 tin, 1 bài", "Chưa có tin - bài trên trang của huyện"),
    ),
    (
        "no note name: the unit's display name",
        facts(has_own_page=True, ever_published=False),
        ("Thiếu 6 tin, 1 bài", "Chưa có tin - bài trên trang của LĐLĐ huyện Bắc Bình"),
    ),
    (
        "units without their own page get no page notes",
        facts(has_own_page=False, ever_published=False, has_introduction=False),
        ("Thiếu 6 tin, 1 bài",),
    ),
    ("seed row 14: quota met, no note", facts(news=7, articles=1), ()),
    ("seed row 12: only the article missing", facts(news=7), ("Thiếu 1 bài",)),
    (
        "a remark comes after the computed notes",
        facts(news=1, has_own_page=True, has_introduction=False, remark="Đơn vị mới thành lập."),
        ("Thiếu 5 tin, 1 bài", NO_INTRODUCTION_NOTE, "Đơn vị mới thành lập."),
    ),
    (
        "seed row 6: a remark that replaces the shortfall note",
        facts(news=8, remark="Có 03 bài ... Thiếu 1 bài ở Website", remark_replaces_shortfall=True),
        ("Có 03 bài ... Thiếu 1 bài ở Website",),
    ),
    (
        "replacing remark keeps the page notes",
        facts(
            has_own_page=True,
            ever_published=False,
            note_name="huyện",
            remark="Xem công văn riêng.",
            remark_replaces_shortfall=True,
        ),
        ("Chưa có tin - bài trên trang của huyện", "Xem công văn riêng."),
    ),
    (
        "a blank remark that 'replaces' changes nothing",
        facts(remark="   ", remark_replaces_shortfall=True),
        ("Thiếu 6 tin, 1 bài",),
    ),
]


@pytest.mark.parametrize(("name", "unit", "expected"), NOTES_CASES, ids=[c[0] for c in NOTES_CASES])
def test_notes(name, unit, expected):
    assert notes_for(unit) == expected


def test_report_rows_skip_units_without_quota_and_number_in_report_order():
    units = [
        facts(unit_id=3, order=3, display_name="C"),
        facts(unit_id=1, order=1, display_name="A"),
        facts(unit_id=9, order=2, display_name="Miễn", quota=None),
        facts(unit_id=2, order=2, display_name="B"),
    ]
    rows = report_rows(units)
    assert [(r.tt, r.unit_name) for r in rows] == [(1, "A"), (2, "B"), (3, "C")]


TIMELINESS_CASES = [
    ((), 0, None),
    ((1,), 0, 1.0),
    ((0, 8, 2), 1, 2.0),
    ((7, 8), 1, 7.5),  # exactly 7 days is on time; 8 is late
    ((-3, 10, 20, 2), 2, 6.0),  # an announcement (event after publication) counts as 0
]


@pytest.mark.parametrize(("delays", "late", "median"), TIMELINESS_CASES)
def test_timeliness(delays, late, median):
    result = timeliness(delays)
    assert (result.late, result.median_delay, result.posts) == (late, median, len(delays))


D = date


def rule(
    rule_id,
    news,
    articles,
    valid_from,
    valid_to=None,
    *,
    unit_id=None,
    kind=None,
    period="quarter",
    exempt=False,
):
    return QuotaRuleFacts(
        rule_id=rule_id,
        period_kind=period,
        news=news,
        articles=articles,
        valid_from=valid_from,
        valid_to=valid_to,
        unit_id=unit_id,
        kind_code=kind,
        exempt=exempt,
    )


KIND_2016 = rule(1, 6, 1, D(2016, 1, 1), kind="district")
EVERYONE = rule(2, 3, 0, D(2016, 1, 1))
UNIT_5 = rule(3, 9, 2, D(2016, 1, 1), unit_id=5)
FROM_JULY_2018 = [
    rule(1, 6, 1, D(2016, 1, 1), D(2018, 6, 30), kind="district"),
    rule(4, 9, 2, D(2018, 7, 1), kind="district"),
]

Q1_2017 = (D(2017, 1, 1), D(2017, 3, 31))
QUOTA_CASES = [
    ("kind rule", [KIND_2016], 7, "district", Q1_2017, Quota(6, 1)),
    ("no rule for the kind", [KIND_2016], 7, "sector", Q1_2017, None),
    ("rule for every unit", [EVERYONE], 7, "sector", Q1_2017, Quota(3, 0)),
    ("kind rule beats every-unit rule", [EVERYONE, KIND_2016], 7, "district", Q1_2017, Quota(6, 1)),
    ("unit rule beats kind rule", [KIND_2016, UNIT_5], 5, "district", Q1_2017, Quota(9, 2)),
    ("another unit's rule does not apply", [KIND_2016, UNIT_5], 6, "district", Q1_2017, Quota(6, 1)),
    (
        "exempt unit rule beats kind rule",
        [KIND_2016, rule(5, 0, 0, D(2016, 1, 1), unit_id=5, exempt=True)],
        5,
        "district",
        Q1_2017,
        None,
    ),
    ("zero targets: no quota", [rule(6, 0, 0, D(2016, 1, 1), kind="district")], 5, "district", Q1_2017, None),
    ("before the rule starts", [KIND_2016], 7, "district", (D(2015, 10, 1), D(2015, 12, 31)), None),
    (
        "quarter before the change",
        FROM_JULY_2018,
        7,
        "district",
        (D(2018, 4, 1), D(2018, 6, 30)),
        Quota(6, 1),
    ),
    ("quarter after the change", FROM_JULY_2018, 7, "district", (D(2018, 7, 1), D(2018, 9, 30)), Quota(9, 2)),
    (
        "the year of the change: half of each",
        FROM_JULY_2018,
        7,
        "district",
        (D(2018, 1, 1), D(2018, 12, 31)),
        Quota(30, 6),
    ),
    (
        "a year under a quarterly rule",
        [KIND_2016],
        7,
        "district",
        (D(2017, 1, 1), D(2017, 12, 31)),
        Quota(24, 4),
    ),
    (
        "a month under a quarterly rule: rounded up",
        [KIND_2016],
        7,
        "district",
        (D(2017, 3, 1), D(2017, 3, 31)),
        Quota(2, 1),
    ),
    (
        "a monthly rule over a quarter",
        [rule(7, 2, 1, D(2016, 1, 1), kind="district", period="month")],
        7,
        "district",
        Q1_2017,
        Quota(6, 3),
    ),
    (
        "change in mid-quarter counts from its month",
        [
            rule(1, 6, 1, D(2016, 1, 1), D(2017, 1, 31), kind="district"),
            rule(8, 9, 1, D(2017, 2, 1), kind="district"),
        ],
        7,
        "district",
        Q1_2017,
        Quota(8, 1),
    ),
    (
        "a rule starting mid-month governs that month when none was in force on the 1st",
        [rule(9, 6, 1, D(2017, 1, 15), kind="district")],
        7,
        "district",
        (D(2017, 1, 1), D(2017, 1, 31)),
        Quota(2, 1),
    ),
]


@pytest.mark.parametrize(
    ("name", "rules", "unit_id", "kind", "span", "expected"), QUOTA_CASES, ids=[c[0] for c in QUOTA_CASES]
)
def test_resolve_quota(name, rules, unit_id, kind, span, expected):
    assert resolve_quota(rules, unit_id, kind, *span) == expected


def test_month_starts():
    assert month_starts(D(2017, 11, 1), D(2018, 2, 28)) == [
        D(2017, 11, 1),
        D(2017, 12, 1),
        D(2018, 1, 1),
        D(2018, 2, 1),
    ]


SHARE_CASES = [
    (D(2016, 12, 31), 0.0),
    (D(2017, 1, 1), 1 / 90),
    (D(2017, 2, 14), 45 / 90),
    (D(2017, 3, 31), 1.0),
    (D(2017, 5, 1), 1.0),
]


@pytest.mark.parametrize(("today", "share"), SHARE_CASES)
def test_elapsed_share(today, share):
    assert elapsed_share(*Q1_2017, today) == pytest.approx(share)


def test_progress_marks_units_behind_the_even_pace():
    halfway = progress(2, 6, 0.5)
    assert (halfway.percent, halfway.expected, halfway.behind) == (pytest.approx(100 / 3), 3.0, True)
    assert not progress(3, 6, 0.5).behind
    assert progress(9, 6, 1.0).percent == 100
    assert not progress(0, 0, 0.5).behind


def row(unit_id, news=0, articles=0, notes=(), tt=1, name=None, quota=(6, 1)):
    return ReportRow(
        tt, unit_id, name or f"Đơn vị {unit_id}", news, articles, quota[0], quota[1], tuple(notes)
    )


def test_row_round_trips_through_a_dict():
    original = ReportRow(3, 7, "Ban Tuyên giáo", 8, 0, 6, 1, ("Ghi chú",), 1, 4.5, 8, "department")
    assert ReportRow.from_dict(original.to_dict()) == original
    assert ReportRow.from_dict({**original.to_dict(), "unknown": 1}) == original


def test_compare_rows_reports_changed_added_and_removed_units():
    issued = [row(1, 1, notes=["Thiếu 5 tin, 1 bài"]), row(2, 6, 1), row(3)]
    live = [row(1, 2, notes=["Thiếu 4 tin, 1 bài"]), row(2, 6, 1), row(4)]
    changes = compare_rows(issued, live)
    assert [(c.unit_id, c.fields) for c in changes] == [
        (1, ("news", "notes")),
        (3, ("unit",)),
        (4, ("unit",)),
    ]
    assert changes[1].live is None and changes[2].issued is None


def test_totals_and_common_quota():
    rows = [row(1, 1), row(2, 7, 1), row(3, 0, 0)]
    assert totals(rows).news == 8 and totals(rows).units_short == 2
    assert common_quota(rows) == Quota(6, 1)
    assert common_quota(rows + [row(4, quota=(9, 2))]) is None


@pytest.mark.parametrize("module", ["rules", "charts", "exports.document", "exports.tabular"])
def test_pure_modules_do_not_import_django(module):
    code = f"import sys, oversight.{module}; assert 'django' not in sys.modules, sorted(sys.modules)"
    root = Path(__file__).resolve().parents[2]
    # A fresh interpreter: this process has Django loaded already.
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)  # noqa: S603 (fixed argv)
