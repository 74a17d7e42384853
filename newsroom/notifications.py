"""Emails of the newsroom that Wagtail does not send itself: a post taken off the site.

Wagtail mails the steps of a workflow (templates/wagtailadmin/notifications/); when the board or the IT
team unpublishes a post (``actions.unpublish_with_reason``), its writers are told here, with the reason.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from vietnamese.dates import format_public_datetime

logger = logging.getLogger(__name__)


def writers_of(page: Page):
    """Who wrote the post: its owner and whoever sent it for approval (active, with an address)."""
    submitters = WorkflowState.objects.for_instance(page).values("requested_by")
    return (
        get_user_model()
        .objects.filter(Q(pk=page.owner_id) | Q(pk__in=submitters), is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def notify_writers_of_unpublishing(page: Page, *, user, reason: str) -> int:
    """Mail each writer (not the person who unpublished) that the post is off the site, and why."""
    recipients = [writer for writer in writers_of(page) if user is None or writer.pk != user.pk]
    if not recipients:
        return 0
    context = {
        "page": page,
        "reason": reason,
        "actor": (user.get_full_name() or user.get_username()) if user is not None else "",
        "when": format_public_datetime(timezone.now()),
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }
    messages = []
    for writer in recipients:
        context["user"] = writer
        subject = " ".join(render_to_string("newsroom/emails/unpublished_subject.txt", context).split())
        body = render_to_string("newsroom/emails/unpublished.txt", context)
        messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [writer.email]))
    try:
        return get_connection().send_messages(messages) or 0
    except OSError:
        # The post is already off the site; a mail server that is down must not undo that.
        logger.exception("Could not send the unpublishing email of page %s", page.pk)
        return 0
