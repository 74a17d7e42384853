"""The “Nhuận bút” menu: statements, summary and author screens, and the reference data
(rate tables, base salaries, grades) as snippets in the same group."""

import datetime

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from vietnamese.dates import format_date
from vietnamese.money import format_vnd

from . import access, urls
from .models import BaseSalary, Grade, RateTable, Statement, StatementLogEntry
from .services import CLOSE_ACTION, PAY_ACTION

MENU_HOOK = "register_royalties_menu_item"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("nhuan-but/", include(urls, namespace="royalties"))]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_use_desk(request.user)


@hooks.register(MENU_HOOK)
def statement_menu_item():
    return DeskMenuItem(
        _("Bảng kê theo đơn vị"), reverse("royalties:statement"), icon_name="list-ul", order=1
    )


@hooks.register(MENU_HOOK)
def summary_menu_item():
    return DeskMenuItem(_("Tổng hợp toàn tỉnh"), reverse("royalties:summary"), icon_name="table", order=2)


@hooks.register(MENU_HOOK)
def author_menu_item():
    return DeskMenuItem(_("Theo tác giả"), reverse("royalties:author"), icon_name="user", order=3)


class RateTableViewSet(SnippetViewSet):
    model = RateTable
    icon = "form"
    menu_label = _("Bảng mức nhuận bút")
    menu_order = 10
    list_display = ["name", "decision", "valid_from", BooleanColumn("is_example", label=_("Ví dụ"))]


class BaseSalaryViewSet(SnippetViewSet):
    model = BaseSalary
    icon = "tag"
    menu_label = _("Mức lương cơ sở")
    menu_order = 11
    list_display = [
        Column("amount_text", label=_("Mức lương cơ sở"), sort_key="amount"),
        "valid_from",
        "source",
    ]


class GradeViewSet(SnippetViewSet):
    model = Grade
    icon = "pick"
    menu_label = _("Xếp loại tin - bài")
    menu_order = 12
    list_display = ["code", "name", "order"]


class RoyaltiesGroup(SnippetViewSetGroup):
    menu_label = _("Nhuận bút")
    menu_name = "royalties"
    menu_icon = "doc-full"
    menu_order = 300
    items = (RateTableViewSet, BaseSalaryViewSet, GradeViewSet)
    submenu_hook = MENU_HOOK


register_snippet(RoyaltiesGroup)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # Statements log into their own model, whose viewable_by_user() applies the unit rule of
    # royalties.access (the site history must not show one unit's statements to another's finance).
    actions.register_model(Statement, StatementLogEntry)

    @actions.register_action(CLOSE_ACTION)
    class CloseFormatter(LogFormatter):
        label = _("Chốt bảng kê")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            try:
                return _("Đã chốt bảng kê số %(number)s: %(lines)s dòng, thành tiền %(gross)s") % {
                    "number": data["number"],
                    "lines": data["lines"],
                    "gross": format_vnd(data["gross"]),
                }
            except (KeyError, TypeError):
                return _("Đã chốt bảng kê")

    @actions.register_action(PAY_ACTION)
    class PayFormatter(LogFormatter):
        label = _("Xác nhận chi trả")

        def format_message(self, log_entry):
            try:
                paid_on = datetime.date.fromisoformat(log_entry.data["paid_on"])
            except (KeyError, TypeError, ValueError):
                return _("Đã xác nhận chi trả")
            return _("Đã xác nhận chi trả ngày %(day)s") % {"day": format_date(paid_on)}
