"""Management commands that answer bad arguments in Vietnamese and never leave half a file.

    class Command(VietnameseArgumentsMixin, BaseCommand): ...
    check_text(value, _("Mã đơn vị"))            # NUL and other control characters refused
    write_file_atomically(options["output"], data)  # all of the file or none of it

Django's parser answers `manage.py cmd --format abc` with argparse's English ("invalid
choice"), and `open(path, "wb")` with English OS errors or, for a NUL byte, a ValueError
traceback. These helpers turn both into a `CommandError` a Vietnamese operator can act on
(issue 7, "Bad input").
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# argparse's messages (Python 3.11), most specific first, and what to say instead.
ARGPARSE_MESSAGES = (
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        gettext_lazy("Thiếu tham số bắt buộc: %(names)s."),
    ),
    (
        re.compile(r"one of the arguments (?P<names>.+) is required"),
        gettext_lazy("Cần một trong các tham số: %(names)s."),
    ),
    (
        re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"),
        gettext_lazy("Tham số %(name)s: giá trị %(value)s không hợp lệ; hãy chọn một trong: %(choices)s."),
    ),
    (
        re.compile(r"argument (?P<name>\S+): invalid int value: (?P<value>.*)"),
        gettext_lazy("Tham số %(name)s phải là một số nguyên (nhận được %(value)s)."),
    ),
    (
        re.compile(r"argument (?P<name>\S+): invalid \S+ value: (?P<value>.*)"),
        gettext_lazy("Tham số %(name)s: giá trị %(value)s không hợp lệ."),
    ),
    (
        re.compile(r"argument (?P<name>\S+): expected one argument"),
        gettext_lazy("Tham số %(name)s cần một giá trị."),
    ),
    (
        re.compile(r"argument (?P<name>\S+): not allowed with argument (?P<other>\S+)"),
        gettext_lazy("Không dùng tham số %(name)s cùng với %(other)s."),
    ),
    (
        re.compile(r"argument (?P<name>\S+): ignored explicit argument (?P<value>.*)"),
        gettext_lazy("Tham số %(name)s không nhận giá trị (nhận được %(value)s)."),
    ),
    (
        re.compile(r"ambiguous option: (?P<name>\S+) could match (?P<choices>.*)"),
        gettext_lazy("Tham số %(name)s không rõ: có thể là %(choices)s."),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.*)"),
        gettext_lazy("Lệnh không có tham số: %(names)s."),
    ),
)

# What went wrong when a file could not be written, by errno.
WRITE_ERRORS = {
    errno.ENOENT: gettext_lazy("thư mục chứa tệp không tồn tại"),
    errno.ENOTDIR: gettext_lazy("một phần của đường dẫn không phải thư mục"),
    errno.EISDIR: gettext_lazy("đường dẫn là một thư mục"),
    errno.EACCES: gettext_lazy("không có quyền ghi"),
    errno.EPERM: gettext_lazy("không có quyền ghi"),
    errno.EROFS: gettext_lazy("ổ đĩa chỉ cho đọc"),
    errno.ENAMETOOLONG: gettext_lazy("tên tệp quá dài"),
    errno.ENOSPC: gettext_lazy("ổ đĩa đã đầy"),
    errno.EDQUOT: gettext_lazy("đã hết hạn mức dung lượng"),
}

READ_ERRORS = {
    errno.ENOENT: gettext_lazy("không có tệp này"),
    errno.EACCES: gettext_lazy("không có quyền đọc"),
}


def vietnamese_argument_error(message: str) -> str:
    for pattern, text in ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match:
            return str(text) % match.groupdict()
    return _("Tham số không hợp lệ: %(message)s") % {"message": message}


class VietnameseCommandParser(CommandParser):
    def error(self, message):
        text = vietnamese_argument_error(message)
        if self.called_from_command_line:
            self.print_usage(sys.stderr)
            self.exit(2, _("%(prog)s: lỗi: %(message)s\n") % {"prog": self.prog, "message": text})
        raise CommandError(text)


class VietnameseArgumentsMixin:
    """Put first among a command's bases: its argument errors are then in Vietnamese."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = VietnameseCommandParser  # same parser, Vietnamese error()
        return parser


def check_text(value: str | None, label: str) -> str | None:
    """Refuse NUL and other control characters (PostgreSQL, XLSX and DOCX refuse them too)."""
    if value and any(unicodedata.category(ch) == "Cc" and ch not in "\t" for ch in value):
        raise CommandError(
            _("%(label)s có ký tự điều khiển (như NUL) không hợp lệ; hãy nhập lại.") % {"label": label}
        )
    return value


def read_error(path, exc: OSError) -> CommandError:
    reason = READ_ERRORS.get(exc.errno) or WRITE_ERRORS.get(exc.errno)
    reason = str(reason) if reason else _("lỗi hệ thống số %(number)s") % {"number": exc.errno}
    return CommandError(_("Không đọc được tệp %(path)s: %(reason)s.") % {"path": path, "reason": reason})


def write_error(path, exc: OSError) -> CommandError:
    reason = WRITE_ERRORS.get(exc.errno)
    reason = str(reason) if reason else _("lỗi hệ thống số %(number)s") % {"number": exc.errno}
    return CommandError(_("Không ghi được tệp %(path)s: %(reason)s.") % {"path": path, "reason": reason})


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all: a temporary file beside it, then a rename.

    A failure (missing folder, no permission, full disk, a name too long) leaves no file
    behind, and an existing file at `path` unchanged; the error is a Vietnamese CommandError.
    """
    check_text(os.fspath(path), _("Đường dẫn tệp"))
    target = Path(path)
    temporary = None
    try:
        if target.is_dir():
            raise OSError(errno.EISDIR, "is a directory")
        handle, temporary = tempfile.mkstemp(prefix=".dang-ghi-", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # as open() would have made it
        os.replace(temporary, target)
    except OSError as exc:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise write_error(path, exc) from None
    return target
