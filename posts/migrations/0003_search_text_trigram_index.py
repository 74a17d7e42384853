"""A trigram index on the folded search column, on PostgreSQL only (see posts/search.py).

`LIKE '%term%'` cannot use a B-tree index; pg_trgm's GIN operator class can, which keeps the
public search fast with a hundred thousand posts. SQLite has no such index and scans, which is
fine at the sizes SQLite serves.
"""

from django.db import migrations

INDEX = "posts_postpage_search_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON posts_postpage USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other objects may use it, and it is harmless.
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
