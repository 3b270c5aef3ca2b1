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
from mnhsc_desktop.cli.support import EXIT_NOT_RESPONDING, EXIT_OK, say
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
from mnhsc_desktop.ui.shell.main_window import MainWindow
from mnhsc_desktop.ui.shell.single_instance import InstanceGuard

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
    guard = InstanceGuard(data_dir)
    if local_copy is None:  # a chosen folder that is missing is never re-created empty
        with contextlib.suppress(OSError):  # the store reports an unusable folder, in the window
            data_dir.mkdir(parents=True, exist_ok=True)
    if not guard.acquire():
        if guard.ask_running_copy_to_show():
            say(
                f"{APP_NAME} is already running for {data_dir}; its window was brought to the front."
            )
            return EXIT_OK
        say(
            f"{APP_NAME} is already running for {data_dir} but did not answer. Close it (or end it "
            "in the task manager) and try again.",
            error=True,
        )
        return EXIT_NOT_RESPONDING

    install_excepthook(data_dir)
    store = Store.open(data_dir, local_copy)
    machine = load_machine_config()
    content = load_content(
        content_dir(args.content_dir),
        # On this PC even when the data is on a network folder: it is only there for speed.
        (local_copy.parent if local_copy is not None else data_dir) / "cache",
        base=shipped_content_dir(),
    )
    window = MainWindow(content, store, app_icon(), machine)
    app.setWindowIcon(window.windowIcon())
    window.guard = guard
    window.data_folder_fixed = bool(args.data_dir) or bool(os.environ.get(DATA_DIR_ENV))
    guard.show_requested.connect(window.bring_to_front)
    from mnhsc_desktop.ui.shell.shutdown import flush_on_shutdown

    flush_on_shutdown(app, window)
    window.show()
    if args.quit_after_startup:
        # A zero timer fires once the event loop has handled the window's first show and paint.
        QTimer.singleShot(0, window.close)
    status = app.exec()
    window.guard.release()  # the guard in use now: moving the data folder replaces it
    return status
