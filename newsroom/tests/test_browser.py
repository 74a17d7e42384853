"""The newsroom in headless chromium, on the demo site served in a subprocess (tests/browser_support).

Letter 435/LĐLĐ item 3: Văn phòng writes, the board's standing members approve, the post appears
on the unit's page and the home page. Item 4: a district writes, its own leader publishes. Item 5:
no photo, no submission. A writer never reaches another unit's post.
"""

import re
import secrets
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "congdoan2017"
NO_PHOTO = "Tin - bài phải có ít nhất một hình ảnh"
RUN = secrets.token_hex(2)  # titles (and slugs) stay unique if the same site is reused


def titled(text):
    return f"{text} ({RUN})"


@pytest.fixture(autouse=True)
def _newsroom_data():
    """No test database here (see conftest.py): the site under test is the subprocess's."""


@pytest.fixture
def open_as(browser, live_site):
    """open_as("vanphong") -> a signed-in admin page in its own browser context."""
    contexts = []

    def open_as(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_site}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/$"))
        return page

    yield open_as
    for context in contexts:
        context.close()


def own_unit_page_id(page, live_site) -> int:
    """A writer's explorer opens on their unit's page: its id is in the URL."""
    page.goto(f"{live_site}/admin/pages/")
    return int(re.search(r"/admin/pages/(\d+)/", page.url).group(1))


def write_news(page, live_site, title, *, photo=True):
    parent = own_unit_page_id(page, live_site)
    page.goto(f"{live_site}/admin/pages/add/posts/newspage/{parent}/")
    page.fill("#id_title", title)
    page.locator("#id_title").blur()  # Wagtail fills the slug from the title when it loses focus
    page.fill("#id_lead", "Sáng nay, công đoàn tổ chức hoạt động cho người lao động.")
    page.fill("#id_authors-0-name", "Nguyễn Thị Thu")
    if photo:
        page.click("#id_images-ADD")
        page.locator("#id_images-0-image-chooser [data-chooser-action-choose]").click()
        page.locator(".modal-dialog [data-chooser-modal-choice]").first.click()
        page.wait_for_selector(".modal-dialog", state="detached")
        page.fill("#id_images-0-caption", "Quang cảnh buổi hoạt động")
    page.fill("#id_event_date", "10/03/2017")
    page.keyboard.press("Escape")
    page.locator("#id_title").click()


def send_for_approval(page):
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()


def approve_from_dashboard(page, live_site, title):
    page.goto(f"{live_site}/admin/")
    page.locator("#newsroom-awaiting-section").get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(r"/edit/$"))
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Duyệt và xuất bản").click()


def test_department_post_goes_through_the_board(open_as, live_site, save_screenshot):
    title = titled("Văn phòng tập huấn công tác văn thư")
    writer = open_as("vanphong")
    write_news(writer, live_site, title)
    save_screenshot(writer, "newsroom-editor-writer")
    send_for_approval(writer)
    assert title in writer.locator(".messages").inner_text()

    board = open_as("bbt")
    board.goto(f"{live_site}/admin/")
    assert board.locator("#newsroom-awaiting-section").get_by_text(title).is_visible()
    save_screenshot(board, "newsroom-dashboard-board")
    approve_from_dashboard(board, live_site, title)

    reader = writer.context.browser.new_page()
    reader.goto(f"{live_site}/don-vi/van-phong/")
    assert reader.get_by_text(title).first.is_visible()
    reader.goto(f"{live_site}/")
    assert reader.get_by_text(title).first.is_visible()
    reader.close()


def test_district_post_is_published_by_its_own_leader(open_as, live_site, save_screenshot):
    title = titled("LĐLĐ huyện Tuy Phong thăm hỏi công nhân")
    writer = open_as("tuyphong")
    write_news(writer, live_site, title)
    send_for_approval(writer)

    leader = open_as("tuyphong.duyet")
    leader.goto(f"{live_site}/admin/")
    save_screenshot(leader, "newsroom-dashboard-district-leader")
    approve_from_dashboard(leader, live_site, title)

    writer.goto(f"{live_site}/don-vi/tuy-phong/")
    assert writer.get_by_text(title).first.is_visible()


def edit_url_of_a_post(page, live_site, unit_slug) -> str:
    """The editor URL of a published post of the unit, found as the board finds it: by searching."""
    page.goto(f"{live_site}/don-vi/{unit_slug}/")
    title = page.locator(".card__title a").first.inner_text()
    page.goto(f"{live_site}/admin/pages/search/?q={quote(title)}")
    return live_site + page.locator("a[href$='/edit/']").first.get_attribute("href")


def test_district_writer_cannot_open_a_department_post(open_as, live_site):
    edit_url = edit_url_of_a_post(open_as("bbt"), live_site, "van-phong")
    writer = open_as("tuyphong")
    writer.goto(edit_url)
    assert not writer.url.endswith("/edit/")
    assert writer.locator("form#page-edit-form").count() == 0


def test_submitting_without_a_photo_shows_the_error_and_keeps_the_text(open_as, live_site, save_screenshot):
    title = titled("Văn phòng họp giao ban, chưa có ảnh")
    writer = open_as("vanphong")
    write_news(writer, live_site, title, photo=False)
    send_for_approval(writer)
    assert NO_PHOTO in writer.locator(".messages").inner_text()
    assert writer.input_value("#id_title") == title
    save_screenshot(writer, "newsroom-no-photo-error")

    # The draft can still be saved, and is.
    writer.locator("footer button[type=submit]").first.click()
    writer.wait_for_url(re.compile(r"/edit/$"))
    assert writer.input_value("#id_title") == title


def test_admin_screens_of_the_newsroom(open_as, live_site, save_screenshot):
    board = open_as("bbt")
    board.goto(f"{live_site}/admin/newsroom/reports/approval-log/")
    assert board.locator("h1").first.inner_text().startswith("Nhật ký duyệt tin - bài")
    save_screenshot(board, "newsroom-approval-log")

    board.goto(edit_url_of_a_post(board, live_site, "cdn-y-te"))
    board.locator("#id_grade").scroll_into_view_if_needed()
    assert board.locator("#id_grade").is_visible()  # the approver sets the royalty grade
    save_screenshot(board, "newsroom-editor-board-grade", full_page=False)

    page_id = re.search(r"/admin/pages/(\d+)/edit/", board.url).group(1)
    board.goto(f"{live_site}/admin/newsroom/unpublish/{page_id}/")
    assert board.locator("#id_reason").is_visible()
    save_screenshot(board, "newsroom-unpublish-reason")


def test_vietnamese_title_gives_an_ascii_slug_after_saving(open_as, live_site):
    # Before WAGTAIL_ALLOW_UNICODE_SLUGS the editor's JavaScript dropped the letters: "tin-th-nghim-li".
    title = titled("Tin thử nghiệm lỗi")
    writer = open_as("vanphong")
    write_news(writer, live_site, title)
    assert writer.input_value("#id_slug") == f"tin-thử-nghiệm-lỗi-{RUN}"  # what the JavaScript proposes

    writer.locator("footer button[type=submit]").first.click()  # save the draft
    writer.wait_for_url(re.compile(r"/edit/$"))
    assert writer.input_value("#id_slug") == f"tin-thu-nghiem-loi-{RUN}"
