"""Baseline for the start-up benchmark: a bare PySide6 window with three tabs, nothing else."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
for name in ("One", "Two", "Three"):
    tabs.addTab(QLabel(name), name)
window.setCentralWidget(tabs)
window.show()
QTimer.singleShot(0, window.close)
sys.exit(app.exec())
