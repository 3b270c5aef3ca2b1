"""The page's "What is Quality Improvement?" section, offline: the 3Ls in the page's own words
and, under each level, the resources the page lists for it."""

from __future__ import annotations

from html import escape

from mnhsc_desktop.core.ladder.ladder import LadderFile


def what_is_qi_html(ladder: LadderFile) -> str:
    parts = ["<h2>What is Quality Improvement?</h2>", f"<p>{escape(ladder.note)}</p>"]
    for level in ladder.levels:
        parts.append(f"<h3>{escape(level.name)}: {escape(level.heading)}</h3>")
        parts.append(f"<p>{escape(level.definition)}</p>")
        listed = [r.page_text for r in ladder.resources if r.level == level.id]
        if listed:
            items = "".join(f"<li>{escape(text)}</li>" for text in listed)
            parts.append(
                f"<p>Resources the page lists for this level (open the QI ladder to log them):</p><ul>{items}</ul>"
            )
    parts.append(f"<p><small>{escape(ladder.credit)}</small></p>")
    return "".join(parts)
