"""Measure one database in-process (run by bench/run.py in a subprocess per size).

Every case is run `--warmup` times (renditions created, caches of Python objects filled; on
PostgreSQL, each query run as often as on a gunicorn worker's long-lived connection: psycopg
prepares a statement at its 6th run (congdoan/settings/base.py, DB_PREPARE_THRESHOLD, 5 by
default), and PostgreSQL plans a prepared statement anew at each of its first 5 runs before it
keeps a generic plan; measured, the home page takes 9-11 ms up to its 11th run, 4 ms after), then
once inside CaptureQueriesContext for the query count, then `--runs` times for the timings.
The page cache is off here (PAGECACHE_ENABLED=0): these are the application's own costs.

After the warm-up of every case, what is loaded is frozen out of the garbage collector, as
deploy/gunicorn.conf.py does in each worker after its first request: otherwise a full collection
over Django's and Wagtail's objects (100-200 ms) lands in one timed run now and then and sets a
page's 95th percentile (seen: the sixth run of the unit page at 137 ms among runs of 13 ms).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def build_cases():
    """(name, kind, callable) for every measured screen; `kind` is "public", "report" or "admin"."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q
    from django.test import Client

    from oversight.selectors import compliance_rows
    from posts.models import PostPage, Topic
    from royalties.selectors import statement_rows
    from units.models import Unit, UnitPage

    anonymous = Client()
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="admin"))

    # The unit with the most posts: its page, its newest post, its royalty statement.
    unit = (
        Unit.objects.annotate(n=Count("posts", filter=Q(posts__live=True)))
        .filter(page__isnull=False)
        .order_by("-n", "pk")
        .first()
    )
    unit_page = UnitPage.objects.get(unit=unit)
    post = PostPage.objects.live().filter(unit=unit).order_by("-first_published_at", "-pk").first()
    topic = Topic.objects.order_by("order", "name").first()
    # The last full quarter and month before the newest post.
    newest = post.first_published_at
    from vietnamese.dates import VIETNAM_TZ

    local = newest.astimezone(VIETNAM_TZ)
    quarter = (local.month - 1) // 3 + 1
    year = local.year
    quarter, year = (quarter - 1, year) if quarter > 1 else (4, year - 1)
    month_year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    quarter_code = f"{year}-Q{quarter}"
    month_code = f"{month_year}-{month:02d}"

    def get(client, url):
        def run():
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: HTTP {response.status_code}")
            # Streaming responses (none expected) would be consumed here.
            return response

        return run

    return {
        "unit": unit.code,
        "post": post.url,
        "quarter": quarter_code,
        "month": month_code,
    }, [
        ("home", "public", get(anonymous, "/")),
        ("unit page", "public", get(anonymous, unit_page.url)),
        ("post page", "public", get(anonymous, post.url)),
        ("topic page", "public", get(anonymous, f"/chu-de/{topic.slug}/")),
        ("search", "public", get(anonymous, "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n")),
        ("rss feed", "public", get(anonymous, "/rss/")),
        ("quarterly report", "report", lambda: compliance_rows(quarter_code)),
        ("royalty statement", "report", lambda: statement_rows(unit, month_code)),
        ("admin explorer", "admin", get(admin, f"/admin/pages/{unit_page.pk}/")),
    ]


def measure(runs: int, warmup: int) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from posts.models import PostPage

    subjects, cases = build_cases()
    for _name, _kind, run in cases:
        for _ in range(warmup):
            run()
    gc.collect()
    gc.freeze()
    results = {}
    for name, kind, run in cases:
        with CaptureQueriesContext(connection) as captured:
            run()
        # Read now: the next request's `request_started` signal empties the connection's query log.
        queries = len(captured.captured_queries)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            run()
            timings.append(time.perf_counter() - started)
        results[name] = {
            "kind": kind,
            "queries": queries,
            "timings": timings,
            "median": statistics.median(timings),
            "p95": percentile(timings, 0.95),
        }
    return {
        "posts": PostPage.objects.count(),
        "vendor": connection.vendor,
        "subjects": subjects,
        "cases": results,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    # Past psycopg's prepare threshold (5) and PostgreSQL's 5 custom plans of a prepared statement.
    parser.add_argument("--warmup", type=int, default=12)
    parser.add_argument("--json", required=True)
    args = parser.parse_args()
    assert os.environ.get("DJANGO_SETTINGS_MODULE")
    data = measure(args.runs, args.warmup)
    Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
