"""Newsroom state changes, each a verb with one entry point for admin views, bulk actions and code.

Unpublishing with a reason: Letter 435/LĐLĐ gives the board (and the IT team that runs the site)
the last word on what stays online; DESIGN.md asks that every unpublication be logged with who,
when and, here, why. Wagtail's own unpublish has no reason, so the reason is logged under our own
action `newsroom.unpublish_with_reason` (label and comment registered in wagtail_hooks).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from .notifications import notify_writers_of_unpublishing
from .rules import UNPUBLISH_WITH_REASON

REASON_MAX_LENGTH = 1000


def unpublish_with_reason(page: Page, *, user, reason: str, include_descendants: bool = False) -> Page:
    """Take a live page off the site, logging who did it and why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do gỡ tin - bài xuống."))
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(_("Lý do dài quá %(limit)s ký tự.") % {"limit": REASON_MAX_LENGTH})
    page = page.specific
    if not page.live:
        raise ValidationError(_("Tin - bài này hiện không đăng trên trang."))
    if user is not None and not page.permissions_for_user(user).can_unpublish():
        raise PermissionDenied(_("Bạn không có quyền gỡ tin - bài này xuống."))
    with transaction.atomic():
        UnpublishPageAction(
            page, user=user, log_action=False, include_descendants=include_descendants
        ).execute(skip_permission_checks=True)
        log(instance=page, action=UNPUBLISH_WITH_REASON, user=user, data={"reason": reason})
        # Once the unpublication is committed, its writers are told why (in Vietnamese).
        transaction.on_commit(lambda: notify_writers_of_unpublishing(page, user=user, reason=reason))
    return page
