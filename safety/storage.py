"""Media storage that leaves nothing behind when the disk is full.

Django's FileSystemStorage creates the file, then writes it chunk by chunk; when a write fails
(ENOSPC: no space left, EDQUOT: quota exceeded, EIO) the truncated file stays in MEDIA_ROOT with
no database row pointing to it. This storage removes the file it created before re-raising, so a
failed upload stores nothing. The error itself becomes the Vietnamese "storage full" page
(safety.faults.server_error).
"""

from __future__ import annotations

import contextlib
import os

from django.core.files.storage import FileSystemStorage


class CleanFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.lexists(full_path)
        try:
            return super()._save(name, content)
        except OSError:
            # Only a file this call created (a name taken meanwhile makes Django pick another one,
            # which a retry after the error starts again from).
            if not existed:
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    os.remove(full_path)
            raise
