"""The demo schedule, as plain values: the Q1/2017 table holds, nothing is in the future."""

import datetime

from demo.plan import (
    DRAFT,
    LIVE,
    UNPUBLISHED,
    VIETNAM_TZ,
    in_q1_2017,
    plan_posts,
    q1_2017_totals,
    read_counts,
)

NOW = datetime.datetime(2026, 11, 26, 9, 0, tzinfo=VIETNAM_TZ)


def plan(now=NOW):
    counts = read_counts()
    return counts, plan_posts(list(counts.counts), counts, now)


def test_q1_2017_totals_are_the_fixture():
    counts, posts = plan()
    expected = {code: row for code, row in counts.counts.items() if row["news"] or row["article"]}
    assert q1_2017_totals(posts) == expected


def test_same_result_whatever_today_is_for_q1_2017():
    counts, posts = plan(datetime.datetime(2017, 4, 24, 8, 0, tzinfo=VIETNAM_TZ))
    expected = {code: row for code, row in counts.counts.items() if row["news"] or row["article"]}
    assert q1_2017_totals(posts) == expected
    assert max(p.published_at for p in posts if p.published_at) <= datetime.datetime(
        2017, 4, 24, 8, 0, tzinfo=VIETNAM_TZ
    )


def test_never_published_units_get_no_publication():
    counts, posts = plan()
    assert not [p for p in posts if p.unit_code in counts.never_published and p.state != DRAFT]


def test_quarter_edges_use_vietnam_time():
    assert in_q1_2017(datetime.datetime(2017, 3, 31, 16, 30, tzinfo=datetime.UTC))  # 23:30 in Vietnam
    assert not in_q1_2017(datetime.datetime(2017, 3, 31, 17, 30, tzinfo=datetime.UTC))  # 00:30 on 1/4
    assert in_q1_2017(datetime.datetime(2016, 12, 31, 17, 20, tzinfo=datetime.UTC))  # 00:20 on 1/1


def test_states_and_dates():
    _counts, posts = plan()
    states = [p.state for p in posts]
    assert states.count(UNPUBLISHED) == 1 and states.count(DRAFT) >= 3
    published = [p.published_at for p in posts if p.published_at]
    assert min(published) >= datetime.datetime(2016, 9, 1, tzinfo=VIETNAM_TZ)
    assert max(published) <= NOW
    assert sum(1 for p in posts if p.featured and p.state == LIVE) >= 3
    assert sum(1 for p in posts if p.delay_days > 7) >= 5
