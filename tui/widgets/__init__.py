"""Reusable widgets. They present; decisions live in ``tui.core``."""
