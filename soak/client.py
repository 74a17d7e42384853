"""The soak's HTTP client: a reader's and a staff member's browser, as far as the server can tell.

`requests` with one connection pool per user. The production settings mark every cookie `Secure`
(and name them `__Host-...`); over plain http on loopback a browser would keep them to itself, so
this client sends them over http too — the only liberty taken.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass

import requests
from bs4 import BeautifulSoup


@dataclass
class Outcome:
    kind: str
    started: float  # time.monotonic()
    seconds: float
    ok: bool
    status: int | None
    detail: str = ""


class Browser:
    def __init__(self, base_url: str, record, timeout: float = 30):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "vi"
        self.record = record
        self.timeout = timeout

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path

    def request(
        self, kind: str, method: str, path: str, *, expect=(200,), **kwargs
    ) -> requests.Response | None:
        """One request, recorded with its kind and latency; None when it failed (error recorded)."""
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("allow_redirects", False)
        headers = kwargs.setdefault("headers", {})
        if method == "POST":
            headers["Referer"] = self.url(path)
            headers["Origin"] = self.base_url
        # Every cookie the server set, `Secure` ones included (requests would keep those for https).
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        if cookies:
            headers["Cookie"] = cookies
        started = time.monotonic()
        try:
            response = self.session.request(method, self.url(path), **kwargs)
        except requests.RequestException as exc:
            self.record(Outcome(kind, started, time.monotonic() - started, False, None, type(exc).__name__))
            return None
        seconds = time.monotonic() - started
        ok = response.status_code in expect
        detail = "" if ok else f"{method} {path} -> {response.status_code}{form_errors(response)}"
        self.record(Outcome(kind, started, seconds, ok, response.status_code, detail))
        return response if ok else None

    def csrf_token(self) -> str:
        for cookie in self.session.cookies:
            if cookie.name.endswith("csrftoken"):
                return cookie.value
        return ""

    def login(self, username: str, password: str) -> bool:
        page = self.request("login", "GET", "/admin/login/")
        if page is None:
            return False
        response = self.request(
            "login",
            "POST",
            "/admin/login/",
            data={
                "csrfmiddlewaretoken": self.csrf_token(),
                "username": username,
                "password": password,
                "next": "/admin/",
            },
            expect=(302,),
        )
        return response is not None and "/login/" not in response.headers.get("Location", "")


def form_data(html: str, form_selector: dict) -> dict[str, list[str] | str]:
    """What a browser would post from a form of this page, unchanged (as newsroom/tests/support.py)."""
    soup = BeautifulSoup(html, "lxml")
    form = soup.find("form", attrs=form_selector)
    if form is None:
        raise ValueError(f"no form {form_selector}")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            options = field.find_all("option")
            values = [o.get("value", o.text) for o in options if o.has_attr("selected")]
            if not values and options and not field.has_attr("multiple"):
                values = [options[0].get("value", options[0].text)]
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
    return {name: values if len(values) > 1 else values[0] for name, values in data.items() if values}


def photo(marker: str) -> bytes:
    """A small JPEG "photo", different for every post (Wagtail would offer to reuse a duplicate)."""
    import random

    from PIL import Image

    size = (160, 120)
    noise = random.Random(marker).randbytes(size[0] * size[1] * 3)  # noqa: S311 - test pixels
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, noise).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def form_errors(response: requests.Response) -> str:
    """The error messages of a re-shown admin form, for the report."""
    if response.status_code != 200 or "text/html" not in response.headers.get("Content-Type", ""):
        return ""
    soup = BeautifulSoup(response.text, "lxml")
    found = soup.select(".error-message, .errorlist li, .help-critical, [role=alert]")
    texts = sorted({" ".join(node.get_text(" ").split()) for node in found} - {""})
    return (": " + " | ".join(texts))[:300] if texts else ""


PAGE_ID = re.compile(r"/admin/pages/(\d+)/")
