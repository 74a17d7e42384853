"""`load_demo --posts N`: generated posts written in bulk are ordinary, serveable Wagtail pages."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from demo.bulk import SEARCH_INDEX, FastFold, bulk_create_posts
from demo.plan import read_counts
from posts.models import NewsPage, PostPage
from posts.search import search_posts
from units.models import UnitPage
from vietnamese.text import fold

from .test_load_demo import q1_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def added():
    before = set(PostPage.objects.values_list("pk", flat=True))
    q1_before = q1_counts()
    call_command("load_demo", posts=50, verbosity=0)
    new = PostPage.objects.exclude(pk__in=before)
    return new, q1_before


def test_adds_n_live_posts_with_images_authors_and_search_text(added):
    new, _ = added
    assert new.count() == 50
    assert new.live().count() == 50
    for post in new.specific():
        assert post.images.exists() and all(image.caption for image in post.images.all())
        assert post.authors.exists()
        assert post.unit_id == post.get_parent().specific.unit_id
        assert post.search_text == post.build_search_text()
        assert post.url_path == post.get_parent().url_path + post.slug + "/"
        assert post.first_published_at and post.last_published_at
        assert post.published_at == post.first_published_at


def test_the_tree_stays_valid(added):
    assert all(not problems for problems in Page.find_problems())
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()
    for unit_page in UnitPage.objects.all():
        assert unit_page.numchild == unit_page.get_children().count()


def test_slugs_are_unique_under_each_unit_page(added):
    for unit_page in UnitPage.objects.all():
        slugs = list(unit_page.get_children().values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs))


def test_the_q1_2017_table_and_the_never_published_units_are_untouched(added):
    new, q1_before = added
    assert q1_counts() == q1_before
    assert not new.filter(unit__code__in=read_counts().never_published).exists()


def test_generated_pages_are_served_and_editable(added, client):
    new, _ = added
    for post in new.order_by("pk")[:5]:
        assert client.get(post.url).status_code == 200
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    post = new.first()
    assert client.get(f"/admin/pages/{post.get_parent().pk}/").status_code == 200
    assert client.get(f"/admin/pages/{post.pk}/edit/").status_code == 200


def test_progress_bar_counts_up_to_n():
    seen = []
    assert bulk_create_posts(5, seed=1, progress=seen.append, batch_size=2) == 5
    assert seen == [2, 4, 5]
    out = io.StringIO()
    call_command("load_demo", posts=3, verbosity=1, stdout=out)
    assert "3/3" in out.getvalue()
    assert NewsPage.objects.exists()


def test_fast_fold_is_fold_on_generated_text():
    fast = FastFold()
    for post in PostPage.objects.all()[:200]:
        text = " ".join([post.title, post.lead, post.body_text()])
        assert fast(text) == fold(text)


def search_index_definition():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SEARCH_INDEX])
        row = cursor.fetchone()
    return row[0] if row else None


def test_a_load_that_rebuilds_the_search_index_leaves_every_post_findable():
    """A large load drops PostgreSQL's trigram index and builds it again; search finds the new posts."""
    before = search_index_definition() if connection.vendor == "postgresql" else None
    existing = set(PostPage.objects.values_list("pk", flat=True))
    bulk_create_posts(4, seed=7, rebuild_search_index=True)
    if connection.vendor == "postgresql":
        assert before and search_index_definition() == before
    for post in PostPage.objects.exclude(pk__in=existing):
        title_words = " ".join(post.title.split()[:3])
        assert post in search_posts(title_words, PostPage.objects.live())


@pytest.mark.django_db
def test_a_negative_number_of_posts_is_refused_before_anything_runs():
    from django.core.management.base import CommandError

    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="--posts phải là số không âm"):
        call_command("load_demo", "--posts", "-5", stdout=io.StringIO())
    assert Page.objects.count() == pages_before
