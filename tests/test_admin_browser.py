"""The main admin screens in headless chromium, as the demo accounts: no visible English label.

Walks the login page, the dashboard (with the sidebar's submenus open), the page explorer, the
editor of a tin (with its action menu open), the image and document libraries, the reports, the
workflows, users, groups and settings screens, and fails on any word of
`tests/english_labels.ENGLISH_LABELS` in the visible text (`inner_text("body")`, whole words).
Screenshots: artifacts/screenshots/admin-*.png.
"""

from __future__ import annotations

import re

import pytest

from .english_labels import english_labels_in

pytestmark = pytest.mark.browser

PASSWORD = "congdoan2017"  # demo accounts only (README)

ADMIN_SCREENS = [
    ("explorer-root", "/admin/pages/"),
    ("images", "/admin/images/"),
    ("documents", "/admin/documents/"),
    ("report-locked", "/admin/reports/locked/"),
    ("report-aging", "/admin/reports/aging-pages/"),
    ("report-history", "/admin/reports/site-history/"),
    ("report-page-types", "/admin/reports/page-types-usage/"),
    ("workflows", "/admin/workflows/list/"),
    ("workflow-tasks", "/admin/workflows/tasks/index/"),
    ("users", "/admin/users/"),
    ("groups", "/admin/groups/"),
    ("snippets", "/admin/snippets/"),
    ("sites", "/admin/sites/"),
    ("collections", "/admin/collections/"),
    ("redirects", "/admin/redirects/"),
    ("account", "/admin/account/"),
    ("search", "/admin/pages/search/?q=c%C3%B4ng+%C4%91o%C3%A0n"),
    ("images-add", "/admin/images/multiple/add/"),
    ("documents-add", "/admin/documents/multiple/add/"),
    ("users-add", "/admin/users/new/"),
]


class Walk:
    """Visits screens and collects the English labels each one shows."""

    def __init__(self, page, live_site, save_screenshot):
        self.page, self.live_site, self.save_screenshot = page, live_site, save_screenshot
        self.found: dict[str, list[str]] = {}

    def check(self, name: str) -> str:
        self.page.wait_for_load_state("networkidle")
        text = self.page.inner_text("body")
        labels = english_labels_in(text)
        if labels:
            self.found[name] = labels
        self.save_screenshot(self.page, f"admin-{name}", full_page=False)
        return text

    def visit(self, name: str, path: str) -> str:
        response = self.page.goto(self.live_site + path)
        assert response is not None and response.status == 200, (path, response and response.status)
        return self.check(name)

    def assert_clean(self):
        assert not self.found, "English labels on admin screens:\n" + "\n".join(
            f"  {name}: {', '.join(labels)}" for name, labels in self.found.items()
        )


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    yield context
    context.close()


def sign_in(page, live_site, username):
    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def open_sidebar_menu(page, label: str) -> None:
    page.locator("aside").get_by_role("button", name=re.compile(rf"^{label}")).first.click()
    page.wait_for_timeout(400)


def a_news_edit_url(page, live_site) -> str:
    """The editor of a tin, found through the admin search filtered to NewsPage."""
    page.goto(f"{live_site}/admin/pages/search/?q=%C4%91o%C3%A0n&content_type=posts.newspage")
    href = page.locator("a[href*='/edit/']").first.get_attribute("href")
    return re.search(r"/admin/pages/\d+/edit/", href).group(0)


def test_login_page(context, live_site, save_screenshot):
    page = context.new_page()
    walk = Walk(page, live_site, save_screenshot)
    text = walk.visit("login", "/admin/login/")
    assert "Đăng nhập" in text and "Mật khẩu" in text
    walk.assert_clean()


def test_main_admin_screens_as_admin(context, live_site, save_screenshot):
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, live_site, "admin")
    walk = Walk(page, live_site, save_screenshot)

    text = walk.check("dashboard")
    assert "Công đoàn Bình Thuận" in text
    for menu in ("Trang", "Báo cáo", "Cài đặt", "Trợ giúp"):
        open_sidebar_menu(page, menu)
        walk.check(f"menu-{menu}")
        page.keyboard.press("Escape")
    page.locator("aside").get_by_role("button", name=re.compile("Tổ Công nghệ")).first.click()
    walk.check("menu-account")
    page.keyboard.press("Escape")

    for name, path in ADMIN_SCREENS:
        walk.visit(name, path)

    edit_url = a_news_edit_url(page, live_site)
    text = walk.visit("editor-news", edit_url)
    assert "Sa-pô (tóm tắt)" in text
    # The footer's action menu (Lưu bản nháp, Xuất bản, Gửi duyệt...) and the header's "..." menu.
    page.locator("footer button[aria-label], footer .w-dropdown__toggle").last.click()
    walk.check("editor-news-actions")
    page.keyboard.press("Escape")
    page.get_by_role("tab", name="Quảng bá").click()
    walk.check("editor-news-promote")
    page_id = re.search(r"/admin/pages/(\d+)/", edit_url).group(1)
    walk.visit("history", f"/admin/pages/{page_id}/history/")
    walk.visit("workflow-history", f"/admin/pages/{page_id}/workflow_history/")
    page.goto(f"{live_site}/admin/pages/search/?q=Tuy+Phong&content_type=units.unitpage")
    unit_page_id = re.search(
        r"/admin/pages/(\d+)/", page.locator("a[href*='/edit/']").first.get_attribute("href")
    )
    walk.visit("explorer-unit", f"/admin/pages/{unit_page_id.group(1)}/")
    walk.visit("add-subpage", f"/admin/pages/{unit_page_id.group(1)}/add_subpage/")

    # A report's filters (django-filter's date ranges and choices).
    walk.visit("report-history-filters", "/admin/reports/site-history/")
    page.locator("#filters-drilldown button").first.click()
    page.wait_for_timeout(500)
    walk.check("report-history-filters")
    page.locator("#filters-drilldown").get_by_role("button", name="Ngày").first.click()
    page.wait_for_timeout(500)
    walk.check("report-history-filters-date")
    walk.assert_clean()


@pytest.mark.parametrize("username", ["bbt", "vanphong", "tuyphong.duyet"])
def test_dashboard_and_editor_as_newsroom_accounts(context, live_site, save_screenshot, username):
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, live_site, username)
    walk = Walk(page, live_site, save_screenshot)
    walk.check(f"{username}-dashboard")
    walk.visit(f"{username}-explorer", "/admin/pages/")
    # The writer's explorer opens on the unit's page; the first post's editor.
    edit_links = page.locator("a[href*='/edit/']")
    if edit_links.count():
        href = edit_links.first.get_attribute("href")
        walk.visit(f"{username}-editor", re.search(r"/admin/pages/\d+/edit/", href).group(0))
    walk.assert_clean()
