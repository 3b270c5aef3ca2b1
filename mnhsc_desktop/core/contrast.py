"""Text contrast as WCAG 2.2 defines it, so palettes can be checked against 4.5:1 (AA)."""

from __future__ import annotations

MINIMUM_TEXT_CONTRAST = 4.5  # WCAG 2.2 AA, normal-size text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """From 1 (the same colour) to 21 (black on white); the order of the colours does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def dimmed(
    text: tuple[int, int, int], background: tuple[int, int, int], target: float = 4.6
) -> tuple[int, int, int]:
    """The colour furthest towards the background that still reads at `target`:1, for text
    that should look secondary (past events) without failing WCAG AA as a 50% grey does."""
    best = text
    for step in range(1, 20):
        share = step / 20
        mixed = tuple(round(t + (b - t) * share) for t, b in zip(text, background, strict=True))
        if contrast_ratio(mixed, background) < target:
            break
        best = mixed
    return best  # type: ignore[return-value]


def readable(
    color: tuple[int, int, int], background: tuple[int, int, int], target: float = 4.6
) -> tuple[int, int, int]:
    """`color` darkened (on a light background) or lightened (on a dark one) just enough to read
    at `target`:1, for a colour that carries a convention, such as red weekends in a calendar."""
    toward = (0, 0, 0) if relative_luminance(background) > 0.18 else (255, 255, 255)
    for step in range(21):
        share = step / 20
        mixed = tuple(round(c + (t - c) * share) for c, t in zip(color, toward, strict=True))
        if contrast_ratio(mixed, background) >= target:
            return mixed  # type: ignore[return-value]
    return toward
