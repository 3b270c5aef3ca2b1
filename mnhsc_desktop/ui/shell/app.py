"""Start the GUI: one QApplication, one window per data folder, the store and content loaded."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mnhsc_desktop import APP_ID, APP_NAME, __version__
from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.machine_config import load_machine_config
from mnhsc_desktop.core.store.paths import (
    DATA_DIR_ENV,
    content_dir,
    resources_dir,
    shipped_content_dir,
    user_data_dir,
)
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.crash import install_excepthook
from mnhsc_desktop.ui.shell.folder_claim import claim_folder
from mnhsc_desktop.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    import argparse


def app_icon() -> QIcon:
    icon = QIcon()
    for path in sorted((resources_dir() / "icons").glob("app-*.png")):
        icon.addFile(str(path))
    return icon


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def run_gui(args: argparse.Namespace) -> int:
    app = make_application(sys.argv[:1])
    data_dir = user_data_dir(args.data_dir)
    local_copy = None
    if not args.data_dir:
        from mnhsc_desktop.core.store.data_folder import environment_chooses, local_copy_for

        if not environment_chooses():  # the folder chosen in the app, if any
            local_copy = local_copy_for(data_dir)
    if local_copy is None:  # a chosen folder that is missing is never re-created empty
        with contextlib.suppress(OSError):  # the store reports an unusable folder, in the window
            data_dir.mkdir(parents=True, exist_ok=True)
    claim = claim_folder(data_dir)
    if claim.exit_code is not None:
        return claim.exit_code

    install_excepthook(data_dir)
    store = Store.open(data_dir, local_copy)
    if claim.read_only_because:
        store.hold_read_only(claim.read_only_because)
    machine = load_machine_config()
    content = load_content(
        content_dir(args.content_dir),
        # On this PC even when the data is on a network folder: it is only there for speed.
        (local_copy.parent if local_copy is not None else data_dir) / "cache",
        base=shipped_content_dir(),
    )
    window = MainWindow(content, store, app_icon(), machine)
    app.setWindowIcon(window.windowIcon())
    window.guard = claim.guard
    window.data_folder_fixed = bool(args.data_dir) or bool(os.environ.get(DATA_DIR_ENV))
    claim.guard.show_requested.connect(window.bring_to_front)
    if claim.status:
        window.statusBar().showMessage(claim.status, 20000)
    from mnhsc_desktop.ui.shell.shutdown import flush_on_shutdown

    flush_on_shutdown(app, window)
    window.show()
    if args.quit_after_startup:
        # A zero timer fires once the event loop has handled the window's first show and paint.
        QTimer.singleShot(0, window.close)
    status = app.exec()
    window.guard.release()  # the guard in use now: moving the data folder replaces it
    return status
