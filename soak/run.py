"""`make soak`: readers and writers against gunicorn (production settings) for a fixed time.

    .venv/bin/python soak/run.py [--seconds 600] [--fault db] [--database congdoan_soak]
                                 [--readers 4] [--gunicorn-workers 3] [--outage 4]

Builds (or reuses) the PostgreSQL database `congdoan_soak` at 127.0.0.1:5432 with the demo data,
starts gunicorn with deploy/gunicorn.conf.py on a free loopback port, then for `--seconds`
(SOAK_SECONDS, default 600):

- readers browse the home page, "Đơn vị" and unit pages, posts, topics, search (Vietnamese
  queries) and the RSS feeds, without pause;
- writers (the demo accounts vanphong, tuyengiao, tuyphong) sign in to the Wagtail admin, upload a
  photo, create a post with it in their unit (a unique marker in the title) and submit it;
- approvers (bbt, tuyphong.duyet) approve each submitted post, which publishes it.

It prints requests, errors and latency p50/p95/p99 per kind, then checks in the database that every
post a writer was told was created exists exactly once and is live once approved. Exit code 1 on
any error, lost or duplicated post.

`--fault db` stops the local PostgreSQL for `--outage` seconds (at most 5) a third of the way in
and always starts it again (finally, atexit and signal handlers). Failures from the stop until the
site answers again are counted as "outage", not errors; a writer whose request failed looks its
post up by marker before trying again, so nothing is created twice.

Bounded: fixed duration, fixed number of workers, loopback only; gunicorn is always stopped.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import itertools
import math
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from soak.client import PAGE_ID, Browser, Outcome, form_data, photo  # noqa: E402
from soak.server import (  # noqa: E402
    RESULTS,
    database_exists,
    database_url,
    free_port,
    gunicorn,
    prepare,
    settings_env,
)

PASSWORD = "congdoan2017"  # noqa: S105 - the demo accounts' published password (README)
# writer -> (unit code, approver); the approver's role comes from the unit's kind (newsroom/roles.py).
WRITERS = {
    "vanphong": ("van-phong", "bbt"),
    "tuyengiao": ("ban-tuyen-giao", "bbt"),
    "tuyphong": ("tuy-phong", "tuyphong.duyet"),
}
SEARCHES = (
    "công đoàn",
    "người lao động",
    "Tuy Phong",
    "hội nghị",
    "an toàn vệ sinh lao động",
    "tết",
    "cong doan",
    "đoàn viên",
    "Hàm Thuận Bắc",
    "khen thưởng",
)
SEQUENCE = itertools.count(1)  # post numbers, unique in the run even if a writer thread restarts
MAX_OUTAGE_SECONDS = 5
# After PostgreSQL is back, the first request of each worker may still meet its closed connection.
RECOVERY_GRACE_SECONDS = 3


# -- statistics ------------------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.outcomes: list[Outcome] = []
        self.windows: list[list[float]] = []  # [start, end] of database outages (monotonic)

    def record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)

    def in_outage(self, outcome: Outcome) -> bool:
        end = outcome.started + outcome.seconds
        return any(start <= end and outcome.started <= stop for start, stop in self.windows)

    def summary(self) -> dict:
        kinds: dict[str, list[Outcome]] = collections.defaultdict(list)
        for outcome in self.outcomes:
            kinds[outcome.kind].append(outcome)
        rows = {}
        for kind, outcomes in sorted(kinds.items()):
            times = sorted(o.seconds * 1000 for o in outcomes if o.ok)
            failed = [o for o in outcomes if not o.ok]
            outage = [o for o in failed if self.in_outage(o)]
            rows[kind] = {
                "requests": len(outcomes),
                "errors": len(failed) - len(outage),
                "outage": len(outage),
                "p50": percentile(times, 50),
                "p95": percentile(times, 95),
                "p99": percentile(times, 99),
                "samples": [o.detail for o in failed if not self.in_outage(o)][:5],
            }
        return rows


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    index = min(len(values) - 1, max(0, math.ceil(p / 100 * len(values)) - 1))  # nearest rank
    return values[index]


# -- the database fault ----------------------------------------------------------------------------


class PostgresFault:
    """Stops the local cluster for a few seconds; whatever happens, starts it again."""

    def __init__(self, outage: float):
        self.outage = min(outage, MAX_OUTAGE_SECONDS)
        self.stopped = False
        self.lock = threading.Lock()
        self.command = self._commands()
        atexit.register(self.ensure_started)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            previous = signal.getsignal(sig)
            signal.signal(sig, self._on_signal(previous))

    @staticmethod
    def _commands() -> tuple[list[str], list[str]]:
        import shutil

        if shutil.which("pg_ctlcluster") and shutil.which("pg_lsclusters"):
            cluster = subprocess.run(  # noqa: S603
                ["pg_lsclusters", "--no-header"],  # noqa: S607
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            version, name = cluster[0], cluster[1]
            return (
                ["pg_ctlcluster", version, name, "stop", "-m", "fast"],
                ["pg_ctlcluster", version, name, "start"],
            )
        return (["service", "postgresql", "stop"], ["service", "postgresql", "start"])

    def _on_signal(self, previous):
        def handler(signum, frame):
            self.ensure_started()
            if callable(previous):
                previous(signum, frame)
            raise SystemExit(128 + signum)

        return handler

    def ensure_started(self) -> None:
        with self.lock:
            if not self.stopped:
                return
            for _attempt in range(5):
                if subprocess.run(self.command[1], capture_output=True).returncode == 0:  # noqa: S603
                    break
                time.sleep(1)
            self.stopped = not _pg_ready()

    def run(self, stats: Stats) -> float:
        """Stop, wait, start; returns the seconds PostgreSQL was down."""
        window = [time.monotonic(), float("inf")]
        stats.windows.append(window)
        try:
            with self.lock:
                self.stopped = True
                subprocess.run(self.command[0], capture_output=True, check=False)  # noqa: S603
            time.sleep(max(0.0, self.outage - (time.monotonic() - window[0]) - 1))
        finally:
            self.ensure_started()
        while not _pg_ready():
            time.sleep(0.1)
        down = time.monotonic() - window[0]
        window[1] = time.monotonic() + RECOVERY_GRACE_SECONDS
        return down


def _pg_ready() -> bool:
    result = subprocess.run(  # noqa: S603
        ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-t", "2"],  # noqa: S607
        capture_output=True,
    )
    return result.returncode == 0


# -- readers ---------------------------------------------------------------------------------------


class Catalogue:
    """Public URLs to browse, discovered from the site itself (home, units, topics, RSS)."""

    def __init__(self, browser: Browser):
        import re

        links = re.compile(r'href="(/[^"#?]*)"')
        self.units: list[str] = []
        self.topics: list[str] = []
        self.posts: list[str] = []
        self.feeds = ["/rss/"]
        for path in ("/", "/don-vi/", "/chu-de/"):
            response = browser.request("discover", "GET", path)
            if response is None:
                continue
            for link in links.findall(response.text):
                parts = [p for p in link.split("/") if p]
                if len(parts) == 2 and parts[0] == "don-vi":
                    self.units.append(link)
                    self.feeds.append(f"/rss/don-vi/{parts[1]}/")
                elif len(parts) == 2 and parts[0] == "chu-de":
                    self.topics.append(link)
                elif len(parts) == 3 and parts[0] == "don-vi":
                    self.posts.append(link)
        self.units, self.topics, self.posts = (sorted(set(x)) for x in (self.units, self.topics, self.posts))
        self.feeds = sorted(set(self.feeds))


def reader(base_url: str, stats: Stats, stop: threading.Event, catalogue: Catalogue, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - which page to read next
    browser = Browser(base_url, stats.record)
    while not stop.is_set():
        choice = rng.random()
        if choice < 0.15:
            browser.request("home", "GET", "/")
        elif choice < 0.25:
            browser.request("units", "GET", "/don-vi/")
        elif choice < 0.40 and catalogue.units:
            browser.request("unit", "GET", rng.choice(catalogue.units))
        elif choice < 0.65 and catalogue.posts:
            browser.request("post", "GET", rng.choice(catalogue.posts))
        elif choice < 0.75 and catalogue.topics:
            browser.request("topic", "GET", rng.choice(catalogue.topics))
        elif choice < 0.90:
            params = {"q": rng.choice(SEARCHES)}
            if rng.random() < 0.3:
                params["page"] = "2"
            browser.request("search", "GET", "/tim-kiem/", params=params, expect=(200, 404))
        else:
            browser.request("rss", "GET", rng.choice(catalogue.feeds))


# -- writers and approvers -------------------------------------------------------------------------


@dataclass
class Post:
    marker: str
    writer: str
    unit_page: int
    page_id: int | None = None
    submitted: bool = False
    approved: bool = False
    notes: list[str] = field(default_factory=list)


class Ledger:
    """What the writers and approvers were told, checked against the database at the end."""

    def __init__(self):
        self.lock = threading.Lock()
        self.posts: list[Post] = []
        self.not_created: list[Post] = []

    def add(self, post: Post) -> None:
        with self.lock:
            self.posts.append(post)


class StaffMember:
    """A signed-in Wagtail user who retries a failed step only after checking what happened."""

    def __init__(self, base_url: str, username: str, stats: Stats, stop: threading.Event):
        self.username = username
        self.stats = stats
        self.stop = stop
        self.browser = Browser(base_url, stats.record)
        self.signed_in = False

    def ensure_signed_in(self) -> bool:
        while not self.signed_in and not self.stop.is_set():
            self.signed_in = self.browser.login(self.username, PASSWORD)
            if not self.signed_in:
                time.sleep(1)
        return self.signed_in


def attempts(tries: int = 5):
    """Up to `tries` attempts, 2, 3, 4, 5 s apart: enough to outlast a database outage of 5 s."""
    for attempt in range(tries):
        if attempt:
            time.sleep(1 + attempt)
        yield attempt


def writer(
    base_url: str,
    username: str,
    unit_page: int,
    run_id: str,
    stats: Stats,
    stop: threading.Event,
    ledger: Ledger,
    approvals: dict[str, queue.Queue],
) -> None:
    staff = StaffMember(base_url, username, stats, stop)
    browser = staff.browser
    while not stop.is_set():
        if not staff.ensure_signed_in():
            return
        sequence = next(SEQUENCE)
        marker = f"soak{run_id}{username.replace('.', '')}{sequence:04d}"
        post = Post(marker, username, unit_page)
        image_id = upload_photo(browser, marker)
        if image_id is None:
            continue  # nothing created yet: the next post starts afresh
        ledger.add(post)
        if not create_post(browser, post, image_id):
            ledger.not_created.append(post)
            continue
        if submit_post(browser, post):
            post.submitted = True
            approvals[WRITERS[username][1]].put(post)


def upload_photo(browser: Browser, marker: str) -> int | None:
    """The editor's image chooser upload (what the post form's "Upload" tab does)."""
    chooser = browser.request("upload", "GET", "/admin/images/chooser/")
    if chooser is None:
        return None
    response = browser.request(
        "upload",
        "POST",
        "/admin/images/chooser/create/",
        data={
            "csrfmiddlewaretoken": browser.csrf_token(),
            "image-chooser-upload-title": f"Ảnh {marker}",
            "image-chooser-upload-collection": collection_id(chooser.json()["html"]),
        },
        files={"image-chooser-upload-file": (f"{marker}.jpg", photo(marker), "image/jpeg")},
    )
    if response is None:
        return None
    data = response.json()
    if data.get("step") != "chosen":
        browser.record(
            Outcome("upload", time.monotonic(), 0, False, 200, f"upload refused: {data.get('step')}")
        )
        return None
    return int(data["result"]["id"])


def collection_id(html: str) -> str:
    import re

    match = re.search(r'name="image-chooser-upload-collection"[^>]*>.*?<option value="(\d+)"', html, re.S)
    return match.group(1) if match else ""


def create_post(browser: Browser, post: Post, image_id: int) -> bool:
    """Create the draft; on a failed request look the marker up before creating again."""
    path = f"/admin/pages/add/posts/newspage/{post.unit_page}/"
    for attempt in attempts():
        if attempt:  # the failed request may have gone through: look before creating again
            try:
                existing = find_by_marker(browser, post)
            except LookupError:
                continue
            if existing:
                post.page_id = existing
                post.notes.append("found after a failed create")
                return True
        page = browser.request("create", "GET", path)
        if page is None:
            continue
        data = form_data(page.text, {"data-edit-form": True})
        title = f"Tin kiểm tra tải {post.marker}: công đoàn cơ sở thăm hỏi đoàn viên"
        data.update(
            {
                "title": title,
                "slug": post.marker,
                "lead": "Ban chấp hành công đoàn cơ sở thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn.",
                "event_date": time.strftime("%Y-%m-%d"),
                "authors-0-name": "Nguyễn Văn Kiểm",
                "authors-0-share_percent": "100",
                "body-count": "0",
                "images-TOTAL_FORMS": "1",
                "images-0-image": str(image_id),
                "images-0-caption": "Quang cảnh buổi thăm hỏi",
                "images-0-id": "",
                "images-0-ORDER": "1",
                "images-0-DELETE": "",
            }
        )
        response = browser.request("create", "POST", path, data=data, expect=(302,))
        if response is not None:
            match = PAGE_ID.search(response.headers.get("Location", ""))
            if match:
                post.page_id = int(match.group(1))
                return True
    return False


def find_by_marker(browser: Browser, post: Post) -> int | None:
    """The unit's page listing in the admin, newest first: the post if it was created."""
    response = browser.request(
        "lookup", "GET", f"/admin/pages/{post.unit_page}/", params={"ordering": "-latest_revision_created_at"}
    )
    if response is None:
        raise LookupError("lookup failed")
    import re

    for match in re.finditer(r'href="/admin/pages/(\d+)/edit/"[^>]*>(.*?)</a>', response.text, re.S):
        if post.marker in match.group(2):
            return int(match.group(1))
    return None


