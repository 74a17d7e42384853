"""Who plays which role, for which units: the questions other apps ask about a user.

    units_for_user(request.user, Role.FINANCE)   # whose royalty statements may this user see?
    user_roles(request.user)                     # [(Role.WRITER, <Unit Văn phòng>), ...]

Answers come from group membership and `UnitRole` (filled by `setup_roles`), never from
group names.
"""

from django.db.models import QuerySet

from units.models import Unit

from .models import FEDERATION_ROLES, Role, UnitRole


def user_roles(user) -> list[tuple[Role, Unit | None]]:
    """The user's roles as (role, unit) pairs; federation-wide roles have unit None."""
    if not user.is_authenticated:
        return []
    rows = (
        UnitRole.objects.filter(group__user=user)
        .select_related("unit")
        .order_by("unit__report_order", "role")
    )
    return [(Role(row.role), row.unit) for row in rows]


def units_for_user(user, role: Role | str) -> QuerySet[Unit]:
    """Units for which the user holds `role` (a superuser: every unit)."""
    if not user.is_authenticated:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    return Unit.objects.filter(roles__role=role, roles__group__user=user).distinct()


def has_federation_role(user, *roles: Role) -> bool:
    """Whether the user holds one of the federation-wide roles (any of them when none given)."""
    if not user.is_authenticated:
        return False
    return UnitRole.objects.filter(
        group__user=user, unit__isnull=True, role__in=roles or FEDERATION_ROLES
    ).exists()


def newsroom_units_for_user(user) -> QuerySet[Unit]:
    """Units whose posts the user writes or approves (their “own” units on the dashboard)."""
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(
        roles__role__in=[Role.WRITER, Role.APPROVER], roles__group__user=user
    ).distinct()


def audit_units_for_user(user) -> QuerySet[Unit] | None:
    """Whose approval log the user may read: None for every unit (federation roles, superusers),
    else the units the user approves for."""
    if user.is_superuser or has_federation_role(user):
        return None
    return units_for_user(user, Role.APPROVER)


def may_read_audit_log(user) -> bool:
    return user.is_active and user.has_perm("newsroom.view_audit_report")
