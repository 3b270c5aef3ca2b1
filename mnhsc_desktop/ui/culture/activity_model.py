"""The list of activities in the Culture library: a thin model over what core's search returned,
which can also be dragged into the session planner."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mnhsc_desktop.core.culture.culture import TYPES, WHO, Activity

ACTIVITY_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def describe(activity: Activity) -> str:
    who = " or ".join(WHO[w].lower() for w in activity.who)
    return f"{TYPES[activity.type]} · {who} · {activity.minutes} min"


class ActivityModel(QAbstractListModel):
    """The activities that pass the filter (core does the filtering; this only shows them)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Activity] = []
        self.favourites: set[str] = set()

    def set_rows(self, rows: list[Activity], favourites: set[str]) -> None:
        self.beginResetModel()
        self.rows, self.favourites = rows, favourites
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        from mnhsc_desktop.ui.culture.planner import ACTIVITY_MIME

        return [ACTIVITY_MIME]

    def mimeData(self, indexes):
        from mnhsc_desktop.ui.culture.planner import activity_mime

        return activity_mime(self.rows[indexes[0].row()].id) if indexes else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        activity = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            star = "★ " if activity.id in self.favourites else ""
            return f"{star}{activity.title}\n{describe(activity)}"
        if role == ACTIVITY_ROLE:
            return activity
        return None