def submit_post(browser: Browser, post: Post) -> bool:
    path = f"/admin/pages/{post.page_id}/edit/"
    for _attempt in attempts():
        page = browser.request("submit", "GET", path)
        if page is None:
            continue
        if 'name="action-cancel-workflow"' in page.text:
            return True  # already in moderation: the earlier submit went through
        data = form_data(page.text, {"data-edit-form": True})
        data.setdefault("body-count", "0")
        data["action-submit"] = "1"
        if browser.request("submit", "POST", path, data=data, expect=(302,)) is not None:
            return True
    post.notes.append("not submitted")
    return False


def approver(base_url: str, username: str, stats: Stats, stop: threading.Event, inbox: queue.Queue) -> None:
    staff = StaffMember(base_url, username, stats, stop)
    browser = staff.browser
    while not (stop.is_set() and inbox.empty()):
        try:
            post = inbox.get(timeout=0.5)
        except queue.Empty:
            continue
        if not staff.ensure_signed_in() and not staff.browser.login(username, PASSWORD):
            continue
        path = f"/admin/pages/{post.page_id}/edit/"
        for _attempt in attempts():
            page = browser.request("approve", "GET", path)
            if page is None:
                continue
            if 'data-workflow-action-name="approve"' not in page.text:
                post.approved = True  # the earlier approval went through
                break
            data = form_data(page.text, {"data-edit-form": True})
            data.setdefault("body-count", "0")
            data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
            if browser.request("approve", "POST", path, data=data, expect=(302,)) is not None:
                post.approved = True
                break


