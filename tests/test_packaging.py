"""The wheel carries the built-in exercises; the checkout (editable install) finds them too."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui.paths import builtin_exercises_dir

ROOT = Path(__file__).resolve().parent.parent


def test_editable_install_finds_the_checkout_exercises() -> None:
    assert builtin_exercises_dir() == ROOT / "exercises"
    assert len(list(builtin_exercises_dir().glob("*.toml"))) >= 8


def test_wheel_contains_exercises_schema_and_stylesheet(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {Path(n).name for n in names if n.startswith("tui/exercises/")}
    assert {p.name for p in (ROOT / "exercises").glob("*.toml")} <= shipped
    assert "exercise.schema.json" in shipped
    assert "tui/app.tcss" in names
    assert "tui/core/data/support_resources.toml" in names


def test_ci_runs_the_readmes_test_command_on_every_core() -> None:
    """CI runs exactly what the README tells people to run, and that spreads the suite over
    the cores (pytest-xdist, from the test extra)."""
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (readme_command,) = [
        line.strip()
        for line in readme.splitlines()
        if line.startswith("pip install -e '.[test]' && ")
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ci_command = ci[ci.index("# The README's test command:") + 1].strip()
    assert ci_command == readme_command
    assert readme_command.endswith("pytest -n auto")
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(dep.startswith("pytest-xdist") for dep in extra["optional-dependencies"]["test"])
