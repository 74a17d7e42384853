"""A reader's path in headless chromium: home → a unit → a post, photo and Vietnamese date visible."""

import re

import pytest

pytestmark = pytest.mark.browser

VN_DATETIME = re.compile(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d/\d\d/\d{4} \d\d:\d\d$")


def open_page(browser, width, height=900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return context, page, problems


def test_home_unit_post(live_site, browser, save_screenshot):
    context, page, problems = open_page(browser, 1280)
    page.goto(live_site + "/")
    assert page.title().startswith("Trang chủ")
    save_screenshot(page, "home-desktop")

    # Keyboard: the first Tab reaches the skip link, which is then visible.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()

    unit_link = page.locator(".directory__group a").first
    unit_name = unit_link.inner_text()
    unit_link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == unit_name
    assert page.locator("#gioi-thieu-cong-doan").is_visible()
    save_screenshot(page, "unit-desktop")

    post_link = page.locator(".card__title a").first
    post_title = post_link.inner_text()
    post_link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == post_title

    photo = page.locator(".post__figure img").first
    photo.scroll_into_view_if_needed()
    assert photo.is_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
    assert photo.evaluate("img => img.naturalWidth") > 0
    assert photo.get_attribute("alt")
    date = page.locator(".post__header time").inner_text()
    assert VN_DATETIME.match(date), date
    assert page.locator(".post__authors").inner_text().startswith("Tác giả:")
    save_screenshot(page, "post-desktop")
    assert not problems, problems  # no script error, no Content-Security-Policy violation
    context.close()


def test_post_on_a_phone(live_site, browser, save_screenshot):
    context, page, problems = open_page(browser, 390, 844)
    page.goto(live_site + "/")
    page.locator(".card__title a").first.click()
    page.wait_for_load_state()
    photo = page.locator(".post__figure img").first
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
    box = photo.bounding_box()
    assert box["width"] <= 390 and box["width"] > 300  # the photo fills the phone's width
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert VN_DATETIME.match(page.locator(".post__header time").inner_text())
    save_screenshot(page, "post-phone")
    page.goto(live_site + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(page, "home-phone")
    assert not problems, problems
    context.close()