# -- the run ---------------------------------------------------------------------------------------


def guarded(target, stats: Stats, stop: threading.Event):
    """A worker that meets an unexpected exception records it as an error and starts over."""

    def run(*args):
        while True:
            try:
                return target(*args)
            except Exception as exc:  # noqa: BLE001 - counted, printed, then the worker goes on
                stats.record(
                    Outcome("crash", time.monotonic(), 0, False, None, f"{target.__name__}: {exc!r}")
                )
                if stop.is_set():
                    return
                time.sleep(1)

    return run


def unit_pages(db_url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT u.code, p.page_ptr_id FROM units_unitpage p JOIN units_unit u ON u.id = p.unit_id"
        ).fetchall()
    return dict(rows)


def check_posts(db_url: str, run_id: str, ledger: Ledger) -> list[str]:
    """The run's posts as the database has them, judged against the ledger (`problems`)."""
    import psycopg

    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT id, title, live FROM wagtailcore_page WHERE title LIKE %s", [f"%soak{run_id}%"]
        ).fetchall()
    return problems(rows, run_id, ledger)


def problems(rows: list[tuple[int, str, bool]], run_id: str, ledger: Ledger) -> list[str]:
    """Every post a writer was told was created: exactly once, live once approved; nothing extra."""
    by_marker: dict[str, list[tuple[int, bool]]] = collections.defaultdict(list)
    for page_id, title, live in rows:
        marker = next(w for w in title.replace(":", " ").split() if w.startswith(f"soak{run_id}"))
        by_marker[marker].append((page_id, live))
    found_problems = []
    known = set()
    for post in ledger.posts:
        known.add(post.marker)
        found = by_marker.get(post.marker, [])
        if post.page_id is None:
            if found:
                found_problems.append(f"{post.marker}: reported not created but exists {len(found)}x")
            continue
        if len(found) != 1:
            found_problems.append(f"{post.marker}: created but found {len(found)}x")
            continue
        if post.approved and not found[0][1]:
            found_problems.append(f"{post.marker}: approved but not live")
        if post.submitted and not post.approved:
            found_problems.append(f"{post.marker}: submitted but never approved")
    found_problems += [f"{marker}: unknown post" for marker in by_marker if marker not in known]
    return found_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("SOAK_SECONDS", "600")))
    parser.add_argument("--fault", choices=["db"], default=os.environ.get("SOAK_FAULT") or None)
    parser.add_argument("--outage", type=float, default=3.0, help="seconds PostgreSQL is down (max 5)")
    parser.add_argument("--database", default=os.environ.get("SOAK_DATABASE", "congdoan_soak"))
    cores = os.cpu_count() or 2
    parser.add_argument("--readers", type=int, default=2 * cores)
    parser.add_argument("--gunicorn-workers", type=int, default=cores + 1)
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the database as it is")
    args = parser.parse_args(argv)
    if args.fault and args.database.startswith("sqlite:"):
        parser.error("--fault db needs PostgreSQL")

    db_url = database_url(args.database)
    env = settings_env(db_url)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if not args.skip_prepare:
        fresh = db_url.startswith("postgres") and not database_exists(args.database)
        prepare(db_url, env, fresh_database=fresh)
    pages = unit_pages(db_url) if db_url.startswith("postgres") else sqlite_unit_pages(db_url)
    fault = PostgresFault(args.outage) if args.fault == "db" else None

    run_id = uuid.uuid4().hex[:6]
    stats, ledger, stop, approvers_stop = Stats(), Ledger(), threading.Event(), threading.Event()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    print(
        f"soak {run_id}: {args.seconds:.0f} s, {args.readers} readers, {len(WRITERS)} writers, "
        f"gunicorn {args.gunicorn_workers} workers on {base_url}"
        + (f", fault db ({fault.outage:.0f} s)" if fault else ""),
        flush=True,
    )
    outage_report = ""
    with gunicorn(env, port, args.gunicorn_workers, RESULTS / "gunicorn.log"):
        catalogue = Catalogue(Browser(base_url, stats.record))
        approvals = {name: queue.Queue() for name in {a for _, a in WRITERS.values()}}
        threads = [
            threading.Thread(
                target=guarded(reader, stats, stop), args=(base_url, stats, stop, catalogue, i), daemon=True
            )
            for i in range(args.readers)
        ]
        threads += [
            threading.Thread(
                target=guarded(writer, stats, stop),
                args=(base_url, name, pages[unit], run_id, stats, stop, ledger, approvals),
                daemon=True,
            )
            for name, (unit, _approver) in WRITERS.items()
        ]
        staff_threads = [
            threading.Thread(
                target=guarded(approver, stats, stop),
                args=(base_url, name, stats, approvers_stop, inbox),
                daemon=True,
            )
            for name, inbox in approvals.items()
        ]
        started = time.monotonic()
        for thread in threads + staff_threads:
            thread.start()
        try:
            if fault:
                time.sleep(args.seconds / 3)
                down = fault.run(stats)
                recovered = wait_recovered(base_url, stats)
                outage_report = (
                    f"PostgreSQL down {down:.1f} s; site answering 200 again {recovered:.1f} s after the stop"
                )
            while time.monotonic() - started < args.seconds:
                time.sleep(0.5)
        finally:
            stop.set()
            if fault:
                fault.ensure_started()
            for thread in threads:
                thread.join(timeout=90)
            approvers_stop.set()  # approvers finish their inbox, including the writers' last posts
            for thread in staff_threads:
                thread.join(timeout=120)
        elapsed = time.monotonic() - started
        outage_samples = outage_responses(stats)

    problems = check_posts(db_url, run_id, ledger) if db_url.startswith("postgres") else []
    return report(stats, ledger, problems, elapsed, outage_report, outage_samples)


