"""Vietnamese alphabetical order in the database and in the admin's user and group listings."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

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


def listed(response, prefix):
    return [user for user in response.context["object_list"] if user.username.startswith(prefix)]


def test_user_listing_orders_by_given_name_then_family_name(admin_client_vi):
    users = get_user_model()
    # first_name is Tên (given name), last_name Họ và tên đệm (Wagtail's form labels).
    for i, given in enumerate(NAMES):
        users.objects.create(username=f"vi-order-{i}", first_name=given, last_name="Nguyễn Văn")
    users.objects.create(username="vi-order-x", first_name="An", last_name="Đỗ Thị")
    users.objects.create(username="vi-order-y", first_name="An", last_name="Bùi Thị")

    response = admin_client_vi.get("/admin/users/", {"ordering": "name", "p": 1})
    assert response.status_code == 200
    got = [u.get_full_name() for u in listed(response, "vi-order-")]
    expected = ["An Bùi Thị", "An Đỗ Thị", "An Nguyễn Văn"] + [f"{n} Nguyễn Văn" for n in EXPECTED[1:]]
    assert got == expected

    response = admin_client_vi.get("/admin/users/", {"ordering": "-name"})
    assert [u.get_full_name() for u in listed(response, "vi-order-")] == expected[::-1]

    # The listing opens in that order.
    response = admin_client_vi.get("/admin/users/")
    assert [u.get_full_name() for u in listed(response, "vi-order-")] == expected


def test_group_listing_in_vietnamese_order(admin_client_vi):
    for name in NAMES:
        Group.objects.create(name=f"Tổ {name}")
    response = admin_client_vi.get("/admin/groups/")
    assert response.status_code == 200
    got = [
        g.name for g in response.context["object_list"] if g.name.startswith("Tổ ") and g.name[3:] in NAMES
    ]
    assert got == [f"Tổ {n}" for n in EXPECTED]
