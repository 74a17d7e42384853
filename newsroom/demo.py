"""The newsroom's part of the demo federation: role groups, workflows and one account per role.

The password is for demo data only (README: `make demo`); production never runs this.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Workflow

from units.models import Unit

from .models import Role, UnitRole
from .provisioning import SetupReport, setup_roles

DEMO_PASSWORD = "congdoan2017"  # noqa: S105 - demo accounts only, see issue #3


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    unit_code: str | None
    # Vietnamese names as the team stores them (locale/GLOSSARY.md, "Họ và tên"): family and
    # middle names in `first_name`, the given name in `last_name`; get_full_name() reads right.
    full_name: str

    @property
    def family_and_middle_names(self) -> str:
        return self.full_name.rsplit(" ", 1)[0]

    @property
    def given_name(self) -> str:
        return self.full_name.rsplit(" ", 1)[-1]

    # What `make demo` prints next to the account.
    description: str

    @property
    def email(self) -> str:
        return f"{self.username}@congdoan.local"


DEMO_ACCOUNTS = (
    DemoAccount(
        "bbt",
        Role.BOARD,
        None,
        "Nguyễn Văn Minh",
        "Thường trực Ban Biên tập: duyệt tin - bài các ban, đơn vị trực thuộc; gỡ tin - bài",
    ),
    DemoAccount(
        "thuky",
        Role.SECRETARIAT,
        None,
        "Trần Thị Lan",
        "Tổ Thư ký: biên tập mọi tin - bài, không xuất bản",
    ),
    DemoAccount(
        "giamsat", Role.OVERSIGHT, None, "Lê Văn Hùng", "Ban Thường vụ – giám sát: báo cáo, nhắc nhở"
    ),
    DemoAccount(
        "vanphong",
        Role.WRITER,
        "van-phong",
        "Phạm Thị Hoa",
        "Biên tập viên Văn phòng (gửi Thường trực BBT duyệt)",
    ),
    DemoAccount(
        "tuyengiao",
        Role.WRITER,
        "ban-tuyen-giao",
        "Võ Hoài Nam",
        "Biên tập viên Ban Tuyên giáo (gửi Thường trực BBT duyệt)",
    ),
    DemoAccount(
        "tuyphong",
        Role.WRITER,
        "tuy-phong",
        "Huỳnh Thanh Tâm",
        "Biên tập viên LĐLĐ huyện Tuy Phong (gửi lãnh đạo đơn vị duyệt)",
    ),
    DemoAccount(
        "tuyphong.duyet",
        Role.APPROVER,
        "tuy-phong",
        "Đặng Ngọc Sơn",
        "Lãnh đạo LĐLĐ huyện Tuy Phong: duyệt và đăng tin - bài của đơn vị",
    ),
    DemoAccount(
        "yte.duyet",
        Role.APPROVER,
        "cdn-y-te",
        "Bùi Phương Thảo",
        "Lãnh đạo CĐN Y tế: duyệt và đăng tin - bài của đơn vị",
    ),
    DemoAccount(
        "ketoan.tuyphong",
        Role.FINANCE,
        "tuy-phong",
        "Ngô Thị Mai",
        "Kế toán LĐLĐ huyện Tuy Phong: bảng kê nhuận bút của đơn vị",
    ),
)
# The demo loader creates the superuser `admin`; the newsroom puts it in the IT team's group.
IT_SUPERUSER = "admin"


def demo_step() -> str:
    """The demo loader's step (demo/steps.py): roles, workflows, accounts; a one-line summary."""
    report = load_newsroom_demo()
    summary = _("%(groups)s nhóm, %(workflows)s quy trình duyệt, %(accounts)s tài khoản tòa soạn") % {
        "groups": UnitRole.objects.count(),
        "workflows": Workflow.objects.filter(active=True).count(),
        "accounts": len(DEMO_ACCOUNTS),
    }
    return "\n  ! ".join([summary, *report.warnings])


@transaction.atomic
def load_newsroom_demo(password: str = DEMO_PASSWORD) -> SetupReport:
    """Run `setup_roles` and create the demo accounts, each in its role's group.

    Like the demo's `admin`, a password is set only when the account is created.
    """
    report = setup_roles()
    User = get_user_model()
    it_group = UnitRole.objects.get(role=Role.IT, unit=None).group
    for admin in User.objects.filter(username=IT_SUPERUSER):
        admin.groups.add(it_group)
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={a.unit_code for a in DEMO_ACCOUNTS})}
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": account.family_and_middle_names,
                "last_name": account.given_name,
                "email": account.email,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        unit = units.get(account.unit_code) if account.unit_code else None
        if account.unit_code and unit is None:
            report.warnings.append(
                _("Không có đơn vị “%(unit)s” cho tài khoản %(user)s.")
                % {"unit": account.unit_code, "user": account.username}
            )
            continue
        role = UnitRole.objects.filter(role=account.role, unit=unit).select_related("group").first()
        if role is not None:
            user.groups.add(role.group)
    return report
