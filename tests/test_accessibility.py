"""Accessibility: axe-core run in headless chromium on every public page type and the main admin screens.

axe.min.js comes from the `axe-playwright-python` wheel (a pinned test dependency: nothing is
fetched at test time) and is injected into each page; a test fails on any violation of impact
"serious" or "critical", listed with the rule, its help text and the first offending elements.

The site is the demo site of tests/browser_support (dev settings, DEBUG on), whose 404 is
Django's debug page: the reader's 404 page is rendered by the test client (test settings) and
served to the browser at a URL of the live site, so its stylesheet and links are the real ones.
"""

from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest
from django.test import Client

pytestmark = pytest.mark.browser

PASSWORD = "congdoan2017"  # demo accounts only (README)
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
BLOCKING = ("serious", "critical")

# Violations that come from Wagtail's own admin widgets, which our code does not render: on the
# screens listed, the rule is not counted for the elements matching the selector (and only them).
WAGTAIL_ADMIN_EXCLUSIONS: dict[str, dict[str, str]] = {
    "editor-post": {
        # Wagtail 8's StreamField rich text block (Draftail, body-N-value): the Draft.js
        # contenteditable has role="textbox" and no accessible name; the block's label is in
        # the block header, not tied to the editor.
        "aria-input-field-name": "[data-streamfield-widget] .public-DraftEditor-content",
        # Wagtail 8's tag field (w-tag controller around jQuery tag-it): the label points at
        # the hidden <input name="tags">; tag-it's own text input has no label.
        "label": ".tagit .ui-autocomplete-input",
    },
}

RUN_AXE = """async (excluded) => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    const counted = node => {
        const selector = excluded[node.id];
        return !(selector && node.element && node.element.matches(selector));
    };
    return result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
            .map(n => ({id: v.id, target: n.target.join(" "), element: document.querySelector(n.target[0])}))
            .filter(counted)
            .map(n => n.target),
    })).filter(v => v.nodes.length);
}"""


def axe_violations(page, excluded: dict[str, str] | None = None) -> list[dict]:
    """Serious and critical violations on the page, minus `excluded` ({rule id: CSS selector})."""
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(RUN_AXE, excluded or {})
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for name, violations in found.items():
        for v in violations:
            lines.append(f"  {name}: [{v['impact']}] {v['id']} – {v['help']} – {', '.join(v['nodes'])}")
    return "\n".join(lines)


class Audit:
    def __init__(self, page, live_site):
        self.page, self.live_site = page, live_site
        self.found: dict[str, list[dict]] = {}
        self.checked: list[str] = []

    def check(self, name: str, excluded: dict[str, str] | None = None) -> None:
        violations = axe_violations(self.page, excluded)
        self.checked.append(name)
        if violations:
            self.found[name] = violations

    def visit(self, name: str, path: str, status: int = 200, excluded: dict[str, str] | None = None) -> None:
        response = self.page.goto(self.live_site + path)
        assert response is not None and response.status == status, (path, response and response.status)
        self.check(name, excluded)

    def assert_clean(self) -> None:
        assert not self.found, "Serious or critical accessibility violations:\n" + describe(self.found)


@pytest.fixture(scope="module")
def not_found_html(django_db_setup, django_db_blocker):
    """The reader's 404 page, as production renders it (DEBUG off), made before chromium starts."""
    with django_db_blocker.unblock():
        response = Client().get("/khong-co-trang-nay/")
    assert response.status_code == 404
    return response.content.decode()


@pytest.fixture
def context(not_found_html, browser):
    # axe is injected as an inline script: the site's Content-Security-Policy would refuse it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True)
    yield context
    context.close()


def first_href(page, selector: str) -> str:
    href = page.locator(selector).first.get_attribute("href")
    assert href, selector
    return href


def test_public_pages_have_no_serious_violation(context, live_site, not_found_html):
    page = context.new_page()
    page.set_default_timeout(30_000)
    audit = Audit(page, live_site)

    audit.visit("home", "/")
    news = first_href(page, ".card:has(.badge--news) .card__title a")
    article = first_href(page, ".card:has(.badge--article) .card__title a")
    topic = first_href(page, ".topic-block .section-title a")
    audit.visit("unit-index", "/don-vi/")
    audit.visit("unit-page", "/don-vi/tuy-phong/")
    audit.visit("news-post", news)
    audit.visit("article-post", article)
    audit.visit("topic-index", "/chu-de/")
    audit.visit("topic-page", topic)
    audit.visit("about", "/gioi-thieu/")
    audit.visit("search-results", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n")
    assert page.locator("main .card").count() > 0
    audit.visit("search-empty", "/tim-kiem/?q=xqzvkjw")
    assert page.locator("main .card").count() == 0
    audit.visit("search-blank", "/tim-kiem/")

    # The 404 page at a URL of the live site (its CSS and links load from there).
    missing = live_site + "/khong-co-trang-nay/"
    page.route(
        missing,
        lambda route: route.fulfill(status=404, body=not_found_html, content_type="text/html; charset=utf-8"),
    )
    audit.visit("404", "/khong-co-trang-nay/", status=404)
    assert "Không tìm thấy trang" in page.inner_text("h1")

    # The phone layout (other header, wrapped navigation) of the pages with the most parts.
    page.set_viewport_size({"width": 390, "height": 844})
    audit.visit("home-phone", "/")
    audit.visit("post-phone", news)
    audit.assert_clean()


def sign_in(page, live_site, username: str) -> None:
    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def admin_id(page, live_site, query: str, content_type: str) -> str:
    """The id of the first page the admin search finds for `query` among pages of `content_type`."""
    page.goto(f"{live_site}/admin/pages/search/?q={query}&content_type={content_type}")
    href = page.locator("a[href*='/edit/']").first.get_attribute("href")
    return re.search(r"/admin/pages/(\d+)/", href).group(1)


def excluded_on(screen: str) -> dict[str, str]:
    return WAGTAIL_ADMIN_EXCLUSIONS.get(screen, {})


def test_main_admin_screens_have_no_serious_violation(context, live_site):
    page = context.new_page()
    page.set_default_timeout(30_000)
    audit = Audit(page, live_site)

    audit.visit("login", "/admin/login/", excluded=excluded_on("login"))
    sign_in(page, live_site, "admin")
    audit.check("dashboard", excluded=excluded_on("dashboard"))
    unit_id = admin_id(page, live_site, "Tuy+Phong", "units.unitpage")
    post_id = admin_id(page, live_site, "%C4%91o%C3%A0n", "posts.newspage")
    audit.visit("explorer-unit", f"/admin/pages/{unit_id}/", excluded=excluded_on("explorer-unit"))
    audit.visit("editor-post", f"/admin/pages/{post_id}/edit/", excluded=excluded_on("editor-post"))
    audit.visit("oversight-report", "/admin/giam-sat/?ky=2017-Q1", excluded=excluded_on("oversight-report"))
    assert "2017" in page.inner_text("main")
    audit.visit(
        "royalty-statement",
        "/admin/nhuan-but/?unit=tuy-phong&month=2017-03",
        excluded=excluded_on("royalty-statement"),
    )
    assert "Tuy Phong" in page.inner_text("main")
    audit.assert_clean()
