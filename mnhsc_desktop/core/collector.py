"""Python's cycle collector held back while work makes many small objects and no cycles.

The collector runs after every few hundred new objects and walks every object still alive: over
work that makes tens of thousands (a chart's 10,000 points, a calendar file's events) it costs
more than the work itself while finding nothing to free. Reference counting still frees every
object as usual meanwhile; the collector runs again, as before, once the work is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_waiting() -> Iterator[None]:
    """Hold the cycle collector for the `with` block (nested or on a thread: it is restored only
    by the block that held it)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
