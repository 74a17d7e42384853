"""`PostPage.published_at`: Wagtail's `first_published_at` on the posts' own table, indexed.

Listings filter on posts_postpage (unit, kind, topics) and sort by date; with the date only on
wagtailcore_page no index serves both, so every listing read all posts. `PostPage.save` keeps
the copy equal to `first_published_at` from now on (publishing, copying, the demo loader); the
bulk loader writes it; existing rows are filled here in one UPDATE.
"""

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_dates(apps, schema_editor):
    PostPage = apps.get_model("posts", "PostPage")
    Page = apps.get_model("wagtailcore", "Page")
    dates = Page.objects.filter(pk=OuterRef("pk")).values("first_published_at")[:1]
    PostPage.objects.using(schema_editor.connection.alias).update(published_at=Subquery(dates))


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0004_featured_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("units", "0001_initial"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="postpage",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="ngày đăng"),
        ),
        migrations.RunPython(copy_dates, migrations.RunPython.noop, elidable=False),
        migrations.AddIndex(
            model_name="postpage",
            index=models.Index(fields=["published_at", "page_ptr"], name="posts_published"),
        ),
        migrations.AddIndex(
            model_name="postpage",
            index=models.Index(fields=["unit", "published_at", "page_ptr"], name="posts_unit_published"),
        ),
        migrations.AddIndex(
            model_name="postpage",
            index=models.Index(fields=["kind", "published_at", "page_ptr"], name="posts_kind_published"),
        ),
    ]
