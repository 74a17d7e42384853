"""Settings for the restore subprocess of test_backup.py: the test settings with its own media folder."""

import os
from pathlib import Path

from congdoan.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
