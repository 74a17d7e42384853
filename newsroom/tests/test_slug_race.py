"""Two requests creating a post of the same title under one unit at the same moment (the editor's
autosave and a quick "Gửi duyệt", or two writers): both pass the form's slug check, then treebeard's
add_child makes the second wait for the first; the second gets "-2" instead of a server error.

Real threads on a private PostgreSQL copy of the test database, as tests/test_concurrency.py does
(skipped on SQLite, which has one writer at a time).
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from posts.forms import PostPageForm
from posts.models import PostPage
from tests.test_concurrency import at_once, db, gated, private_database, signed_in  # noqa: F401 (fixtures)

from .support import editor_form_data, image_form_data, make_image, unit_page

pytestmark = pytest.mark.usefixtures("private_database")


def test_two_creations_of_one_title_at_once_give_two_slugs(monkeypatch):
    url = reverse("wagtailadmin_pages:add", args=("posts", "newspage", unit_page("tuy-phong").pk))
    writer = get_user_model().objects.get(username="tuyphong")
    clients = [signed_in(writer), signed_in(writer)]
    posts = []
    for client in clients:
        data = editor_form_data(client.get(url))
        data.update(
            {
                "title": "Tin thử nghiệm lỗi",
                "slug": "tin-thử-nghiệm-lỗi",
                "lead": "Tóm tắt.",
                "event_date": "2017-03-10",
                "authors-0-name": "Nguyễn Văn A",
                "body-count": "0",
                "images-TOTAL_FORMS": "1",
                **image_form_data(0, make_image().pk, "Quang cảnh"),
            }
        )
        posts.append(data)
    # Both forms check the slug (free) before either request saves.
    monkeypatch.setattr(PostPageForm, "clean", gated(PostPageForm.clean))

    responses = at_once(*(lambda c=c, d=d: c.post(url, d) for c, d in zip(clients, posts, strict=True)))

    assert [getattr(response, "status_code", response) for response in responses] == [302, 302]
    slugs = sorted(PostPage.objects.filter(title="Tin thử nghiệm lỗi").values_list("slug", flat=True))
    assert slugs == ["tin-thu-nghiem-loi", "tin-thu-nghiem-loi-2"]
