"""File > Export session pack… and Import session pack…: a plan, its handout and its attached
films and documents as one checked file for a USB stick, and the same file taken in on another
PC after a preview (every name, kind, size and checksum checked first; nothing overwritten)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from mnhsc_desktop.core.culture.pack_export import SUFFIX

FILTER = f"Session pack (*{SUFFIX})"


def handout_bytes(plan, activities) -> bytes:
    """The plan's handout as PDF bytes (the same as the planner's handout)."""
    import tempfile

    from mnhsc_desktop.core.culture.plans import handout_html
    from mnhsc_desktop.ui.shell.pdf import PORTRAIT, html_to_pdf

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "handout.pdf"
        html_to_pdf(handout_html(plan, activities), path, plan.name, PORTRAIT)
        return path.read_bytes()


def _busy(action):
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return action()
    finally:
        QApplication.restoreOverrideCursor()


def choose_plan(parent: QWidget, store, preferred=None):
    from mnhsc_desktop.core.culture.plans import plans

    saved = plans(store)
    if not saved:
        QMessageBox.information(parent, "No session plans yet", "Plan a session first: Culture "
                                "library > Session plan > New.")  # fmt: skip
        return None
    names = [p.name for p in saved]
    current = next((i for i, p in enumerate(saved) if preferred and p.id == preferred.id), 0)
    name, ok = QInputDialog.getItem(parent, "Export session pack", "Which session?", names,
                                    current, False)  # fmt: skip
    return saved[names.index(name)] if ok and name in names else None


def export_pack(parent: QWidget, store, activities, preferred=None) -> str | None:
    """What to say in the status bar; None when cancelled or a message said why not."""
    from mnhsc_desktop.core.culture.pack_export import attached_files, left_behind, write_pack
    from mnhsc_desktop.core.store.atomic import WriteFailed
    from mnhsc_desktop.ui.shell.file_choice import ask_save_path, file_stem

    plan = choose_plan(parent, store, preferred)
    if plan is None:
        return None
    files = attached_files(store, plan)
    if missing := left_behind(store, plan):
        answer = QMessageBox.question(
            parent, "Some attached files cannot travel",
            "These will be left out of the pack:\n\n" + "\n".join(f"• {m}" for m in missing[:8])
            + f"\n\nMake the pack with the plan, its handout and the other {len(files)} file(s)?",
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return None
    suggested = f"{file_stem(plan.name, 'session')}{SUFFIX}"
    path = ask_save_path(parent, "Export session pack", suggested, FILTER,
                         SUFFIX)  # fmt: skip
    if path is None:
        return None
    try:
        _busy(lambda: write_pack(path, store, plan, handout_bytes(plan, activities)))
    except WriteFailed as error:
        QMessageBox.warning(parent, "The pack was not written", str(error))
        return None
    return (f"Wrote “{plan.name}” with its handout and {len(files)} file(s) to {path}. On the "
            "other PC: File > Import session pack.")  # fmt: skip


def import_pack(parent: QWidget, store) -> str | None:
    """The new plan's id after a preview and the user's yes; None otherwise."""
    from mnhsc_desktop.core.culture.pack_import import install_pack, read_pack, staging_for
    from mnhsc_desktop.core.input_files import InputRefused
    from mnhsc_desktop.ui.shell.file_choice import choose_open_file

    path = choose_open_file(parent, "Import session pack", f"{FILTER};;All files (*)")
    if path is None:
        return None
    try:
        preview = _busy(lambda: read_pack(path, staging_for(store)))
    except OSError as error:
        QMessageBox.warning(parent, "Nothing was taken in", f"{path.name} could not be checked "
                            f"into the data folder: {error.strerror or error}.")  # fmt: skip
        return None
    except InputRefused as refusal:
        QMessageBox.warning(parent, "Nothing was taken in", f"{path.name} was not taken in: "
                            f"{refusal.reason}.")  # fmt: skip
        return None
    listed = "\n".join(f"• {f.name} ({f.size / 1024**2:.1f} MB)" for f in preview.files[:10])
    answer = QMessageBox.question(
        parent, "Import this session pack?",
        f"{preview.summary()} Every file's name, kind and checksum has been checked."
        + (f"\n\n{listed}" if listed else "") + "\n\nFiles go into your data folder; a file "
        "already there is never replaced. Edit > Undo takes the plan back out.",
    )  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        preview.discard()
        return None
    try:
        result = _busy(lambda: install_pack(preview, store))
    except (InputRefused, OSError) as error:
        preview.discard()
        QMessageBox.warning(parent, "Nothing was taken in", str(getattr(error, "reason", error)))
        return None
    return result.plan_id
