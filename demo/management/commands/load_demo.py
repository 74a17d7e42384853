"""`manage.py load_demo [--posts N]`: the demo federation, idempotent; see demo/steps.py."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo import summary
from demo.bulk import bulk_create_posts
from demo.steps import STEPS
from safety.commands import VietnameseArgumentsMixin


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _("Nạp dữ liệu mẫu: đơn vị, trang, ảnh, tin - bài, tài khoản (chạy lại không tạo trùng).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--posts",
            type=int,
            default=0,
            metavar="N",
            help=_("Thêm N tin - bài sinh tự động (đo hiệu năng)."),
        )
        parser.add_argument("--seed", type=int, default=None, help=_("Hạt giống ngẫu nhiên cho --posts."))

    def handle(self, *args, posts=0, seed=None, verbosity=1, **options):
        if posts < 0:
            # Checked before any step runs: a bad number changes nothing.
            raise CommandError(_("--posts phải là số không âm (nhận được %(posts)s).") % {"posts": posts})
        started = time.monotonic()
        for label, step in STEPS:
            step_started = time.monotonic()
            result = step()
            if verbosity >= 1:
                seconds = time.monotonic() - step_started
                self.stdout.write(
                    _("%(label)s: %(result)s (%(seconds).1f giây)")
                    % {"label": label, "result": result or _("xong"), "seconds": seconds}
                )
        if posts > 0:
            bar = summary.ProgressBar(self.stdout, posts) if verbosity >= 1 else None
            step_started = time.monotonic()
            created = bulk_create_posts(posts, seed=seed, progress=bar.update if bar else None)
            if bar:
                bar.finish()
                seconds = time.monotonic() - step_started
                self.stdout.write(
                    _("Tin - bài sinh thêm: %(count)s (%(seconds).1f giây)")
                    % {"count": summary.number(created), "seconds": seconds}
                )
        if verbosity >= 1:
            self.stdout.write(summary.report())
            self.stdout.write(summary.accounts_table())
            self.stdout.write(_("Xong sau %(seconds).1f giây.") % {"seconds": time.monotonic() - started})
