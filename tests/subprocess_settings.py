"""The test settings for the suite's subprocesses (building the demo template, restoring a backup):
the same as `congdoan.settings.test`, with the media folder taken from MEDIA_ROOT."""

import os
from pathlib import Path

from congdoan.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
