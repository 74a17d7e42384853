"""Step 1: the organisation (unit kinds, units) and the topics, both from their fixtures."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from posts.models import Topic
from units.loading import DEFAULT_FIXTURE, load_organisation, read_organisation_file
from vietnamese.text import nfc

TOPICS_FIXTURE = Path(settings.BASE_DIR) / "posts" / "fixtures" / "topics.json"


@transaction.atomic
def load_topics(path: Path | str = TOPICS_FIXTURE) -> int:
    """Create or update topics by slug; returns how many were created."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    created = 0
    for row in data["topics"]:
        _topic, was_created = Topic.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": nfc(row["name"]),
                "order": row.get("order", 0),
                "description": nfc(row.get("description", "")),
            },
        )
        created += was_created
    return created


def load_organisation_and_topics() -> str:
    result = load_organisation(read_organisation_file(DEFAULT_FIXTURE))
    topics = load_topics()
    return f"{result.units_created} đơn vị mới, {result.units_updated} đơn vị cập nhật, {topics} chủ đề mới"
