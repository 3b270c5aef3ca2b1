"""Reading JSON that a person or another program wrote, with limits, so no file can hang, exhaust
or crash the app: regular files only, size checked on the opened file, numbers that Python can
hold, and every duplicated key noticed rather than silently dropped.

Numbers beyond the limits (NaN, Infinity, 1e400, thousands of digits) do not fail the whole read:
they come back as `Unusable` markers, which no schema accepts, so only the item holding one is set
aside. Nesting too deep for the parser fails the read as a whole (InputRefused).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from mnhsc_desktop.core.input_files import InputRefused, read_bounded

__all__ = ["InputRefused", "Parsed", "Unusable", "has_lone_surrogate", "parse", "read_bounded"]

MAX_INT_DIGITS = 18  # well past any count, minutes or sequence; Python's own limit is 4,300
_LONE_SURROGATE = "[\ud800-\udfff]"


class Unusable:
    """A number the file holds that no part of the app can use (it is shown as written).
    (Plain classes here, not dataclasses: this module is on the start-up path.)"""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Unusable({self.text!r})"


class Parsed:
    __slots__ = ("duplicate_keys", "value")

    def __init__(self, value: Any, duplicate_keys: list[str]) -> None:
        self.value = value
        self.duplicate_keys = duplicate_keys


def parse(raw: bytes) -> Parsed:
    """JSON from bytes (UTF-8, with or without a byte-order mark).

    Raises InputRefused when the text is not JSON at all or nests too deeply to read.
    """
    duplicates: list[str] = []

    def pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            duplicates.extend(key for key, _v in pairs if key in seen or seen.add(key))
        return result

    try:
        text = raw.decode("utf-8-sig") if raw[:3] == b"\xef\xbb\xbf" else raw.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=pairs_to_dict,
            parse_int=_int,
            parse_float=_float,
            parse_constant=Unusable,
        )
    except UnicodeDecodeError as error:
        raise InputRefused(
            f"it is not UTF-8 text ({error.reason} at byte {error.start})", not_json=True
        ) from error
    except json.JSONDecodeError as error:
        if not raw.strip():
            raise InputRefused("the file is empty", not_json=True) from error
        raise InputRefused(f"it is not valid JSON ({error})", not_json=True) from error
    except RecursionError as error:
        raise InputRefused("it is nested too deeply to be a file this app wrote") from error
    return Parsed(value, duplicates)


def _int(text: str) -> int | Unusable:
    digits = len(text) - (text[0] == "-")
    return int(text) if digits <= MAX_INT_DIGITS else Unusable(text[:20] + "…")


def _float(text: str) -> float | Unusable:
    value = float(text)
    return value if math.isfinite(value) else Unusable(text[:20])


def has_lone_surrogate(text: str) -> bool:
    """True for text holding half of a UTF-16 pair (a JSON escape like \\ud800), which cannot be
    saved as UTF-8: every save would fail."""
    return not text.isascii() and re.search(_LONE_SURROGATE, text) is not None
