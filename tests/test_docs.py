"""Generated docs stay in step with the rules and dictionaries."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_rules_doc_is_current():
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert r.returncode == 0, r.stderr
