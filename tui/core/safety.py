"""Support resources for the safety screen, kept in a data file so they can be checked.

Only entries that can be cited ship (see the data file's sources). People can add their
own lines (a therapist, a friend, a local service) in settings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Resource:
    name: str
    region: str
    how: str
    url: str | None = None
    phone: str | None = None
    text_number: str | None = None
    source: str | None = None

    def line(self) -> str:
        """One readable line; the region only where it narrows, the address only if new."""
        region = "" if self.region in ("Everywhere", "International") else f" ({self.region})"
        line = f"{self.name}{region}: {self.how}"
        if self.url and self.url.removeprefix("https://").rstrip("/") not in self.how:
            line += f" {self.url}"
        return line


CRISIS_PAUSE = (
    "Thank you for writing that down. It sounds like you're carrying something very heavy "
    "right now. Let's pause the exercise. What you wrote is kept."
)

NOT_A_CRISIS_SERVICE = (
    "kindtone is a practice tool. It is not a crisis service and can't reach anyone for you."
)


def resources_for(resources: list[Resource], country: str) -> list[Resource]:
    """With a country set, keep that country's lines and the ones meant for everyone."""
    if not country:
        return resources
    wanted = country.strip().upper()
    kept = [r for r in resources if r.region.upper() in (wanted, "INTERNATIONAL", "EVERYWHERE")]
    return kept or resources


def support_lines(country: str, own_lines: list[str]) -> list[str]:
    """What a support screen lists: the cited lines for the person's country, then their own."""
    return [r.line() for r in resources_for(load_resources(), country)] + list(own_lines)


def load_resources() -> list[Resource]:
    text = resources.files("tui.core").joinpath("data/support_resources.toml").read_text("utf-8")
    data = tomllib.loads(text)
    fields = set(Resource.__dataclass_fields__)
    return [
        Resource(**{k: v for k, v in entry.items() if k in fields})
        for entry in data.get("resources", [])
    ]
