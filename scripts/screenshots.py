"""Regenerate the README screenshots from the real window:  python scripts/screenshots.py

Renders off screen (no display needed) with a fresh data folder, so nothing personal appears.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mnhsc_desktop.core.content import load_content
from mnhsc_desktop.core.paths import shipped_content_dir
from mnhsc_desktop.core.store import Store
from mnhsc_desktop.ui.app import app_icon, make_application
from mnhsc_desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SHOTS = {"home": 0, "calendar": 1}


def main() -> int:
    app = make_application(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        window = MainWindow(load_content(shipped_content_dir()), Store.open(Path(data)), app_icon())
        window.resize(1200, 700)
        window.show()
        for name, tab in SHOTS.items():
            window.tabs.setCurrentIndex(tab)
            app.processEvents()
            if name == "calendar":  # what a clinician does first: find a session
                window.calendar_tab.search.setText("hypo")
                window.calendar_tab.table.selectRow(0)
                app.processEvents()
            window.grab().save(str(OUT / f"{name}.png"))
            print(f"wrote {OUT / name}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
