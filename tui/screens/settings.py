"""Settings: what a session looks like, support lines, and how kindtone looks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, RadioSet, Select, TextArea

from tui.core.settings import MAX_SUPPORT_LINES, SESSION_LENGTHS, country_problem
from tui.core.vault import lock_status
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.text_box import TextBox
from tui.widgets.toggles import Choice, ChoiceSet, Tick

if TYPE_CHECKING:
    from tui.app import KindtoneApp


class SettingsScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #length {
        height: auto;
    }

    #support-lines {
        height: 6;
    }

    #settings Checkbox {
        margin-top: 1;
    }

    #theme {
        width: 40;
    }

    .problem {
        display: none;
        color: $error;
        text-style: bold;
    }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "back", "Back"),
    ]
    AUTO_FOCUS = ""  # see on_mount

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        custom = settings.session_minutes not in SESSION_LENGTHS
        with VerticalScroll(id="settings", classes="page"):
            yield LiteralText("Settings", classes="title")
            yield LiteralText("Session length", classes="field-label")
            with ChoiceSet(id="length", compact=True):
                for minutes in SESSION_LENGTHS:
                    yield Choice(
                        Content(f"{minutes} minutes"),
                        value=settings.session_minutes == minutes,
                        name=str(minutes),
                    )
                yield Choice(Content("Custom"), value=custom, name="custom")
            yield Input(
                str(settings.session_minutes) if custom else "",
                placeholder="minutes (1-60)",
                type="integer",
                id="custom-minutes",
                compact=True,
                max_length=2,
            )
            # Right under the field, so it is seen where the mistake is (not below the fold).
            yield LiteralText("", id="custom-problem", classes="problem")
            yield Tick(
                Content("Ask the check-in and check-out ratings"),
                value=settings.ask_ratings,
                id="ask-ratings",
                compact=True,
            )
            yield Tick(
                Content("Reduced motion (a gentle count instead of the breathing animation)"),
                value=settings.reduced_motion,
                id="reduced-motion",
                compact=True,
            )
            yield LiteralText("Theme", classes="field-label")
            themes = sorted(self.app.available_themes)
            yield Select(
                [(Content(name), name) for name in themes],
                value=self.app.theme if self.app.theme in themes else Select.NULL,
                allow_blank=False,
                id="theme",
                compact=True,
            )
            yield LiteralText("Support screen", classes="prompt")
            yield LiteralText(
                "Your country code (e.g. US, GB). kindtone has a line of its own only for the "
                "US (988); elsewhere it points to findahelpline.com. Empty shows everything.",
                classes="field-label",
            )
            yield Input(settings.country, id="country", compact=True, max_length=8)
            yield LiteralText(
                f"Your own support lines, one per line (up to {MAX_SUPPORT_LINES}): "
                "a friend, your GP, a therapist, a local service.",
                classes="field-label",
            )
            yield TextBox("\n".join(settings.support_lines), id="support-lines")
            yield LiteralText("Where your data lives", classes="prompt")
            yield LiteralText(str(self.app.data_dir), id="data-dir")
            yield LiteralText(lock_status(self.app.data_dir), id="lock-status")
            yield LiteralText(
                "To use another folder, start kindtone with --data-dir DIR "
                "(or set KINDTONE_DATA_DIR). Settings are kept in "
                f"{self.app.settings_file.path}.",
                classes="muted",
            )
            yield LiteralText("", id="settings-problems")
            with Horizontal(classes="buttons"):
                yield Button(Content("Save"), compact=True, id="save", variant="primary")
                yield Button(Content("Back"), compact=True, id="back")
        yield KeysFooter()

    def on_mount(self) -> None:
        # The first choice, without centring it: the page opens at its top, title and all.
        self.query_one("#length", RadioSet).focus(scroll_visible=False)
        self.original_theme = self.app.theme
        self.app.previewing_theme = True  # a theme tried here is kept only on Save
        self.call_after_refresh(self._remember)

    def _remember(self) -> None:
        self.original = self._form()

    def _form(self) -> tuple[object, ...]:
        pressed = self.query_one("#length", RadioSet).pressed_button
        return (
            pressed.name if pressed is not None else None,
            self.query_one("#custom-minutes", Input).value,
            self.query_one("#ask-ratings", Tick).value,
            self.query_one("#reduced-motion", Tick).value,
            self.app.theme,
            self.query_one("#country", Input).value,
            self.query_one("#support-lines", TextArea).text,
        )

    def on_unmount(self) -> None:
        self.app.previewing_theme = False

    def _leave_unsaved(self) -> None:
        self.app.previewing_theme = False
        self.app.theme = self.original_theme
        self.app.pop_screen()

    def action_back(self) -> None:
        """Leaving with changes asks first; nothing is half-saved."""
        if self._form() == getattr(self, "original", None):
            self._leave_unsaved()
            return
        from tui.screens.confirm import ConfirmScreen

        def decided(leave: bool | None) -> None:
            if leave:
                self._leave_unsaved()

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving?",
                "Your changes to the settings will be lost.",
                yes="Leave without saving",
                no="Keep editing",
            ),
            decided,
        )

    def _show_custom_problem(self, raw: str, *, blank_ok: bool = False) -> None:
        ok = (blank_ok and not raw) or (raw.isdigit() and 1 <= int(raw) <= 60)
        problem = self.query_one("#custom-problem", LiteralText)
        problem.set_text("" if ok else "Please enter a number of minutes from 1 to 60.")
        problem.display = not ok

    @on(Input.Changed, "#custom-minutes")
    def _custom_typed(self, event: Input.Changed) -> None:
        # Said while typing, once there is something to judge.
        self._show_custom_problem(event.value.strip(), blank_ok=True)
        if event.value.strip():
            # Minutes typed here are a custom length: Save must not keep a preset chosen above.
            for choice in self.query_one("#length", RadioSet).query(Choice):
                if choice.name == "custom" and not choice.value:
                    choice.value = True

    @on(Select.Changed, "#theme")
    def _preview_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        settings = self.app.settings
        pressed = self.query_one("#length", RadioSet).pressed_button
        choice = pressed.name if pressed is not None else str(settings.session_minutes)
        if choice == "custom":
            raw = self.query_one("#custom-minutes", Input).value.strip()
            if not raw.isdigit() or not 1 <= int(raw) <= 60:
                self._show_custom_problem(raw)
                field = self.query_one("#custom-minutes", Input)
                field.focus(scroll_visible=False)
                self.query_one("#settings", VerticalScroll).scroll_to_widget(
                    self.query_one("#length"), animate=False, top=True
                )
                return
            minutes = int(raw)
        else:
            minutes = int(choice or settings.session_minutes)
        country = self.query_one("#country", Input)
        problem = country_problem(country.value)
        if problem is not None:  # "[/]GB" was saved, and matched no country's lines
            self.notify(problem, title="Country", severity="error", markup=False)
            country.focus()
            return
        lines = [
            line.strip()
            for line in self.query_one("#support-lines", TextArea).text.splitlines()
            if line.strip()
        ]
        settings.session_minutes = minutes
        settings.ask_ratings = self.query_one("#ask-ratings", Checkbox).value
        settings.reduced_motion = self.query_one("#reduced-motion", Checkbox).value
        settings.country = self.query_one("#country", Input).value.strip().upper()
        settings.support_lines = [line[:200] for line in lines[:MAX_SUPPORT_LINES]]
        settings.theme = self.app.theme
        self.app.previewing_theme = False
        self.app.apply_settings()
        self.app.save_settings()
        self.notify("Settings saved.", markup=False)
        self.app.pop_screen()
