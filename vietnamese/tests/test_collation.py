"""Vietnamese alphabetical order in the database and in the admin's user and group listings."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import translation

from posts.models import Topic
from vietnamese.collation import compare, vietnamese_order
from vietnamese.sorting import vietnamese_sorted

pytestmark = pytest.mark.django_db

# Orders on which SQLite (our sort_key) and PostgreSQL (ICU vi-VN) agree: letters, then tones.
NAMES = [
    "Xuân",
    "Đức",
    "Dũng",
    "Ánh",
    "An",
    "Ân",
    "Ăn",
    "Bình",
    "Uyên",
    "Ưng",
    "Ơn",
    "Ông",
    "Oanh",
    "Ê",
    "Em",
]
EXPECTED = [
    "An",
    "Ánh",
    "Ăn",
    "Ân",
    "Bình",
    "Dũng",
    "Đức",
    "Em",
    "Ê",
    "Oanh",
    "Ông",
    "Ơn",
    "Uyên",
    "Ưng",
    "Xuân",
]


def test_expected_is_the_python_order():
    assert vietnamese_sorted(NAMES) == EXPECTED


def test_order_by_vietnamese_collation():
    for i, name in enumerate(NAMES):
        Topic.objects.create(name=name, slug=f"thu-{i}")
    ordered = Topic.objects.filter(slug__startswith="thu-").order_by(vietnamese_order("name"))
    assert list(ordered.values_list("name", flat=True)) == EXPECTED
    reverse = Topic.objects.filter(slug__startswith="thu-").order_by(vietnamese_order("-name"))
    assert list(reverse.values_list("name", flat=True)) == EXPECTED[::-1]
    # Code points put Đ, Ư, Ơ after every plain letter: what the collation is for.
    by_code_point = sorted(NAMES)
    assert by_code_point.index("Đức") > by_code_point.index("Xuân")


def test_sqlite_collation_is_total_and_case_blind():
    assert compare("bình", "Bình") != 0 and compare("Bình", "Bình") == 0
    assert compare("Đa", "Dz") > 0 and compare(None, "a") < 0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 'Đa' < 'Dz' COLLATE \"vi\"")
            assert cursor.fetchone()[0] == 0


@pytest.fixture
def admin_client_vi(client):
    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    return client


def all_listed(client, url, **params):
    """Every object of a paginated admin listing, in listing order."""
    objects, page = [], 1
    while True:
        response = client.get(url, {**params, "p": page})
        assert response.status_code == 200
        objects += list(response.context["page_obj"].object_list)
        if page >= response.context["paginator"].num_pages:
            return objects
        page += 1


def listed(client, url, prefix, **params):
    return [
        user.get_full_name() for user in all_listed(client, url, **params) if user.username.startswith(prefix)
    ]


def test_user_listing_orders_by_given_name_then_family_name(admin_client_vi):
    users = get_user_model()
    # first_name: Họ và tên đệm, last_name: Tên (the labels of Wagtail's user form in our catalogue).
    for i, given in enumerate(NAMES):
        users.objects.create(username=f"vi-order-{i}", first_name="Nguyễn Văn", last_name=given)
    users.objects.create(username="vi-order-x", first_name="Đỗ Thị", last_name="An")
    users.objects.create(username="vi-order-y", first_name="Bùi Thị", last_name="An")

    got = listed(admin_client_vi, "/admin/users/", "vi-order-", ordering="name")
    expected = ["Bùi Thị An", "Đỗ Thị An", "Nguyễn Văn An"] + [f"Nguyễn Văn {n}" for n in EXPECTED[1:]]
    assert got == expected

    assert listed(admin_client_vi, "/admin/users/", "vi-order-", ordering="-name") == expected[::-1]

    # The listing opens in that order.
    assert listed(admin_client_vi, "/admin/users/", "vi-order-") == expected


def test_user_form_labels_put_the_family_name_first():
    with translation.override("vi"):
        assert [translation.gettext("First Name"), translation.gettext("Last Name")] == [
            "Họ và tên đệm",
            "Tên",
        ]
        assert translation.gettext("last name") == "tên"


def test_group_listing_in_vietnamese_order(admin_client_vi):
    for name in NAMES:
        Group.objects.create(name=f"Tổ {name}")
    groups = all_listed(admin_client_vi, "/admin/groups/")
    got = [g.name for g in groups if g.name.startswith("Tổ ") and g.name[3:] in NAMES]
    assert got == [f"Tổ {n}" for n in EXPECTED]


def test_a_posts_tags_are_listed_in_vietnamese_order():
    from posts.models import PostPage
    from public.listing import post_labels

    post = PostPage.objects.live().first().specific
    post.tags.set(["Đoàn viên", "Dân vận", "An toàn lao động", "Ăn trưa"])
    post.save()
    tags = [label.name for label in post_labels(post.pk)["tag"]]
    assert tags == ["An toàn lao động", "Ăn trưa", "Dân vận", "Đoàn viên"]
