"""The kindtone command: version, help, data dir."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import main
from tui.paths import default_data_dir, resolve_data_dir


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kindtone {__version__}"


def test_help_mentions_commands_and_care(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("session", "check", "--data-dir", "not a substitute for professional care"):
        assert word in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["dance"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_bad_minutes_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["session", "--minutes", "lots"])
    assert exit_info.value.code == 2
    assert "expected a whole number of minutes" in capsys.readouterr().err


def test_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINDTONE_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("KINDTONE_DATA_DIR")
    assert resolve_data_dir(None) == default_data_dir()
    assert default_data_dir().name == "kindtone"


def test_python_m_tui_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"kindtone {__version__}"


def test_every_command_has_a_summary_and_only_the_chosen_one_is_imported() -> None:
    from tui.cli import SUBCOMMANDS, SUMMARIES

    assert set(SUMMARIES) == set(SUBCOMMANDS)
    code = (
        "import sys; from tui.cli import main\n"
        "try:\n    main(['check', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.commands.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "['tui.commands.check']"
