"""Sharing a QI project as one file and taking one in: the privacy check before it leaves,
a preview before it comes in, and a question before it could replace the project it came from
(keep both, or replace; Edit > Undo either way)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from mnhsc_desktop.core.qi import share
from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes


def share_project(parent: QWidget, key: str, value: dict) -> str | None:
    from mnhsc_desktop.ui.qi.page_commands import privacy_ok
    from mnhsc_desktop.ui.shell.file_choice import ask_save_path, file_stem

    if not privacy_ok(parent, value, "share it"):
        return None
    suggested = f"{file_stem(value['title'], 'qi-project')}{share.SUFFIX}"
    path = ask_save_path(parent, "Share the project as a file", suggested,
                         f"Shared QI project (*{share.SUFFIX})", share.SUFFIX)  # fmt: skip
    if path is None:
        return None
    try:
        atomic_write_bytes(path, share.shared_bytes(key, value))
    except WriteFailed as error:
        QMessageBox.warning(parent, "The project was not shared", str(error))
        return None
    return (
        f"Saved “{value['title']}” as {path}: open it with Import a shared project on the other PC."
    )


def import_project(parent: QWidget, store) -> str | None:
    """The key the project was saved under (None: cancelled or refused, with a message)."""
    from mnhsc_desktop.core.input_files import InputRefused
    from mnhsc_desktop.core.qi.projects import project
    from mnhsc_desktop.ui.shell.file_choice import choose_open_file

    path = choose_open_file(parent, "Import a shared QI project",
                            f"Shared QI project (*{share.SUFFIX});;All files (*)")  # fmt: skip
    if path is None:
        return None
    try:
        shared = share.read_shared(path)
    except InputRefused as refusal:
        QMessageBox.warning(
            parent, "Nothing imported", f"{path.name} was not read: {refusal.reason}."
        )
        return None
    here = project(store, shared.key)
    box = QMessageBox(parent)
    box.setWindowTitle("Import a shared project")
    box.setIcon(QMessageBox.Icon.Question)
    if here is None:
        box.setText(f"Import {shared.summary()}")
        take = box.addButton("&Import", QMessageBox.ButtonRole.AcceptRole)
        replace = None
    else:
        box.setText(f"{shared.summary()}\n\nThis PC already has this project (“{here['title']}”). "
                    "Keep both, or replace the one here with the file's? Edit > Undo puts it back.")  # fmt: skip
        take = box.addButton("&Keep both", QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton("&Replace the one here", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() not in (take, replace) or box.clickedButton() is None:
        return None
    return share.take_in(store, shared, replace=box.clickedButton() is replace)
