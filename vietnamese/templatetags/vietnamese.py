"""Template filters: {% load vietnamese %} then {{ post.date|vn_datetime }}."""

from __future__ import annotations

from typing import Any

from django import template

from vietnamese.dates import format_date, format_document_date, format_public_datetime
from vietnamese.money import format_vnd
from vietnamese.numwords import amount_in_words
from vietnamese.periods import Period, parse_period

register = template.Library()

# Like Django's built-in filters, fail silently: a template must still render.
_ERRORS = (TypeError, ValueError, AttributeError)


def _empty(value: Any) -> bool:
    return value is None or value == ""


@register.filter
def vn_datetime(value: Any) -> str:
    if _empty(value):
        return ""
    try:
        return format_public_datetime(value)
    except _ERRORS:
        return ""


@register.filter
def vn_date(value: Any) -> str:
    if _empty(value):
        return ""
    try:
        return format_date(value)
    except _ERRORS:
        return ""


@register.filter
def vn_document_date(value: Any, place: str | None = None) -> str:
    """{{ doc.issued|vn_document_date:"Bình Thuận" }}."""
    if _empty(value):
        return ""
    try:
        return format_document_date(value, place or None)
    except _ERRORS:
        return ""


@register.filter
def vnd(value: Any) -> str:
    if _empty(value):
        return ""
    try:
        return format_vnd(value)
    except _ERRORS:
        return ""


@register.filter
def vn_words(value: Any) -> str:
    if _empty(value):
        return ""
    try:
        return amount_in_words(value)
    except _ERRORS:
        return ""


@register.filter
def vn_period(value: Period | str | None) -> str:
    """Label of a Period or a period code: "2017-Q1" -> "quý I/2017"."""
    if _empty(value):
        return ""
    try:
        return parse_period(value).label  # type: ignore[arg-type]
    except _ERRORS:
        return str(value)
