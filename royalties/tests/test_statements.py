"""Statements computed live from posts: dates, rates, grades, photos, shares, tax, totals."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from posts.models import PostAuthor, PostPage
from royalties.models import BaseSalary, SalaryBasis
from royalties.selectors import federation_summary, statement_rows
from royalties.services import statement_close, statement_for

from .factories import make_post, make_table, make_unit, reset_settings, vn

pytestmark = pytest.mark.django_db


def amounts(report):
    return [line.amount for line in report.lines]


# -- the start date (Letter 435/LĐLĐ item 5: from 11/10/2016) ----------------------------------


def test_post_on_10_10_2016_earns_nothing_and_one_on_11_10_2016_does(unit):
    before = make_post(unit, vn(2016, 10, 10, 23, 59))
    on_the_day = make_post(unit, vn(2016, 10, 11, 0, 0))
    report = statement_rows(unit, "2016-10")
    assert [line.post_id for line in report.lines] == [on_the_day.pk]
    assert before.pk not in {line.post_id for line in report.lines}
    assert report.totals.gross == 217_800  # news B + 1 photo: (1.5 + 0.3) × 10% × 1 210 000


def test_start_date_is_a_setting(unit):
    reset_settings(start_date=datetime.date(2016, 10, 20))
    make_post(unit, vn(2016, 10, 11))
    later = make_post(unit, vn(2016, 10, 20, 0, 5))
    assert [line.post_id for line in statement_rows(unit, "2016-10").lines] == [later.pk]


# -- months in Vietnam time -------------------------------------------------------------------


def test_month_boundaries_are_vietnam_time(unit):
    # 23:30 on 31/3 in Vietnam is 16:30 UTC: March. 00:30 on 1/4 is 31/3 17:30 UTC: April.
    march = make_post(unit, vn(2017, 3, 31, 23, 30))
    april = make_post(unit, vn(2017, 4, 1, 0, 30))
    assert [line.post_id for line in statement_rows(unit, "2017-03").lines] == [march.pk]
    assert [line.post_id for line in statement_rows(unit, "tháng 4/2017").lines] == [april.pk]


def test_unpublished_and_other_units_posts_are_not_in_the_statement(unit):
    make_post(unit, vn(2017, 3, 2), live=False)
    other = make_unit()
    make_post(other, vn(2017, 3, 2))
    assert statement_rows(unit, "2017-03").lines == []


# -- base salary, rate tables, grades, photos --------------------------------------------------


BASE_SALARY_CASES = [
    # (published, expected amount of a news item B with one photo counted: 1.8 coefficients)
    (vn(2017, 6, 30, 23, 50), 217_800),  # 1.8 × 121 000
    (vn(2017, 7, 1, 0, 10), 234_000),  # 1.8 × 130 000
    (vn(2018, 7, 1, 8), 250_200),  # 1.8 × 139 000
    (vn(2019, 7, 1, 8), 268_200),  # 1.8 × 149 000
    (vn(2023, 7, 1, 8), 324_000),  # 1.8 × 180 000
    (vn(2024, 7, 1, 8), 421_200),  # 1.8 × 234 000
]


@pytest.mark.parametrize(("published", "expected"), BASE_SALARY_CASES, ids=lambda v: str(v)[:10])
def test_base_salary_in_force_on_the_publication_date(unit, published, expected):
    make_post(unit, published)
    report = statement_rows(unit, f"{published.year}-{published.month:02d}")
    assert amounts(report) == [expected]


def test_base_salary_by_payment_date_is_a_setting(unit):
    reset_settings(salary_basis=SalaryBasis.PAYMENT)
    make_post(unit, vn(2017, 6, 12))
    report = statement_rows(unit, "2017-06", payment_day=datetime.date(2017, 7, 5))
    assert amounts(report) == [234_000]  # paid in July 2017: 1 300 000
    report = statement_rows(unit, "2017-06", payment_day=datetime.date(2017, 6, 30))
    assert amounts(report) == [217_800]


def test_a_base_salary_added_in_the_admin_applies_from_its_date(unit):
    BaseSalary.objects.create(amount=2_500_000, valid_from=datetime.date(2030, 1, 1))
    make_post(unit, vn(2030, 1, 1, 8))
    assert amounts(statement_rows(unit, "2030-01")) == [450_000]


def test_a_new_rate_table_applies_from_its_date(unit):
    make_table(
        valid_from=datetime.date(2018, 1, 1),
        rates={(kind, grade): Decimal(100_000) for kind in ("news", "article") for grade in "ABC"},
        fixed=True,
        photo_coefficient=None,
        photo_amount=10_000,
        photo_cap=2,
        name="Bảng mức 2018",
    )
    make_post(unit, vn(2017, 12, 31, 23, 59), photos=3)
    make_post(unit, vn(2018, 1, 1, 0, 1), photos=3)
    december = statement_rows(unit, "2017-12")
    assert december.lines[0].coefficient_text == "2,4"  # 1.5 + 3 photos × 0.3 (cap 3)
    assert amounts(december) == [312_000]  # × 130 000 (base salary from 1/7/2017)
    january = statement_rows(unit, "2018-01")
    assert amounts(january) == [120_000]  # 100 000 + 2 photos × 10 000 (cap 2)
    assert january.lines[0].coefficient is None
    assert january.tables == ["Bảng mức 2018"]


@pytest.mark.parametrize(
    ("kind", "grade", "coefficient", "expected"),
    [
        ("news", "A", "2,3", 278_300),
        ("news", "B", "1,8", 217_800),
        ("news", "C", "1,3", 157_300),
        ("article", "A", "6,3", 762_300),
        ("article", "B", "4,8", 580_800),
        ("article", "C", "3,3", 399_300),
    ],
)
def test_grades_and_kinds(unit, kind, grade, coefficient, expected):
    make_post(unit, vn(2017, 3, 10), kind=kind, grade=grade, photos=1)
    line = statement_rows(unit, "2017-03").lines[0]
    assert (line.grade, line.coefficient_text, line.amount) == (grade, coefficient, expected)


@pytest.mark.parametrize(("photos", "amount"), [(0, 181_500), (1, 217_800), (3, 290_400), (7, 290_400)])
def test_photo_cap(unit, photos, amount):
    make_post(unit, vn(2017, 3, 10), photos=photos)
    line = statement_rows(unit, "2017-03").lines[0]
    assert (line.photos, line.amount) == (photos, amount)


def test_rounding_step_is_a_setting(unit, policy):
    entry = policy.entries.get(kind="news", grade__code="B")
    entry.coefficient = Decimal("1.25")
    entry.save()
    make_post(unit, vn(2017, 3, 10), photos=0)
    assert amounts(statement_rows(unit, "2017-03")) == [151_300]  # 151 250 rounded half up
    reset_settings(rounding_step=1000)
    assert amounts(statement_rows(unit, "2017-03")) == [151_000]
    reset_settings(rounding_step=1)
    assert amounts(statement_rows(unit, "2017-03")) == [151_250]


def test_missing_rate_is_a_problem_not_money(unit):
    make_post(unit, vn(2017, 3, 10), grade="Z")
    report = statement_rows(unit, "2017-03")
    assert report.totals.gross == 0
    assert report.problems and "loại Z" in report.problems[0]
    assert not report.can_close


# -- authors and shares --------------------------------------------------------------------


def test_equal_shares_sum_to_the_post_amount(unit):
    make_post(unit, vn(2017, 3, 10), photos=0, authors=("An", "Bình", "Chi"))  # 181 500
    report = statement_rows(unit, "2017-03")
    assert amounts(report) == [60_500, 60_500, 60_500]
    assert [line.author for line in report.lines] == ["An", "Bình", "Chi"]


def test_share_percent_per_post(unit):
    make_post(unit, vn(2017, 3, 10), photos=2, authors=("An", "Bình"), shares=(70, 30))  # 254 100
    report = statement_rows(unit, "2017-03")
    assert amounts(report) == [177_900, 76_200]
    assert sum(amounts(report)) == 254_100
    assert report.lines[0].share_percent == Decimal("70.00")


def test_shares_not_adding_to_100_block_closing(unit):
    make_post(unit, vn(2017, 3, 10), authors=("An", "Bình"), shares=(70, 20))
    report = statement_rows(unit, "2017-03")
    assert report.problems and "90%" in report.problems[0]
    assert report.totals.gross == 0


def test_same_person_in_two_spellings_is_one_payment(unit):
    make_post(unit, vn(2017, 3, 10), authors=("Nguyễn Văn An",))
    make_post(unit, vn(2017, 3, 11), authors=("nguyen van an",))
    report = statement_rows(unit, "2017-03")
    assert len(report.authors) == 1
    assert report.authors[0].gross == 2 * 217_800


# -- tax ---------------------------------------------------------------------------------


def test_tax_withheld_when_one_payment_reaches_2_million(unit):
    # Articles A with 3 photos: 6.9 × 121 000 = 834 900 each; three make 2 504 700.
    for day in (3, 4, 5):
        make_post(unit, vn(2017, 3, day), kind="article", grade="A", photos=3, authors=("Trần Thị Bích",))
    make_post(unit, vn(2017, 3, 6), photos=0, authors=("Lê Văn Cường",))
    report = statement_rows(unit, "2017-03")
    by_name = {a.name: a for a in report.authors}
    assert (by_name["Trần Thị Bích"].gross, by_name["Trần Thị Bích"].tax) == (2_504_700, 250_470)
    assert by_name["Trần Thị Bích"].net == 2_254_230
    assert by_name["Lê Văn Cường"].tax == 0
    assert report.totals.tax == 250_470
    assert sum(line.tax for line in report.lines) == 250_470


def test_tax_threshold_and_rate_are_settings(unit):
    reset_settings(tax_threshold=800_000, tax_rate_percent=Decimal("5"))
    make_post(unit, vn(2017, 3, 3), kind="article", grade="A", photos=3)
    report = statement_rows(unit, "2017-03")
    assert report.totals.tax == 41_745  # 5% of 834 900


def test_just_below_the_threshold_no_tax(unit):
    reset_settings(tax_threshold=834_901)
    make_post(unit, vn(2017, 3, 3), kind="article", grade="A", photos=3)
    assert statement_rows(unit, "2017-03").totals.tax == 0


# -- totals and words --------------------------------------------------------------------


def test_statement_totals_equal_the_sum_of_lines(unit):
    make_post(unit, vn(2017, 3, 1), photos=2, authors=("An", "Bình", "Chi"))
    make_post(unit, vn(2017, 3, 2), kind="article", grade="A", photos=5, authors=("An",))
    make_post(unit, vn(2017, 3, 3), grade="C", authors=("Dũng", "An"), shares=(25, 75))
    report = statement_rows(unit, "2017-03")
    assert report.totals.gross == sum(line.amount for line in report.lines)
    assert report.totals.tax == sum(line.tax for line in report.lines)
    assert report.totals.net == sum(line.net for line in report.lines)
    assert report.totals.gross == sum(a.gross for a in report.authors)
    assert report.posts == 3
    assert [line.position for line in report.lines] == list(range(1, len(report.lines) + 1))


def test_total_in_words(unit):
    # Two posts at a fixed 605 000 đ from a 2017 table make the letter's example sum.
    make_table(
        valid_from=datetime.date(2017, 1, 1),
        rates={(k, g): Decimal(605_000) for k in ("news", "article") for g in "ABC"},
        fixed=True,
        photo_coefficient=None,
    )
    make_post(unit, vn(2017, 3, 1))
    make_post(unit, vn(2017, 3, 2))
    report = statement_rows(unit, "2017-03")
    assert report.totals.gross == 1_210_000
    assert report.amount_in_words == "Một triệu hai trăm mười nghìn đồng chẵn"


# -- one query module, a constant number of queries ----------------------------------------


def _queries(unit, month):
    with CaptureQueriesContext(connection) as context:
        statement_rows(unit, month)
    return len(context.captured_queries)


def test_constant_number_of_queries_per_statement(unit):
    make_post(unit, vn(2017, 3, 1))
    few = _queries(unit, "2017-03")
    for day in range(2, 22):
        make_post(unit, vn(2017, 3, day), photos=day % 4, authors=("An", "Bình")[: 1 + day % 2])
    many = _queries(unit, "2017-03")
    assert few == many
    assert many <= 12


def test_constant_number_of_queries_with_closed_months_and_adjustments(unit):
    for day in (1, 2):
        make_post(unit, vn(2017, 2, day))
    statement_close(statement_for(unit, "2017-02"), None, "1")
    few = _queries(unit, "2017-03")
    posts = [make_post(unit, vn(2017, 3, day)) for day in range(1, 15)]
    for day in range(3, 20):
        make_post(unit, vn(2017, 2, day))  # late arrivals in the closed month: adjustments
    PostPage.objects.filter(pk=posts[0].pk).update(grade="A")
    many = _queries(unit, "2017-03")
    assert few == many


def test_federation_summary_query_count_does_not_grow_with_units(unit):
    make_post(unit, vn(2017, 3, 1))
    with CaptureQueriesContext(connection) as one:
        federation_summary("2017-03", [unit])
    others = [make_unit() for _ in range(3)]
    for other in others:
        make_post(other, vn(2017, 3, 2))
    with CaptureQueriesContext(connection) as four:
        summary = federation_summary("2017-03", [unit, *others])
    assert len(one.captured_queries) == len(four.captured_queries)
    assert summary.totals.gross == sum(r.totals.gross for r in summary.reports) == 4 * 217_800


def test_post_without_authors_is_a_problem(unit):
    post = make_post(unit, vn(2017, 3, 1))
    PostAuthor.objects.filter(page=post).delete()
    report = statement_rows(unit, "2017-03")
    assert report.problems
    assert report.totals.gross == 0
