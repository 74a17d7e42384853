"""Every new image file loses its location data before it is stored (see safety.uploads)."""

import os

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from wagtail.images import get_image_model

from .uploads import without_location


def strip_location_before_storing(sender, instance, **kwargs):
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return  # nothing new to store
    field_file.seek(0)
    data = field_file.read()
    field_file.seek(0)
    cleaned = without_location(data)
    if cleaned is None:
        return
    instance.file = ContentFile(cleaned, name=os.path.basename(field_file.name))
    instance._set_image_file_metadata()  # size and hash of what is actually stored


def connect():
    pre_save.connect(
        strip_location_before_storing, sender=get_image_model(), dispatch_uid="safety_strip_location"
    )
