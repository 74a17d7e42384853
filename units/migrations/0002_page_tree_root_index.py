"""An index for the page tree's root (``wagtailcore_page`` rows with ``depth = 1``).

For a superuser, every admin screen asks Wagtail for the explorable root page
(``PagePermissionPolicy.explorable_root_instance``: ``Page.objects.filter(depth=1)``, ordered by
path). Wagtail has no index on ``depth``, so that lookup read the whole page table: at 100 000 posts
about 150-200 ms on SQLite (walking the path index and fetching every row) and a sequential scan on
PostgreSQL, on every admin request, the page explorer included.

A partial index holding just the root row answers it at once on both databases. It is partial on
purpose: a plain index on ``depth`` would tempt SQLite (which keeps no statistics) into using a
``depth >= n`` range for Wagtail's descendant queries ordered by path (the posts sitemap, ``first
descendant``), which today walk the path index in order and stop early.
"""

from django.db import migrations

INDEX = "units_page_tree_root"


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" ("path") WHERE "depth" = 1',
            f'DROP INDEX IF EXISTS "{INDEX}"',
        ),
    ]
