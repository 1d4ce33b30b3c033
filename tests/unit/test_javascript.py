"""The client's pure helpers (static/js/text.js, pages.js) under Node's own test runner, so
`make test` runs them with the rest: `node --test tests/js`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_javascript_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing in CI: it runs the JavaScript unit tests (tests/js)")
        pytest.skip("node is not installed: the JavaScript unit tests (tests/js) need it")
    done = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# pass" in done.stdout and "# fail 0" in done.stdout, done.stdout[-2000:]
