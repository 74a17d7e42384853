"""When each demo post is published, for which unit and of which kind: plain values only.

The schedule reproduces the table attached to Letter 435/LĐLĐ (posts first published in
Q1/2017, Vietnam time, per unit: `fixtures/q1_2017_counts.json`) and spreads other posts
from 1/9/2016 to today. A few posts sit on purpose at the edges the reports must get right:
quarter boundaries in Vietnam time (which differ from UTC ones), the royalty start date
11/10/2016 (Letter 435/LĐLĐ item 5) and the base-salary change of 1/7/2017.
"""

from __future__ import annotations

import datetime
import json
import random
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
COUNTS_FILE = Path(__file__).resolve().parent / "fixtures" / "q1_2017_counts.json"

FIRST_DAY = datetime.date(2016, 9, 1)
Q1_2017 = (datetime.date(2017, 1, 1), datetime.date(2017, 4, 1))  # [start, end)

LIVE = "live"
DRAFT = "draft"
UNPUBLISHED = "unpublished"


@dataclass(frozen=True)
class PlannedPost:
    unit_code: str
    kind: str  # "news" | "article"
    published_at: datetime.datetime | None  # aware; None for a draft never published
    state: str = LIVE
    featured: bool = False
    # Days between the event and publication (timeliness column of the reports).
    delay_days: int = 1


@dataclass(frozen=True)
class CountsFile:
    counts: dict[str, dict[str, int]]
    never_published: frozenset[str]
    empty_introduction: frozenset[str]


def read_counts(path: Path | str = COUNTS_FILE) -> CountsFile:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return CountsFile(
        counts={
            code: {"news": row["news"], "article": row["article"]} for code, row in data["counts"].items()
        },
        never_published=frozenset(data.get("never_published", [])),
        empty_introduction=frozenset(data.get("empty_introduction", [])),
    )


