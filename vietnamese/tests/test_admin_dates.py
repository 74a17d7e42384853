"""The admin's date fields read back what they display (dd/mm/yyyy), never swapping day and month."""

import datetime

import pytest
from django.urls import reverse

from newsroom.tests.support import Editor, make_post
from posts.models import PostPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("event_date", [datetime.date(2017, 3, 10), datetime.date(2026, 11, 26)])
def test_resaving_a_post_keeps_its_event_date(client, event_date):
    post = make_post("tuy-phong", "Hội nghị người lao động năm 2017")
    post.event_date = event_date
    post.save_revision()
    editor = Editor(client, "tuyphong")

    form = client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,)))
    assert event_date.strftime("%d/%m/%Y") in form.content.decode()
    response = editor.edit(post, title="Hội nghị người lao động năm 2017 (sửa)")

    assert response.status_code == 302, response.content.decode()[:500]
    saved = PostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert saved.title == "Hội nghị người lao động năm 2017 (sửa)"
    assert saved.event_date == event_date


def test_the_editor_reads_a_typed_day_month_year(client):
    post = make_post("tuy-phong")
    response = Editor(client, "tuyphong").edit(post, event_date="05/02/2017")

    assert response.status_code == 302
    saved = PostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert saved.event_date == datetime.date(2017, 2, 5)
