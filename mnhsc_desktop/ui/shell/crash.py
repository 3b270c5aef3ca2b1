"""Unexpected errors: the user gets a sentence and a place to find details, never a traceback.

The details go to `errors.log` in the data folder, which IT or a developer can ask for.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mnhsc_desktop.core.errors import write_error_log

if TYPE_CHECKING:
    from types import TracebackType


def install_excepthook(data_dir: Path) -> None:
    """Report errors raised inside Qt callbacks in words; the app keeps running where it can."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log = write_error_log(data_dir, error)
        from PySide6.QtWidgets import QApplication, QMessageBox

        where = f"The details were saved in {log}." if log else "The details could not be saved."
        message = (
            "Something went wrong inside MNHSC Desktop. Your saved work is safe; what you were "
            f"doing may not have finished.\n\n{where} Please pass that file to your IT team."
        )
        if QApplication.instance() is not None:
            QMessageBox.critical(
                QApplication.activeWindow(), "MNHSC Desktop: unexpected problem", message
            )
        elif sys.stderr is not None:
            print(message, file=sys.stderr)

    sys.excepthook = hook
