"""What `load_demo` prints: a progress bar, the totals and the demo accounts table."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
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

    def update(self, done: int) -> None:
        filled = self.width * done // self.total
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {number(done)}/{number(self.total)}", ending="")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("")


def number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def report() -> str:
    posts = PostPage.objects
    live = posts.live()
    values = {
        "units": Unit.objects.count(),
        "unit_pages": UnitPage.objects.count(),
        "posts": number(posts.count()),
        "news": number(live.filter(kind=PostKind.NEWS).count()),
        "articles": number(live.filter(kind=PostKind.ARTICLE).count()),
        "not_live": number(posts.filter(live=False).count()),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }
    return "\n".join(
        [
            _("Tổng hợp:"),
            _("  Đơn vị: %(units)s, trang đơn vị: %(unit_pages)s") % values,
            _(
                "  Tin - bài: %(posts)s (%(news)s tin và %(articles)s bài đang đăng; "
                "%(not_live)s chưa đăng hoặc đã gỡ)"
            )
            % values,
            _("  Ảnh: %(images)s, người dùng: %(users)s") % values,
        ]
    )


def accounts_table() -> str:
    rows = [(account.username, account.role, account.password) for account, _user in existing_demo_accounts()]
    header = (_("Tên đăng nhập"), _("Vai trò"), _("Mật khẩu"))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines = [_("Tài khoản mẫu (chỉ dùng để thử):")]
    for row in [header, *rows]:
        lines.append(
            "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)