def sqlite_unit_pages(db_url: str) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        rows = conn.execute(
            "SELECT u.code, p.page_ptr_id FROM units_unitpage p JOIN units_unit u ON u.id = p.unit_id"
        ).fetchall()
    return dict(rows)


def wait_recovered(base_url: str, stats: Stats) -> float:
    """Seconds from the stop until a page that needs the database (a new search) answers 200."""
    import urllib.request

    start = stats.windows[-1][0]
    for attempt in itertools.count():
        try:
            url = f"{base_url}/tim-kiem/?q=phuc+hoi+{attempt}"  # never in the page cache
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("unreachable")


def outage_responses(stats: Stats) -> collections.Counter:
    return collections.Counter(
        str(o.status or o.detail) for o in stats.outcomes if not o.ok and stats.in_outage(o)
    )


def report(stats, ledger, problems, elapsed, outage_report, outage_samples) -> int:
    rows = stats.summary()
    total = sum(r["requests"] for r in rows.values())
    errors = sum(r["errors"] for r in rows.values())
    outage = sum(r["outage"] for r in rows.values())
    print(f"\n{'kind':<10}{'requests':>10}{'errors':>8}{'outage':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind, r in rows.items():
        print(
            f"{kind:<10}{r['requests']:>10}{r['errors']:>8}{r['outage']:>8}"
            f"{r['p50']:>9.0f}{r['p95']:>9.0f}{r['p99']:>9.0f}"
        )
        for sample in r["samples"]:
            print(f"    ! {sample}")
    created = [p for p in ledger.posts if p.page_id]
    print(
        f"\n{total} requests in {elapsed:.0f} s ({total / max(elapsed, 1):.1f}/s), {errors} errors, "
        f"{outage} failed during the outage"
    )
    print(
        f"posts: {len(created)} created, {sum(p.submitted for p in created)} submitted, "
        f"{sum(p.approved for p in created)} approved and published, "
        f"{len(ledger.not_created)} reported not created"
    )
    if outage_report:
        print(
            outage_report + "; outage responses: " + ", ".join(f"{k}×{v}" for k, v in outage_samples.items())
        )
    for problem in problems:
        print(f"  ! {problem}")
    ok = errors == 0 and not problems
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