def local(year, month, day, hour=8, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def in_q1_2017(moment: datetime.datetime) -> bool:
    day = moment.astimezone(VIETNAM_TZ).date()
    return Q1_2017[0] <= day < Q1_2017[1]


def quarter_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """First day of every quarter overlapping [first, last]."""
    start = datetime.date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
    starts = []
    while start <= last:
        starts.append(start)
        month = start.month + 3
        start = datetime.date(start.year + (month > 12), (month - 1) % 12 + 1, 1)
    return starts


def _random_moment(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.datetime:
    """A working-hours moment on a day in [first, last], Vietnam time."""
    span = (last - first).days
    day = first + datetime.timedelta(days=rng.randint(0, max(span, 0)))
    return local(day.year, day.month, day.day, rng.randint(7, 20), rng.choice((0, 5, 15, 20, 30, 40, 45, 50)))


def _delay(rng: random.Random) -> int:
    # Mostly timely; about one post in eight is published more than a week after its event.
    return rng.choice((0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 9, 10)) if rng.random() < 0.95 else 7


# Posts placed by hand on the dates the reports and the royalty desk must get right.
# (unit, kind, moment) — the Q1/2017 ones are part of the fixture's counts.
EDGE_POSTS_Q1 = [
    # 23:30 on 31/3 Vietnam time is 16:30 UTC: still Q1.
    ("ban-tuyen-giao", "news", (2017, 3, 31, 23, 30)),
    # 00:20 on 1/1/2017 Vietnam time is 31/12/2016 17:20 UTC: Q1/2017, not Q4/2016.
    ("cd-vien-chuc", "news", (2017, 1, 1, 0, 20)),
]
EDGE_POSTS_OTHER = [
    # 00:30 on 1/4/2017 Vietnam time is 31/3 17:30 UTC: Q2, not Q1.
    ("ban-tuyen-giao", "news", (2017, 4, 1, 0, 30)),
    # 23:40 on 31/12/2016 Vietnam time: Q4/2016.
    ("cdn-y-te", "news", (2016, 12, 31, 23, 40)),
    # Royalties are due from 11/10/2016 (Letter 435/LĐLĐ item 5): one the day before, some on the day.
    ("van-phong", "news", (2016, 10, 10, 9, 15)),
    ("phan-thiet", "article", (2016, 10, 10, 23, 45)),
    ("van-phong", "news", (2016, 10, 11, 0, 15)),  # 10/10 17:15 UTC, yet due
    ("ban-nu-cong", "news", (2016, 10, 11, 8, 30)),
    # The base salary rose from 1 210 000 đ to 1 300 000 đ on 1/7/2017 (Decree 47/2017).
    ("cdn-giao-duc", "article", (2017, 6, 30, 16, 0)),
    ("tuy-phong", "news", (2017, 6, 30, 23, 50)),
    ("cd-cac-kcn", "news", (2017, 7, 1, 0, 10)),
    ("ban-chinh-sach-phap-luat", "article", (2017, 7, 1, 9, 0)),
    ("cdn-xay-dung", "news", (2017, 7, 3, 14, 0)),
]
# Never published: drafts (one on a page that has never had a post) ...
DRAFTS = [("bac-binh", "news"), ("ban-to-chuc", "article"), ("ham-tan", "news"), ("cdn-y-te", "news")]
# ... and a post published in Q1/2017 then taken down: it must not count.
UNPUBLISHED_POST = ("cdn-y-te", "news", (2017, 2, 14, 10, 0))


def plan_posts(
    unit_codes: list[str], counts: CountsFile, now: datetime.datetime, seed: int = 435
) -> list[PlannedPost]:
    """Every demo post in publication order (drafts last); nothing after `now`."""
    rng = random.Random(seed)
    today = now.astimezone(VIETNAM_TZ).date()
    plan: list[PlannedPost] = []

    # 1. Q1/2017 exactly as the table says, edge posts included.
    for code in unit_codes:
        wanted = dict(counts.counts.get(code, {"news": 0, "article": 0}))
        for edge_code, kind, moment in EDGE_POSTS_Q1:
            if edge_code == code and wanted[kind] > 0:
                wanted[kind] -= 1
                plan.append(PlannedPost(code, kind, local(*moment), delay_days=_delay(rng)))
        for kind in ("news", "article"):
            for _ in range(wanted[kind]):
                moment = _random_moment(rng, Q1_2017[0], Q1_2017[1] - datetime.timedelta(days=1))
                plan.append(PlannedPost(code, kind, moment, delay_days=_delay(rng)))

    # 2. Hand-placed posts outside Q1/2017.
    for code, kind, moment in EDGE_POSTS_OTHER:
        if code in unit_codes and code not in counts.never_published:
            plan.append(PlannedPost(code, kind, local(*moment), delay_days=_delay(rng)))

    # 3. The rest: dense around the letter (2016-2017), lighter afterwards, up to today.
    publishing = [code for code in unit_codes if code not in counts.never_published]
    for code in publishing:
        for start in quarter_starts(FIRST_DAY, today):
            end = _quarter_end(start)
            if start == Q1_2017[0]:
                continue
            first = max(start, FIRST_DAY)
            last = min(end, today)
            if first > last:
                continue
            if start.year <= 2017:
                n = rng.choice((1, 1, 1, 2, 2))
            elif start <= today <= end:
                n = rng.choice((0, 1, 1, 2))  # the current quarter: recent news on the home page
            else:
                n = 1 if rng.random() < 0.15 else 0
            for _ in range(n):
                kind = "article" if rng.random() < 0.18 else "news"
                moment = _random_moment(rng, first, last)
                if in_q1_2017(moment):
                    continue
                plan.append(PlannedPost(code, kind, moment, delay_days=_delay(rng)))

    # Nothing in the future (today's posts before the current time are fine).
    plan = [post for post in plan if post.published_at <= now]

    # 4. Published then unpublished, and drafts.
    code, kind, moment = UNPUBLISHED_POST
    if code in unit_codes:
        plan.append(PlannedPost(code, kind, local(*moment), state=UNPUBLISHED))
    plan.sort(key=lambda post: post.published_at)

    # A few of the latest live posts are featured on the home page.
    live_indexes = [i for i, post in enumerate(plan) if post.state == LIVE]
    for i in live_indexes[-4:]:
        post = plan[i]
        plan[i] = PlannedPost(post.unit_code, post.kind, post.published_at, post.state, True, post.delay_days)

    for code, kind in DRAFTS:
        if code in unit_codes:
            plan.append(PlannedPost(code, kind, None, state=DRAFT, delay_days=1))
    return plan


def _quarter_end(start: datetime.date) -> datetime.date:
    month = start.month + 3
    next_start = datetime.date(start.year + (month > 12), (month - 1) % 12 + 1, 1)
    return next_start - datetime.timedelta(days=1)


def q1_2017_totals(plan: list[PlannedPost]) -> dict[str, dict[str, int]]:
    """Live posts of the plan first published in Q1/2017, per unit and kind (for checks)."""
    totals: dict[str, dict[str, int]] = {}
    for post in plan:
        if post.state == LIVE and in_q1_2017(post.published_at):
            row = totals.setdefault(post.unit_code, {"news": 0, "article": 0})
            row[post.kind] += 1
    return totals
