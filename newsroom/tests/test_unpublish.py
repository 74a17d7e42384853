"""Taking a post off the site needs a reason, which the log keeps (DESIGN.md: every unpublication
is logged with who and when; the board and the IT team may unpublish any post)."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from newsroom.actions import unpublish_with_reason
from newsroom.rules import UNPUBLISH_WITH_REASON

from .support import make_post, user


def reason_logged(post):
    entry = PageLogEntry.objects.filter(page=post, action=UNPUBLISH_WITH_REASON).get()
    return entry.user.username, entry.data["reason"]


def test_board_unpublishes_a_district_post_with_a_reason(client):
    post = make_post("tuy-phong", "Tin sai số liệu", live=True)
    client.force_login(user("bbt"))
    url = reverse("newsroom:unpublish", args=(post.pk,))
    page = client.get(url)
    assert page.status_code == 200
    assert "Lý do gỡ xuống" in page.content.decode()

    response = client.post(url, {"reason": "Số liệu chưa được kiểm tra."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert not post.live
    assert reason_logged(post) == ("bbt", "Số liệu chưa được kiểm tra.")


def test_no_reason_no_unpublishing(client):
    post = make_post("van-phong", "Tin cần lý do", live=True)
    client.force_login(user("bbt"))
    response = client.post(reverse("newsroom:unpublish", args=(post.pk,)), {"reason": "  "})
    assert response.status_code == 200
    assert "Hãy ghi lý do gỡ tin - bài xuống." in response.content.decode()
    post.refresh_from_db()
    assert post.live


def test_wagtails_own_unpublish_asks_for_the_reason_too(client):
    post = make_post("van-phong", "Tin qua trang cũ", live=True)
    client.force_login(user("bbt"))
    url = reverse("wagtailadmin_pages:unpublish", args=(post.pk,))
    confirm = client.get(url).content.decode()
    assert reverse("newsroom:unpublish", args=(post.pk,)) in confirm  # its form posts to ours
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("newsroom:unpublish", args=(post.pk,))
    post.refresh_from_db()
    assert post.live


def test_the_edit_screen_offers_the_reasoned_unpublish(client):
    post = make_post("van-phong", "Tin có nút gỡ", live=True)
    client.force_login(user("bbt"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,))).content.decode()
    assert reverse("newsroom:unpublish", args=(post.pk,)) in html
    assert f'href="{reverse("wagtailadmin_pages:unpublish", args=(post.pk,))}"' not in html


@pytest.mark.parametrize("username", ["vanphong", "tuyphong", "thuky", "giamsat", "yte.duyet"])
def test_others_cannot_unpublish(client, username):
    post = make_post("tuy-phong", "Tin không được gỡ", live=True)
    client.force_login(user(username))
    response = client.post(reverse("newsroom:unpublish", args=(post.pk,)), {"reason": "Thử gỡ."})
    assert response.status_code in (302, 403)
    post.refresh_from_db()
    assert post.live


def test_it_team_member_unpublishes_any_post(client):
    it_member = user("thuky")
    it_member.groups.set([user("admin").groups.get(name="Tổ Công nghệ thông tin")])
    post = make_post("van-phong", "Tin Tổ CNTT gỡ", live=True)
    unpublish_with_reason(post, user=it_member, reason="Trùng với tin đã đăng.")
    post.refresh_from_db()
    assert not post.live
    assert reason_logged(post) == ("thuky", "Trùng với tin đã đăng.")


def test_bulk_unpublish_asks_for_a_reason(client):
    posts = [make_post("cdn-y-te", f"Tin hàng loạt {n}", live=True) for n in (1, 2)]
    client.force_login(user("bbt"))
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
    query = "&".join(f"id={post.pk}" for post in posts)
    confirm = client.get(f"{url}?{query}")
    assert confirm.status_code == 200
    assert "Lý do gỡ xuống" in confirm.content.decode()
    refused = client.post(f"{url}?{query}", {"reason": ""})
    assert refused.status_code == 200
    assert all(type(post).objects.get(pk=post.pk).live for post in posts)

    client.post(f"{url}?{query}", {"reason": "Đăng nhầm chuyên mục."})
    for post in posts:
        post.refresh_from_db()
        assert not post.live
        assert reason_logged(post) == ("bbt", "Đăng nhầm chuyên mục.")


def test_the_history_shows_the_reason(client):
    post = make_post("van-phong", "Tin có lịch sử", live=True)
    unpublish_with_reason(post, user=user("bbt"), reason="Ảnh không đúng sự kiện.")
    client.force_login(user("bbt"))
    html = client.get(reverse("wagtailadmin_pages:history", args=(post.pk,))).content.decode()
    assert "Ảnh không đúng sự kiện." in html
