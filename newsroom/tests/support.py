"""Test support for the newsroom: posts in any state, and Wagtail's editor driven as a browser would.

The demo federation (units, pages, roles, accounts) is loaded by the root conftest (`load_demo`).
"""

import datetime
import io

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from posts.models import ArticlePage, NewsPage, PostAuthor, PostImage
from units.models import UnitPage
from vietnamese.text import slugify


def user(username):
    return get_user_model().objects.get(username=username)


def unit_page(code) -> UnitPage:
    return UnitPage.objects.get(unit__code=code)


def make_image(title="Ảnh hoạt động") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="anh-hoat-dong.png"))


def make_post(
    unit_code,
    title="Hội nghị người lao động năm 2017",
    *,
    owner=None,
    kind="news",
    with_image=True,
    live=False,
):
    """A post under its unit's page, as a draft with one revision (or published when `live`)."""
    model = NewsPage if kind == "news" else ArticlePage
    post = model(
        title=title,
        lead="Sáng nay, công đoàn tổ chức hội nghị người lao động.",
        event_date=datetime.date(2017, 3, 10),
        owner=owner,
        live=False,
    )
    post.authors = [PostAuthor(name="Nguyễn Văn A")]
    if with_image:
        post.images = [PostImage(image=make_image(), caption="Quang cảnh hội nghị")]
    unit_page(unit_code).add_child(instance=post)
    revision = post.save_revision(user=owner)
    if live:
        revision.publish(user=owner)
        post.refresh_from_db()
    return post


def editor_form_data(response) -> dict:
    """What a browser would post from Wagtail's page editor (create or edit), unchanged."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", attrs={"data-edit-form": True}) or soup.find("form", id="page-edit-form")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            options = field.find_all("option")
            values = [option.get("value", option.text) for option in options if option.has_attr("selected")]
            if not values and options and not field.has_attr("multiple"):
                values = [options[0].get("value", options[0].text)]
            if values:
                data.setdefault(name, []).extend(values)
            continue
        else:
            kind = field.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            value = field.get("value", "on" if kind in ("checkbox", "radio") else "")
        data.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


ACTIONS = {
    None: {},
    "submit": {"action-submit": "1"},
    "publish": {"action-publish": "1"},
    "approve": {"action-workflow-action": "1", "workflow-action-name": "approve"},
    "reject": {"action-workflow-action": "1", "workflow-action-name": "reject"},
}


class Editor:
    """A signed-in user driving Wagtail's page editor through the test client, as a browser would."""

    def __init__(self, client, username):
        self.client = client
        self.user = user(username)
        client.force_login(self.user)

    def create(
        self,
        unit_code,
        title="Tin hoạt động công đoàn",
        *,
        kind="news",
        image=True,
        caption="Quang cảnh",
        action=None,
        **fields,
    ):
        model = "newspage" if kind == "news" else "articlepage"
        url = reverse("wagtailadmin_pages:add", args=("posts", model, unit_page(unit_code).pk))
        response = self.client.get(url)
        if response.status_code != 200:  # not allowed to add here
            return response
        data = editor_form_data(response)
        data.update(
            {
                "title": title,
                "slug": slugify(title),
                "lead": "Tóm tắt nội dung hoạt động.",
                "event_date": "2017-03-10",
                "authors-0-name": "Nguyễn Văn A",
                "body-count": "0",
            }
        )
        if image:
            data.update(image_form_data(0, make_image().pk, caption))
            data["images-TOTAL_FORMS"] = "1"
        data.update(fields)
        data.update(ACTIONS[action])
        return self.client.post(url, data)

    def edit(self, page, *, action=None, **fields):
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        response = self.client.get(url)
        if response.status_code != 200:  # not allowed in: the editor sends the user away
            return response
        data = editor_form_data(response)
        # The body's blocks are written by the editor's JavaScript; test posts have an empty body.
        assert not page.specific.get_latest_revision_as_object().body, "only posts with an empty body"
        data.setdefault("body-count", "0")
        data.update(fields)
        data.update(ACTIONS[action])
        return self.client.post(url, data)

    def workflow_action(self, page, action, comment=""):
        page = page.specific_class.objects.get(pk=page.pk)
        state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
        return self.client.post(url, {"comment": comment})


def image_form_data(index, image_id, caption):
    return {
        f"images-{index}-image": str(image_id),
        f"images-{index}-caption": caption,
        f"images-{index}-id": "",
        f"images-{index}-ORDER": str(index + 1),
        f"images-{index}-DELETE": "",
    }


def form_errors(response) -> list[str]:
    """Every error message of the re-rendered editor form (fields, form and formsets)."""
    form = response.context["form"]
    messages = [str(error) for errors in form.errors.values() for error in errors]
    for formset in form.formsets.values():
        messages += [str(error) for error in formset.non_form_errors()]
        for errors in formset.errors:
            messages += [str(error) for field_errors in errors.values() for error in field_errors]
    return messages
