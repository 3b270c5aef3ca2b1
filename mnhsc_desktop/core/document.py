"""A printable document as parts: prose (HTML) and tables. Tables are painted row by row by
ui/shell/pdf.py (Qt's rich-text tables take seconds at thousands of rows); the same parts give
one HTML page for tests and for a preview."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

PAGE_BREAK = "\f"  # a part that starts a new page


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    shares: tuple[float, ...]  # each column's share of the width
    empty: str = "Nothing recorded."


@dataclass
class Document:
    title: str
    parts: list[str | Table] = field(default_factory=list)

    def add(self, part: str | Table) -> None:
        self.parts.append(part)

    def html(self) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append("<hr>" if part == PAGE_BREAK else part)
                continue
            out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>')
            out.append("".join(f"<th>{escape(c)}</th>" for c in part.header) + "</tr>")
            for cells in part.rows:
                out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
            if not part.rows:
                out.append(f'<tr><td colspan="{len(part.header)}">{escape(part.empty)}</td></tr>')
            out.append("</table>")
        return "".join(out)
