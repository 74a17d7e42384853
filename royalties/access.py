"""Who sees and acts on which unit's royalty statements.

DESIGN.md, "Who does what": each unit's accountant (finance) reads its unit's statements and
marks them paid; the board, the IT team and the standing committee read every unit's.
Unit-scoped roles come from the newsroom (`newsroom.access.units_for_user`); federation-wide
reading is the permission `royalties.view_all_statements`.
"""

from __future__ import annotations

from django.db.models import QuerySet

from newsroom.access import units_for_user
from units.models import Unit

VIEW_ALL = "royalties.view_all_statements"
CLOSE = "royalties.close_statement"
MARK_PAID = "royalties.mark_statement_paid"
FINANCE_ROLE = "finance"


def sees_all_units(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(VIEW_ALL)))


def finance_units(user) -> QuerySet[Unit]:
    """Units whose accountant the user is (the unit-scoped part of the access rule)."""
    if not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    return units_for_user(user, FINANCE_ROLE)


def statement_units(user) -> QuerySet[Unit]:
    """Units whose statements the user may read."""
    if sees_all_units(user):
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=finance_units(user).values("pk"))


def can_view(user, unit: Unit) -> bool:
    return statement_units(user).filter(pk=unit.pk).exists()


def can_close(user, unit: Unit) -> bool:
    return user.has_perm(CLOSE) and can_view(user, unit)


def can_mark_paid(user, unit: Unit) -> bool:
    return user.has_perm(MARK_PAID) and can_view(user, unit)


def can_use_desk(user) -> bool:
    """Whether the “Nhuận bút” menu and screens are shown at all."""
    return sees_all_units(user) or finance_units(user).exists()
