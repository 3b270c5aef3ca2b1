"""Which screen the room sees and which the facilitator sees, as plain data so it can be
decided (and tested) without any real screens: the projector is remembered for each set-up of
screens (the seminar room's, the ward office's), a single screen still runs the session, and a
screen unplugged mid-session moves its window to one that is left."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenInfo:
    name: str
    width: int
    height: int
    primary: bool = False

    def words(self) -> str:
        return f"{self.name} ({self.width} × {self.height})" + (" — this PC's main screen"
                                                              if self.primary else "")  # fmt: skip


def unique_names(names: list[str]) -> list[str]:
    """A name for each screen that no other has: two X screens, or two monitors of one model,
    can report the same name; the second becomes "screen 2" (its place in the list)."""
    found: list[str] = []
    for number, name in enumerate(names, start=1):
        name = name or "Screen"
        found.append(f"{name} {number}" if name in found else name)
    return found


def setup_key(screens: list[ScreenInfo]) -> str:
    """The same screens plugged in give the same key, whatever order the system lists them."""
    return "|".join(sorted(f"{s.name}:{s.width}x{s.height}" for s in screens))[:250]


def choose(screens: list[ScreenInfo], remembered: str | None) -> tuple[str, str | None]:
    """(the audience's screen, the presenter's or None): the remembered projector when it is
    plugged in; else a screen that is not the main one (a projector usually is not); the
    presenter view goes on another screen, the main one if it can."""
    names = [s.name for s in screens]
    if not screens:
        return "", None
    if remembered in names:
        audience = remembered
    else:
        audience = next((s.name for s in screens if not s.primary), screens[0].name)
    others = [s for s in screens if s.name != audience]
    presenter = next((s.name for s in others if s.primary), others[0].name if others else None)
    return audience, presenter


def after_change(screens: list[ScreenInfo], audience: str, presenter: str | None
                 ) -> tuple[str, str | None]:  # fmt: skip
    """Where the two views go when a screen comes or goes mid-session. The room keeps its view
    if its screen is still there; if the projector went, the room's view moves to a screen that
    is left and the presenter view stays beside it only when there is another screen."""
    names = [s.name for s in screens]
    if not screens:
        return audience, presenter
    if audience not in names:
        audience = presenter if presenter in names else names[0]
        presenter = None
    if presenter is not None and presenter not in names:
        presenter = None
    if presenter is None:
        presenter = next((n for n in names if n != audience), None)
    return audience, presenter
