"""Exit codes and output shared by the command-line modules."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NOT_RESPONDING = 3


def say(text: str, *, error: bool = False) -> None:
    """Print, tolerating the missing console of a Windows GUI launch."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream)
