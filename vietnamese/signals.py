"""Unicode NFC on save for the text of our apps' models (``VIETNAMESE_NFC_APPS``).

Text pasted from Word or macOS, or typed with some input methods, arrives decomposed (NFD:
"ệ" as "e" + U+0323 + U+0302). It looks the same on screen but breaks equality, unique
names, sorting and search. Every CharField/TextField (RichTextField included) and the string
leaves of every StreamField of a model whose app label is listed are normalised to NFC just
before the row is written; so are the draft revisions of those models' pages.

A StreamField is stored through ``json.dumps`` with ``ensure_ascii=True`` (Django's JSONField,
also in revisions), so its JSON text holds ``\\u1ec7``-style escapes: normalising that text would
change nothing. The string leaves of the prepared Python value are normalised instead.
"""

from __future__ import annotations

import functools
import json
import unicodedata

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.fields import StreamField

TEXT = "text"
STREAM = "stream"


def nfc_deep(value):
    """``value`` with every string in it (dict keys and values, list items) in NFC."""
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_deep(item) for item in value]
    if isinstance(value, tuple):
        return tuple(nfc_deep(item) for item in value)
    if isinstance(value, dict):
        return {nfc_deep(key): nfc_deep(item) for key, item in value.items()}
    return value


def _is_nfc_deep(value) -> bool:
    # Cheap check before rebuilding a StreamField: one C-level scan of the unescaped JSON text.
    text = json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    return unicodedata.is_normalized("NFC", text)


@functools.cache
def text_fields(model: type[models.Model]) -> tuple[tuple[str, str, models.Field], ...]:
    """``(attribute, TEXT | STREAM, field)`` for the model's concrete text fields, parents' included."""
    found = []
    for field in model._meta.concrete_fields:
        if isinstance(field, StreamField):
            found.append((field.name, STREAM, field))
        elif isinstance(field, models.CharField | models.TextField):
            found.append((field.attname, TEXT, field))
    return tuple(found)


def nfc_apps() -> frozenset[str]:
    return frozenset(getattr(settings, "VIETNAMESE_NFC_APPS", ()))


def nfc_fields() -> dict[str, frozenset[str]]:
    """``{"app_label.modelname": field names}`` of models outside our apps (``VIETNAMESE_NFC_FIELDS``)."""
    configured = getattr(settings, "VIETNAMESE_NFC_FIELDS", {})
    return {label.lower(): frozenset(names) for label, names in configured.items()}


def normalise_instance(instance: models.Model, update_fields=None, only=None) -> list[str]:
    """Put the instance's text in NFC, in place; return the names of the fields that changed.

    ``only``: the names of the fields to look at (all text fields when None)."""
    changed = []
    for attname, kind, field in text_fields(type(instance)):
        if update_fields is not None and field.name not in update_fields and attname not in update_fields:
            continue
        if only is not None and field.name not in only:
            continue
        if attname not in instance.__dict__:
            continue  # deferred: not loaded, so not written either
        value = instance.__dict__[attname]
        if kind == TEXT:
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                setattr(instance, attname, unicodedata.normalize("NFC", value))
                changed.append(field.name)
        else:
            raw = field.get_prep_value(value)
            if raw is not None and not _is_nfc_deep(raw):
                setattr(instance, attname, nfc_deep(raw))  # StreamField accepts its raw JSON list
                changed.append(field.name)
    return changed


def normalise_on_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """``pre_save`` receiver for every model; acts on models of ``VIETNAMESE_NFC_APPS`` and on the fields
    of ``VIETNAMESE_NFC_FIELDS`` (taggit's tag names, people's names)."""
    if sender._meta.app_label in nfc_apps():
        normalise_instance(instance, update_fields)
        return
    only = nfc_fields().get(sender._meta.label_lower)
    if only:
        normalise_instance(instance, update_fields, only=only)


def normalise_revision_on_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """``pre_save`` receiver for Wagtail's Revision: drafts of our pages are stored in NFC too."""
    content = instance.content
    if not content or not instance.content_type_id:
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is None or model._meta.app_label not in nfc_apps():
        return
    streams = {name for name, kind, _field in text_fields(model) if kind == STREAM}
    normalised = {}
    for key, value in content.items():
        if key in streams and isinstance(value, str):
            # A serialised StreamField: a JSON string with \u escapes.
            data = json.loads(value)
            if not _is_nfc_deep(data):
                value = json.dumps(nfc_deep(data), cls=DjangoJSONEncoder)
            normalised[key] = value
        else:
            normalised[nfc_deep(key)] = nfc_deep(value)
    instance.content = normalised
    if isinstance(instance.object_str, str):
        instance.object_str = nfc_deep(instance.object_str)
