"""Lean pages, in headless chromium on the demo site (tests/browser_support).

- The home page's first load (empty cache) transfers less than 500 KB, all from the site itself
  (no third-party host, no render-blocking script).
- Every photo on the public pages is a `<picture>`: AVIF source (when Pillow writes AVIF), WebP
  `<img>` with `srcset`, `sizes`, `width` and `height`; images below the fold load lazily, the
  first (lead) image does not; the browser downloads only AVIF or WebP photos.
- Screenshots of the home, unit and post pages at desktop and phone widths
  (artifacts/screenshots/lean-*.png), with no horizontal scrolling.
"""

from __future__ import annotations

import pytest

from public.renditions import AVIF_SUPPORTED

pytestmark = pytest.mark.browser

HOME_BUDGET = 500 * 1024
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# For each <img> of the main content: where it is, how it loads, what it is made of.
IMAGES = """() => [...document.querySelectorAll("main img")].map((img, index) => {
    const picture = img.parentElement.tagName === "PICTURE" ? img.parentElement : null;
    const rect = img.getBoundingClientRect();
    return {
        index,
        src: img.getAttribute("src"),
        top: rect.top + window.scrollY,
        loading: img.getAttribute("loading"),
        width: img.getAttribute("width"),
        height: img.getAttribute("height"),
        srcset: img.getAttribute("srcset"),
        sizes: img.getAttribute("sizes"),
        sources: picture ? [...picture.querySelectorAll("source")].map(s => s.type) : null,
    };
})"""


class Transfers:
    """Bytes on the wire per request (Chrome DevTools Protocol), with each response's type."""

    def __init__(self, context, page):
        self.bytes: dict[str, int] = {}
        self.responses: dict[str, dict] = {}
        session = context.new_cdp_session(page)
        session.on("Network.responseReceived", self._response)
        session.on("Network.loadingFinished", self._finished)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _response(self, event):
        response = event["response"]
        self.responses[event["requestId"]] = {
            "url": response["url"],
            "mime": response["mimeType"],
            "type": event["type"],
        }

    def _finished(self, event):
        self.bytes[event["requestId"]] = event["encodedDataLength"]

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    def table(self) -> str:
        return "\n".join(
            f"  {self.bytes.get(rid, 0):>8} {info['mime']:<24} {info['url']}"
            for rid, info in self.responses.items()
        )


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    yield context
    context.close()


def test_home_first_load_is_light_and_local(context, live_site):
    page = context.new_page()
    transfers = Transfers(context, page)
    page.goto(live_site + "/", wait_until="load")
    page.wait_for_load_state("networkidle")

    assert 0 < transfers.total < HOME_BUDGET, (
        f"home page first load: {transfers.total} bytes\n{transfers.table()}"
    )
    urls = [info["url"] for info in transfers.responses.values()]
    assert all(url.startswith(live_site + "/") or url.startswith("data:") for url in urls), urls
    photos = [info for info in transfers.responses.values() if "/media/" in info["url"]]
    assert photos, "the home page shows photos"
    expected = {"image/avif"} if AVIF_SUPPORTED else {"image/webp"}
    assert {info["mime"] for info in photos} == expected, transfers.table()
    # Nothing in <head> stops the first paint: no script without defer/async, one stylesheet.
    assert page.locator("head script[src]:not([defer]):not([async]):not([type=module])").count() == 0
    assert page.locator("head link[rel=stylesheet]").count() == 1


def assert_lean_images(images: list[dict], fold: int, page_name: str) -> None:
    assert images, page_name
    for image in images:
        where = f"{page_name} image {image['index']} ({image['src']})"
        assert image["width"] and image["height"], where
        assert image["src"].startswith("/media/") and image["src"].endswith(".webp"), where
        assert image["srcset"] and image["sizes"], where
        assert image["sources"] == (["image/avif"] if AVIF_SUPPORTED else []), where
    first, *rest = images
    assert first["loading"] != "lazy", f"{page_name}: the first image must load at once"
    below = [image for image in rest if image["top"] >= fold]
    assert below, f"{page_name}: no image below the fold to check"
    assert all(image["loading"] == "lazy" for image in below), [
        image["src"] for image in below if image["loading"] != "lazy"
    ]


def test_public_pages_use_responsive_lazy_images(context, live_site, save_screenshot):
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(live_site + "/")
    news = page.locator(".card:has(.badge--news) .card__title a").first.get_attribute("href")
    pages = {
        "home": "/",
        "unit": "/don-vi/tuy-phong/",
        "post": news,
        "topic": page.locator(".topic-block .section-title a").first.get_attribute("href"),
        "search": "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n",
    }
    for name, path in pages.items():
        response = page.goto(live_site + path)
        assert response is not None and response.status == 200, path
        assert_lean_images(page.evaluate(IMAGES), DESKTOP["height"], name)

    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name in ("home", "unit", "post"):
            page.goto(live_site + pages[name])
            save_screenshot(page, f"lean-{name}-{width_name}")
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} at {viewport['width']}px scrolls sideways by {overflow}px"
