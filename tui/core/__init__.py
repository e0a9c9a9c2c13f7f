"""The practice core: exercises, sessions, self-talk analysis, safety and storage.

Nothing under ``tui.core`` may import Textual or Rich: the CLI, plain mode and tests use
it directly, and an import-linter contract (plus a test) keeps it that way.
"""
