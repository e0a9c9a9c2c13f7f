"""Settings: defaults, round trip, and a broken file that is explained and kept."""

from __future__ import annotations

from pathlib import Path

from tui.core.settings import Settings, SettingsFile, config_dir


def test_defaults_when_missing(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path)
    assert file.load() == Settings()
    assert file.warnings == []


def test_round_trip_and_permissions(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "cfg")
    settings = Settings(session_minutes=10, support_lines=["My GP: 01234 567890"], country="GB")
    file.save(settings)
    assert SettingsFile(tmp_path / "cfg").load() == settings
    assert (file.path.stat().st_mode & 0o777) == 0o600


def test_malformed_file_falls_back_and_is_never_overwritten(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path)
    file.path.write_text("{not json", encoding="utf-8")
    assert file.load() == Settings()
    assert "not valid JSON" in file.warnings[0]
    assert file.path.read_text(encoding="utf-8") == "{not json"
    file.save(Settings(session_minutes=3))
    (aside,) = tmp_path.glob("settings.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == "{not json"
    assert SettingsFile(tmp_path).load().session_minutes == 3


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path)
    file.path.write_text(
        '{"session_minutes": "ten", "ask_ratings": false, "colour": 1}', encoding="utf-8"
    )
    settings = file.load()
    assert settings.session_minutes == 5
    assert settings.ask_ratings is False
    assert any("session_minutes" in w for w in file.warnings)
    assert any('unknown setting "colour"' in w for w in file.warnings)


def test_config_dir_override(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KINDTONE_CONFIG_DIR", str(tmp_path / "c"))
    assert config_dir() == tmp_path / "c"
    assert config_dir(str(tmp_path / "flag")) == tmp_path / "flag"
