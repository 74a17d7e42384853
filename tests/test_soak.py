"""The soak's verdict (soak/run.py): what makes `make soak` fail.

The soak itself (gunicorn, a PostgreSQL database with the demo data, minutes of load) is too slow
for the suite; these tests cover the parts that decide its exit code: lost, duplicated or
unpublished posts, and failures counted as errors or as the database outage.
"""

from soak.client import Outcome
from soak.run import Ledger, Post, Stats, percentile, problems

RUN = "abc123"


def ledger(*posts: Post) -> Ledger:
    result = Ledger()
    for post in posts:
        result.add(post)
    return result


def post(number: int, *, page_id=None, submitted=True, approved=True) -> Post:
    return Post(f"soak{RUN}vanphong{number:04d}", "vanphong", 20, page_id, submitted, approved)


def row(page_id: int, number: int, live: bool = True):
    return (page_id, f"Tin kiểm tra tải soak{RUN}vanphong{number:04d}: công đoàn cơ sở", live)


def test_every_post_once_and_live_passes():
    assert problems([row(501, 1), row(502, 2)], RUN, ledger(post(1, page_id=501), post(2, page_id=502))) == []


def test_a_lost_post_a_duplicate_and_an_unpublished_one_fail():
    found = problems(
        [row(502, 2), row(503, 2), row(504, 3, live=False)],
        RUN,
        ledger(post(1, page_id=501), post(2, page_id=502), post(3, page_id=504)),
    )

    assert found == [
        f"soak{RUN}vanphong0001: created but found 0x",
        f"soak{RUN}vanphong0002: created but found 2x",
        f"soak{RUN}vanphong0003: approved but not live",
    ]


def test_a_post_reported_not_created_must_not_exist_and_nothing_unknown_may():
    found = problems([row(501, 1), row(509, 9)], RUN, ledger(post(1, submitted=False, approved=False)))

    assert found == [
        f"soak{RUN}vanphong0001: reported not created but exists 1x",
        f"soak{RUN}vanphong0009: unknown post",
    ]


def test_a_submitted_post_never_approved_fails():
    found = problems([row(501, 1, live=False)], RUN, ledger(post(1, page_id=501, approved=False)))

    assert found == [f"soak{RUN}vanphong0001: submitted but never approved"]


def test_failures_during_the_outage_are_counted_apart_from_errors():
    stats = Stats()
    stats.windows.append([100.0, 110.0])
    for started, ok in ((90.0, True), (99.5, False), (105.0, False), (109.0, False), (120.0, False)):
        stats.record(Outcome("home", started, 1.0, ok, 200 if ok else 503))

    summary = stats.summary()["home"]

    assert (summary["requests"], summary["errors"], summary["outage"]) == (5, 1, 3)


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50.0, 95.0, 99.0)
    assert percentile([], 50) == 0.0
