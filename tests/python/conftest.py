"""Shared fixtures of the Python tests: the repository's own texts, and the command line built
from the same sources (target/release/bitext, else target/debug/bitext), which the package's
results are compared with byte for byte."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _binary():
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "bitext"
        if p.exists():
            return p
    return None


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def cli():
    """Runs the command line; returns (exit code, stdout bytes, stderr text)."""
    binary = _binary()
    if binary is None:
        pytest.skip("the command line is not built (cargo build --release)")

    def run(*args, cwd=ROOT, env=None):
        r = subprocess.run([str(binary), *map(str, args)], cwd=cwd, capture_output=True,
                           env={**os.environ, **(env or {})})
        return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")

    return run


@pytest.fixture(scope="session")
def pairs(root):
    """The official zh/en pairs of the precision set: (name, zh path, en path)."""
    d = root / "tests" / "precision" / "pairs"
    out = []
    for zh in sorted(d.glob("*.zh.txt")):
        en = zh.with_name(zh.name.replace(".zh.txt", ".en.txt"))
        if en.exists():
            out.append((zh.name[: -len(".zh.txt")], zh, en))
    assert out, "no pairs in tests/precision/pairs"
    return out
