"""``import claimcheck`` stays light: heavy or optional pieces load on first use."""

from __future__ import annotations

import subprocess
import sys


def test_import_is_light():
    code = (
        "import sys, claimcheck; "
        "heavy = [m for m in ('pandas', 'click', 'sqlite3', 'rapidfuzz', 'claimcheck.auditing', "
        "'claimcheck.extraction', 'claimcheck.render') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_names():
    import claimcheck

    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None, name
    assert callable(claimcheck.audit) and callable(claimcheck.extract)
