"""Step 5: demo accounts. DEMO ONLY: these passwords are printed on screen and in the README.

Other apps add their demo users to DEMO_ACCOUNTS (and create them in their own step in
`demo/steps.py`); `load_demo` prints every listed account that exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from newsroom import demo as newsroom_demo


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str


ADMIN = DemoAccount("admin", "Tổ Công nghệ thông tin (quản trị toàn bộ trang)", "congdoan2017")

DEMO_ACCOUNTS: list[DemoAccount] = [ADMIN] + [
    DemoAccount(account.username, account.description, newsroom_demo.DEMO_PASSWORD)
    for account in newsroom_demo.DEMO_ACCOUNTS
]


def ensure_admin() -> str:
    """The IT team's superuser; the password is set only when the account is created."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=ADMIN.username,
        defaults={
            "first_name": "Tổ Công nghệ thông tin",
            "email": "cntt@congdoan.local",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        user.set_password(ADMIN.password)
        user.save(update_fields=["password"])
    return "tạo tài khoản admin" if created else "tài khoản admin đã có"


def existing_demo_accounts() -> list[tuple[DemoAccount, object]]:
    """Listed accounts that exist, in list order, with their user."""
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS])
    }
    return [(account, users[account.username]) for account in DEMO_ACCOUNTS if account.username in users]
