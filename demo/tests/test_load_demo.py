"""The demo federation: the Q1/2017 table of Letter 435/LĐLĐ, the units' pages, idempotency."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from demo.accounts import ADMIN
from demo.content import DISTRICT_PLACES
from demo.plan import VIETNAM_TZ, read_counts
from demo.tree import DEMO_MARK
from posts.models import PostAuthor, PostImage, PostPage, Topic
from public.models import AboutPage, HomePage, TopicIndexPage
from units.models import Unit, UnitIndexPage, UnitPage

pytestmark = pytest.mark.django_db

Q1_START = datetime.datetime(2017, 1, 1, tzinfo=VIETNAM_TZ)
Q1_END = datetime.datetime(2017, 4, 1, tzinfo=VIETNAM_TZ)


def q1_counts() -> dict[str, dict[str, int]]:
    rows = (
        PostPage.objects.live()
        .filter(first_published_at__gte=Q1_START, first_published_at__lt=Q1_END)
        .order_by()  # Page's default ordering by path would split the groups
        .values("unit__code", "kind")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["unit__code"], {"news": 0, "article": 0})[row["kind"]] = row["n"]
    return counts


def test_q1_2017_counts_per_unit_are_the_table_of_letter_435():
    expected = read_counts().counts
    assert set(expected) == set(Unit.objects.values_list("code", flat=True))
    actual = q1_counts()
    for code, wanted in expected.items():
        assert actual.get(code, {"news": 0, "article": 0}) == wanted, code


def test_the_fixture_is_the_seed_table():
    counts = read_counts().counts
    assert counts["ban-tuyen-giao"] == {"news": 8, "article": 0}
    assert counts["cd-vien-chuc"] == {"news": 7, "article": 1}
    assert sum(row["news"] for row in counts.values()) == 29
    assert sum(row["article"] for row in counts.values()) == 1


def test_posts_at_the_edges_of_the_quarter_count_in_vietnam_time():
    tuyen_giao = PostPage.objects.live().filter(unit__code="ban-tuyen-giao")
    # 31/3/2017 23:30 and 1/4/2017 00:30 Vietnam time are both 31/3 in UTC.
    assert tuyen_giao.filter(
        first_published_at=datetime.datetime(2017, 3, 31, 23, 30, tzinfo=VIETNAM_TZ)
    ).exists()
    assert tuyen_giao.filter(
        first_published_at=datetime.datetime(2017, 4, 1, 0, 30, tzinfo=VIETNAM_TZ)
    ).exists()


def test_the_unpublished_post_and_the_drafts_do_not_count():
    not_live = PostPage.objects.filter(live=False)
    assert not_live.filter(first_published_at__gte=Q1_START, first_published_at__lt=Q1_END).count() == 1
    assert not_live.filter(first_published_at__isnull=True).count() >= 3


def test_units_without_posts_on_their_page_never_had_a_published_post():
    never = read_counts().never_published
    assert never == {"bac-binh", "ham-thuan-nam", "lagi"}
    assert not PostPage.objects.filter(unit__code__in=never, first_published_at__isnull=False).exists()


def test_every_other_unit_has_posts_outside_q1_2017():
    never = read_counts().never_published
    outside = PostPage.objects.live().exclude(first_published_at__gte=Q1_START, first_published_at__lt=Q1_END)
    publishing = set(outside.values_list("unit__code", flat=True))
    assert publishing == set(Unit.objects.exclude(code__in=never).values_list("code", flat=True))


def test_empty_introductions_are_exactly_the_two_units_of_the_table():
    empty = {page.unit.code for page in UnitPage.objects.select_related("unit") if not page.has_introduction}
    assert empty == {"bac-binh", "ham-thuan-bac"} == read_counts().empty_introduction


def test_unit_contacts_are_marked_demo_data_and_none_is_invented_for_the_federation(client):
    """Only the district federations' pages get an address, made up and saying so; no page gets a phone."""
    addresses = dict(UnitPage.objects.values_list("unit__code", "address"))
    districts = {code for code in addresses if code in DISTRICT_PLACES}
    assert districts == set(DISTRICT_PLACES) & set(Unit.objects.values_list("code", flat=True))
    assert all(addresses[code].endswith(DEMO_MARK) for code in districts)
    assert {addresses[code] for code in set(addresses) - districts} == {""}
    assert not UnitPage.objects.exclude(phone="").exists()
    page = UnitPage.objects.get(unit__code="tuy-phong")
    html = client.get(page.url).content.decode()
    assert f"Địa chỉ: {page.address}" in html and "Điện thoại:" not in html


def test_posts_run_from_september_2016_to_now_across_the_royalty_and_salary_dates():
    live = PostPage.objects.live()
    first = live.order_by("first_published_at").first().first_published_at
    last = live.order_by("-first_published_at").first().first_published_at
    assert first >= datetime.datetime(2016, 9, 1, tzinfo=VIETNAM_TZ)
    assert last <= timezone.now()
    assert last >= timezone.now() - datetime.timedelta(days=92)
    local_days = {p.astimezone(VIETNAM_TZ).date() for p in live.values_list("first_published_at", flat=True)}
    for day in (datetime.date(2016, 10, 10), datetime.date(2016, 10, 11), datetime.date(2017, 6, 30)):
        assert day in local_days
    assert datetime.date(2017, 7, 1) in local_days


def test_every_live_post_has_an_image_with_a_caption_an_author_and_a_topic():
    live = PostPage.objects.live()
    assert 200 < live.count() < 1000
    assert not live.filter(images__isnull=True).exists()
    assert not PostImage.objects.filter(page__live=True, caption="").exists()
    assert not live.filter(authors__isnull=True).exists()
    assert not live.filter(topics__isnull=True).exists()
    assert live.filter(featured=True).count() >= 3
    assert PostAuthor.objects.values("page").annotate(n=Count("pk")).filter(n__gt=2).count() == 0


def test_live_posts_have_a_live_revision_search_text_and_timely_and_late_event_dates():
    live = PostPage.objects.live()
    assert not live.filter(live_revision__isnull=True).exists()
    assert not live.filter(search_text="").exists()
    assert not live.filter(unit__isnull=True).exists()
    late = [
        p
        for p in live.only("event_date", "first_published_at")
        if (p.first_published_at.astimezone(VIETNAM_TZ).date() - p.event_date).days > 7
    ]
    assert late
    assert not [p for p in live if p.event_date > p.first_published_at.astimezone(VIETNAM_TZ).date()]


def test_the_site_root_is_the_federation_home_page():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "Công đoàn Bình Thuận"
    assert Page.objects.filter(depth=2).count() == 1  # Wagtail's welcome page is gone
    assert UnitIndexPage.objects.child_of(home).get().slug == "don-vi"
    about = AboutPage.objects.child_of(home).get()
    assert about.slug == "gioi-thieu" and about.org_chart is not None and "1975" in about.history
    assert TopicIndexPage.objects.child_of(home).get().slug == "chu-de"
    assert UnitPage.objects.count() == Unit.objects.count()


def test_admin_account():
    admin = get_user_model().objects.get(username=ADMIN.username)
    assert admin.is_superuser and admin.first_name == "Tổ Công nghệ thông tin"
    assert admin.check_password("congdoan2017")


def test_running_twice_creates_nothing():
    models = (
        Page,
        PostPage,
        UnitPage,
        PostImage,
        PostAuthor,
        Topic,
        Revision,
        Collection,
        Site,
        get_user_model(),
    )
    before = {model: model.objects.count() for model in (*models, get_image_model())}
    call_command("load_demo", verbosity=0)
    assert {model: model.objects.count() for model in before} == before
