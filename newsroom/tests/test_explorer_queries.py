"""The page explorer of a unit costs a fixed number of queries, whatever the number of its posts.

Wagtail lists 50 child pages a screen; once a unit has more, adding posts must not add queries,
for a superuser and for a writer (whose rows carry permission checks). A writer's rows must not
ask the page tree for each post's live descendants (a table scan per row on SQLite): a post is a
leaf (`PostPage.get_descendants`).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo.bulk import bulk_create_posts

from .support import unit_page, user

PAGE_SIZE = 50  # Wagtail's explorer (ExplorableIndexView.paginate_by)
POST_PATH_LIKE = re.compile(r"LIKE '[0-9A-Z]{20}%")  # a tree query below one post (depth 5)


def explorer_queries(client, username, page):
    client.force_login(user(username))
    url = reverse("wagtailadmin_explore", args=(page.pk,))
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def fill_to_more_than_a_page(page, seed):
    while page.get_children().count() <= PAGE_SIZE:
        bulk_create_posts(300, seed=seed, rebuild_search_index=False)
        seed += 1
    return seed


@pytest.mark.parametrize("username", ["admin", "tuyphong"])
def test_explorer_queries_do_not_grow_with_the_units_posts(client, username):
    page = unit_page("tuy-phong")
    seed = fill_to_more_than_a_page(page, seed=1)
    before = explorer_queries(client, username, page)
    bulk_create_posts(300, seed=seed + 1, rebuild_search_index=False)
    after = explorer_queries(client, username, page)
    assert len(after) == len(before), (len(before), len(after))
    assert not [sql for sql in after if POST_PATH_LIKE.search(sql)]
