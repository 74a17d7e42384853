"""Wagtail's user and group listings, ordered by name in Vietnamese alphabetical order.

Names follow the labels our catalogue gives Wagtail's user form: ``first_name`` holds the family
and middle names (Họ và tên đệm), ``last_name`` the given name (Tên), so Django's
``get_full_name()`` reads "Nguyễn Văn Minh". Vietnamese lists people by given name, then by
family and middle names ("Lê Văn Hùng" before "Trần Thị Lan" before "Nguyễn Văn Minh"): that is
Wagtail's own "name" ordering (``last_name``, ``first_name``), here in the database's Vietnamese
collation (see collation.py). The listing opens in that order.
"""

from wagtail.users.views import groups, users

from .collation import vietnamese_order


class VietnameseOrderingMixin:
    #: ordering key of the listing -> the fields compared, in Vietnamese order
    vietnamese_orderings: dict[str, tuple[str, ...]] = {}

    def order_queryset(self, queryset):
        ordering = self.ordering
        if isinstance(ordering, list | tuple) and len(ordering) == 1:
            ordering = ordering[0]
        if isinstance(ordering, str) and ordering.lstrip("-") in self.vietnamese_orderings:
            sign = "-" if ordering.startswith("-") else ""
            fields = self.vietnamese_orderings[ordering.lstrip("-")]
            # pk last: a total order, so that pagination never repeats or skips a row.
            return queryset.order_by(*[vietnamese_order(sign + field) for field in fields], sign + "pk")
        return super().order_queryset(queryset)


class UserIndexView(VietnameseOrderingMixin, users.IndexView):
    vietnamese_orderings = {"name": ("last_name", "first_name")}


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView
    ordering = "name"


class GroupIndexView(VietnameseOrderingMixin, groups.IndexView):
    vietnamese_orderings = {"name": ("name",)}


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView
