"""Read-only queries of the newsroom; each returns plain rows that screens and exports render.

- `approval_log_rows`: the audit report "Nhật ký duyệt tin - bài" (screen and XLSX export).
- `awaiting_approval_rows`, `unit_quarter_rows`, `returned_post_rows`: the dashboard panels.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState

import oversight
from posts.models import PostKind, PostPage
from units.models import Unit
from vietnamese.dates import format_date, to_local
from vietnamese.periods import Period

from . import rules


def format_datetime(value: datetime) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time."""
    return f"{format_date(value)} {to_local(value):%H:%M}"


# -- the audit report ----------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalLogRow:
    time: datetime
    user_name: str
    action: str
    action_label: str
    page_id: int
    post_title: str
    unit_name: str
    comment: str

    @property
    def time_label(self) -> str:
        return format_datetime(self.time)


def _user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def approval_log_rows(
    *, units=None, unit: Unit | None = None, period: Period | None = None
) -> list[ApprovalLogRow]:
    """Every submission, approval, rejection, publication and unpublication of posts, newest first.

    `units` limits the rows to what the viewer may see (None: every unit); `unit` and `period`
    are the report's filters. A post is found through its unit at the time of the query.
    """
    entries = PageLogEntry.objects.filter(
        action__in=rules.APPROVAL_ACTIONS.keys(), page__postpage__isnull=False
    )
    if units is not None:
        entries = entries.filter(page__postpage__unit__in=units)
    if unit is not None:
        entries = entries.filter(page__postpage__unit=unit)
    if period is not None:
        entries = entries.filter(timestamp__gte=period.start, timestamp__lt=period.end)
    entries = entries.select_related("user").order_by("-timestamp", "-pk")
    unit_names = dict(
        PostPage.objects.filter(pk__in=entries.values("page_id")).values_list("pk", "unit__name")
    )
    return [
        ApprovalLogRow(
            time=timezone.localtime(entry.timestamp),
            user_name=_user_name(entry.user),
            action=entry.action,
            action_label=rules.action_label(entry.action),
            page_id=entry.page_id,
            post_title=entry.label,
            unit_name=unit_names.get(entry.page_id) or "",
            comment=rules.comment_from_log_data(entry.action, entry.data),
        )
        for entry in entries
    ]


# -- dashboard -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AwaitingRow:
    page_id: int
    title: str
    unit_name: str
    task_name: str
    submitted_by: str
    submitted_at: datetime
    age: timedelta

    @property
    def age_label(self) -> str:
        return rules.format_age(self.age)


def awaiting_approval_rows(user, now: datetime | None = None) -> list[AwaitingRow]:
    """Posts waiting at a step this user may approve, the longest-waiting first."""
    now = now or timezone.now()
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    states = list(states)
    posts = {
        post.pk: post
        for post in PostPage.objects.filter(
            pk__in=[int(state.workflow_state.object_id) for state in states]
        ).select_related("unit")
    }
    rows = []
    for state in states:
        post = posts.get(int(state.workflow_state.object_id))
        if post is None:
            continue
        rows.append(
            AwaitingRow(
                page_id=post.pk,
                title=post.get_admin_display_title(),
                unit_name=post.unit.display_name if post.unit else "",
                task_name=state.task.name,
                submitted_by=_user_name(state.workflow_state.requested_by),
                submitted_at=state.started_at,
                age=now - state.started_at,
            )
        )
    return rows


@dataclass(frozen=True)
class UnitQuarterRow:
    unit_name: str
    news: int
    articles: int
    news_quota: int | None
    articles_quota: int | None

    @property
    def news_label(self) -> str:
        return rules.quota_status(self.news, self.news_quota)

    @property
    def articles_label(self) -> str:
        return rules.quota_status(self.articles, self.articles_quota)


def _quota(unit: Unit, period: Period) -> tuple[int | None, int | None]:
    """The unit's targets from the oversight office (None, None when exempt)."""
    quota = oversight.quota_for(unit, period)
    if quota is None:
        return None, None
    return quota.news, quota.articles


def unit_quarter_rows(units, period: Period) -> list[UnitQuarterRow]:
    """Published tin and bài of each unit in the period (by first publication), with quotas."""
    units = list(units)
    counts = (
        PostPage.objects.live()
        .filter(
            unit__in=units,
            first_published_at__gte=period.start,
            first_published_at__lt=period.end,
        )
        .order_by()  # Page's default ordering (path) would split the groups
        .values("unit_id")
        .annotate(
            news=Count("pk", filter=Q(kind=PostKind.NEWS)),
            articles=Count("pk", filter=Q(kind=PostKind.ARTICLE)),
        )
    )
    by_unit = {row["unit_id"]: row for row in counts}
    rows = []
    for unit in units:
        found = by_unit.get(unit.pk, {})
        news_quota, articles_quota = _quota(unit, period)
        rows.append(
            UnitQuarterRow(
                unit_name=unit.display_name,
                news=found.get("news", 0),
                articles=found.get("articles", 0),
                news_quota=news_quota,
                articles_quota=articles_quota,
            )
        )
    return rows


@dataclass(frozen=True)
class ReturnedRow:
    page_id: int
    title: str
    returned_by: str
    returned_at: datetime | None
    comment: str


def returned_post_rows(user) -> list[ReturnedRow]:
    """The user's posts sent back for changes, with the reviewer's comment, newest first."""
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=user,
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
        )
        .select_related("current_task_state__finished_by")
        .order_by("-current_task_state__finished_at", "-pk")
    )
    states = list(states)
    titles = {
        post.pk: post.get_admin_display_title()
        for post in PostPage.objects.filter(pk__in=[int(state.object_id) for state in states])
    }
    rows = []
    for state in states:
        page_id = int(state.object_id)
        if page_id not in titles:
            continue
        task_state = state.current_task_state
        rows.append(
            ReturnedRow(
                page_id=page_id,
                title=titles[page_id],
                returned_by=_user_name(task_state.finished_by) if task_state else "",
                returned_at=task_state.finished_at if task_state else None,
                comment=task_state.comment if task_state else "",
            )
        )
    return rows
