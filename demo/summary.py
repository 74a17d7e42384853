"""What `load_demo` prints: a progress bar, the totals and the demo accounts table."""

from django.contrib.auth import get_user_model
from wagtail.images import get_image_model

from posts.models import PostKind, PostPage
from units.models import Unit, UnitPage

from .accounts import existing_demo_accounts


class ProgressBar:
    """`[#####.....] 40 000/100 000` on one line, redrawn in place."""

    def __init__(self, stream, total: int, width: int = 30):
        self.stream = stream
        self.total = max(total, 1)
        self.width = width
        self.done = 0

    def update(self, done: int) -> None:
        self.done = done
        filled = self.width * done // self.total
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {_n(done)}/{_n(self.total)}", ending="")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("")


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def report() -> str:
    posts = PostPage.objects
    live = posts.live()
    lines = [
        "Tổng hợp:",
        f"  Đơn vị: {Unit.objects.count()}, trang đơn vị: {UnitPage.objects.count()}",
        f"  Tin - bài: {_n(posts.count())} ({_n(live.filter(kind=PostKind.NEWS).count())} tin và "
        f"{_n(live.filter(kind=PostKind.ARTICLE).count())} bài đang đăng; "
        f"{_n(posts.filter(live=False).count())} chưa đăng hoặc đã gỡ)",
        f"  Ảnh: {get_image_model().objects.count()}, người dùng: {get_user_model().objects.count()}",
    ]
    return "\n".join(lines)


def accounts_table() -> str:
    rows = [(account.username, account.role, account.password) for account, _user in existing_demo_accounts()]
    header = ("Tên đăng nhập", "Vai trò", "Mật khẩu")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines = ["Tài khoản mẫu (chỉ dùng để thử):"]
    for row in [header, *rows]:
        lines.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return "\n".join(lines)
