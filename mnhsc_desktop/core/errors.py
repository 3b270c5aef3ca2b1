"""Unexpected errors: details go to `errors.log` in the data folder; people get a sentence."""

from __future__ import annotations

from pathlib import Path

LOG_FILE = "errors.log"
MAX_LOG_BYTES = 512 * 1024


def write_error_log(data_dir: Path, error: BaseException) -> Path | None:
    """Append the traceback to the log; returns its path, or None when it cannot be written."""
    import datetime as dt
    import traceback

    log = data_dir / LOG_FILE
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        if log.exists() and log.stat().st_size > MAX_LOG_BYTES:
            log.replace(log.with_suffix(".old.log"))
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        return None
    return log
