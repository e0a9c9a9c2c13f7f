"""kindtone's own themes: a calm default and a high-contrast one (Textual's are offered too)."""

from __future__ import annotations

from textual.theme import Theme

CALM = Theme(
    name="kindtone-calm",
    primary="#6A9FB5",
    secondary="#8FA98F",
    accent="#E0B872",
    foreground="#E6E1D8",
    background="#1E2224",
    surface="#262B2E",
    panel="#313739",
    success="#8FB98F",
    warning="#E0B872",
    error="#D98C7A",
    dark=True,
)

CALM_LIGHT = Theme(
    name="kindtone-calm-light",
    primary="#3F6F86",
    secondary="#5D7B5D",
    accent="#9A6B1F",
    foreground="#2B2A28",
    background="#F6F2EA",
    surface="#EDE7DC",
    panel="#E2DACB",
    success="#4E7A4E",
    warning="#8A5A12",
    error="#A3473A",
    dark=False,
)

HIGH_CONTRAST = Theme(
    name="kindtone-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF5555",
    dark=True,
    variables={"text-muted": "#FFFFFF", "border": "#FFFFFF"},
)

THEMES = (CALM, CALM_LIGHT, HIGH_CONTRAST)
DEFAULT_THEME = CALM.name
