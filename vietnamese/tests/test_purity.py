import subprocess
import sys
from pathlib import Path

import pytest

PURE_MODULES = ["dates", "periods", "money", "numwords", "text", "sorting"]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_modules_do_not_import_django(module):
    code = f"import sys, vietnamese.{module}; assert 'django' not in sys.modules, sorted(sys.modules)"
    root = Path(__file__).resolve().parents[2]
    # Fresh interpreter: the test process itself has Django loaded.
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)  # noqa: S603 (fixed argv)
