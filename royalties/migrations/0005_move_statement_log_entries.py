"""Move the statements' existing log entries out of Wagtail's ModelLogEntry.

Until 0004 closing and payment were logged as ModelLogEntry rows, which the site history shows
to anyone with any permission on statements (every unit's finance); moved into
StatementLogEntry they follow the unit rule of `royalties.access`.
"""

from django.db import migrations

FIELDS = (
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
)
BATCH = 500


def _statement_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label="royalties", model="statement").first()


def _copy(source, target_model, fields_of, batch_size=BATCH):
    """Copy `source` rows into `target_model` in batches; returns the copied source ids."""
    copied, batch = [], []
    for entry in source.iterator(chunk_size=batch_size):
        fields = fields_of(entry)
        if fields is None:
            continue
        batch.append(target_model(**fields, **{name: getattr(entry, name) for name in FIELDS}))
        copied.append(entry.pk)
        if len(batch) == batch_size:
            target_model.objects.bulk_create(batch)
            batch = []
    target_model.objects.bulk_create(batch)
    return copied


def _delete(model, ids):
    for start in range(0, len(ids), BATCH):
        model.objects.filter(pk__in=ids[start : start + BATCH]).delete()


def forwards(apps, schema_editor):
    content_type = _statement_type(apps)
    if content_type is None:
        return
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    StatementLogEntry = apps.get_model("royalties", "StatementLogEntry")
    old = ModelLogEntry.objects.filter(content_type_id=content_type.pk).order_by("timestamp", "id")

    def fields_of(entry):
        object_id = (entry.object_id or "").strip()
        return {"statement_id": int(object_id)} if object_id.isdigit() else None

    _delete(ModelLogEntry, _copy(old, StatementLogEntry, fields_of=fields_of))


def backwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    StatementLogEntry = apps.get_model("royalties", "StatementLogEntry")
    entries = StatementLogEntry.objects.order_by("timestamp", "id")

    def fields_of(entry):
        return {"object_id": str(entry.statement_id)}

    _delete(StatementLogEntry, _copy(entries, ModelLogEntry, fields_of=fields_of))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("royalties", "0004_statement_log_entry"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
