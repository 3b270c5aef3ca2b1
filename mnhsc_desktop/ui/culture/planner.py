"""The facilitator's session planner: activities and free items in order, minutes each, the total,
several named plans, a handout to print, and run mode."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.culture.culture import Activity
from mnhsc_desktop.core.culture.plans import (
    Plan,
    PlanItem,
    delete_plan,
    duplicate_plan,
    item_for,
    new_plan,
    plans,
    save_plan,
)
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.widgets import named_button

ACTIVITY_MIME = "application/x-mnhsc-activity"
ITEM_ROLE = Qt.ItemDataRole.UserRole


def activity_mime(activity_id: str) -> QMimeData:
    data = QMimeData()
    data.setData(ACTIVITY_MIME, activity_id.encode("utf-8"))
    data.setText(activity_id)
    return data


class PlanList(QListWidget):
    """Reorders by drag and drop, and takes activities dropped from the library list."""

    activity_dropped = Signal(str, int)
    reordered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setAccessibleName("Session plan")

    def _external(self, event) -> bool:
        return event.mimeData().hasFormat(ACTIVITY_MIME)

    def dragEnterEvent(self, event) -> None:
        if self._external(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._external(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if self._external(event):
            row = self.indexAt(event.position().toPoint()).row()
            self.activity_dropped.emit(
                bytes(event.mimeData().data(ACTIVITY_MIME).data()).decode("utf-8"), row
            )
            event.acceptProposedAction()
            return
        super().dropEvent(event)
        self.reordered.emit()


class PlannerPanel(QWidget):
    status = Signal(str)
    run_requested = Signal(object)
    handout_requested = Signal(object, str)  # the plan, and "pdf" or "print"

    def __init__(
        self,
        store: Store,
        activities: tuple[Activity, ...],
        selected_activity,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.activities = {a.id: a for a in activities}
        self.selected_activity = selected_activity  # a callable: the activity chosen in the library
        self.plan: Plan | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel("&Plan:")
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Plan")
        label.setBuddy(self.chooser)
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        self.new_button = self._button("New…", "New plan", self.new)
        self.copy_button = self._button("Dup&licate", "Duplicate this plan", self.duplicate)
        self.rename_button = self._button("Rena&me…", "Rename this plan", self.rename)
        self.delete_button = self._button("Delete plan", "Delete this plan", self.delete)
        for button in (self.new_button, self.copy_button, self.rename_button, self.delete_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.items = PlanList()
        self.items.setAccessibleDescription(
            "The plan's items in order. Ctrl+Up and Ctrl+Down move the selected item; Delete "
            "removes it."
        )
        layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        minutes_label = QLabel("Minutes for this item:")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 600)
        self.minutes.setAccessibleName("Minutes for this item")
        minutes_label.setBuddy(self.minutes)
        row.addWidget(minutes_label)
        row.addWidget(self.minutes)
        self.total = QLabel()
        self.total.setAccessibleName("Total time of the plan")
        row.addWidget(self.total, 1)
        layout.addLayout(row)
        grid = QGridLayout()
        self.add_button = self._button(
            "A&dd the chosen activity",
            "Add the activity chosen in the list to the plan",
            self.add_selected,
        )
        self.free_button = self._button(
            "Add a brea&k or welcome…",
            "Add a free item such as a break or a welcome",
            self.add_free,
        )
        self.remove_button = self._button(
            "Remove item (Delete)", "Remove the selected item from the plan", self.remove
        )
        self.up_button = self._button(
            "Move up (Ctrl+Up)", "Move the selected item up", lambda: self.move(-1)
        )
        self.down_button = self._button(
            "Move down (Ctrl+Down)", "Move the selected item down", lambda: self.move(1)
        )
        self.handout_button = self._button(
            "E&xport handout as PDF…",
            "Save the handout for this plan as a PDF",
            lambda: self._handout("pdf"),
        )
        self.print_button = self._button(
            "Print handout…", "Print the handout for this plan", lambda: self._handout("print")
        )
        # F5, as presentation programs use, rather than an Alt+letter: Alt+E is Edit's.
        self.run_button = self._button(
            "Run full screen (F5)", "Run this plan full screen", self.run
        )
        run_key = QAction("Run full screen", self)
        run_key.setShortcuts([QKeySequence("F5")])
        run_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        run_key.triggered.connect(lambda _checked=False: self.run())
        self.addAction(run_key)
        self.details_button = self._button(
            "Session details…", "Date, start time, venue and room booking of this session",
            self.edit_details,
        )  # fmt: skip
        buttons = (
            self.add_button,
            self.free_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.details_button,
            self.handout_button,
            self.print_button,
            self.run_button,
        )
        for number, button in enumerate(buttons):
            grid.addWidget(button, number // 3, number % 3)
        layout.addLayout(grid)
        for text, keys, slot in (
            ("Move item up", "Ctrl+Up", lambda: self.move(-1)),
            ("Move item down", "Ctrl+Down", lambda: self.move(1)),
            ("Remove item", "Delete", self.remove),
        ):
            action = QAction(text, self.items)
            action.setShortcuts([QKeySequence(keys)])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.items.addAction(action)

        self.chooser.currentIndexChanged.connect(self._choose)
        self.items.currentRowChanged.connect(self._show_minutes)
        self.minutes.valueChanged.connect(self._set_minutes)
        self.items.activity_dropped.connect(self.add_activity)
        self.items.reordered.connect(self._take_order_from_list)
        self.reload()

    _button = staticmethod(named_button)

    # -- plans -----------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        select_id = select_id or (self.plan.id if self.plan else None)
        saved = plans(self.store)
        if not saved:
            first = new_plan("My session")
            save_plan(self.store, first)
            saved = [first]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for plan in saved:
            self.chooser.addItem(plan.name, plan.id)
        index = max(self.chooser.findData(select_id), 0) if select_id else 0
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self.plan = saved[index]
        self._fill()

    def _choose(self, index: int) -> None:
        plan_id = self.chooser.itemData(index)
        self.plan = next((p for p in plans(self.store) if p.id == plan_id), None)
        self._fill()

    def _fill(self, select_row: int | None = None) -> None:
        self.items.clear()
        plan = self.plan
        if plan is None:
            return
        for start, item in zip(plan.starts(), plan.items, strict=True):
            line = QListWidgetItem(
                f"{start:>3} min  {item.title} — {item.minutes} min"
                + (" (free item)" if item.kind == "free" else "")
            )
            line.setData(ITEM_ROLE, item)
            self.items.addItem(line)
        count = len(plan.items)
        booking = plan.booking_words()
        self.total.setText(
            f"Total: {plan.total_minutes} minutes, {count} item{'s' if count != 1 else ''}"
            + (f"; {booking}" if booking else "")
            + (f"; {plan.clock(0)} to {plan.clock(plan.total_minutes)}" if plan.start else "")
        )
        if select_row is not None and 0 <= select_row < count:
            self.items.setCurrentRow(select_row)
        self._show_minutes(self.items.currentRow())

    def edit_details(self) -> None:
        from mnhsc_desktop.ui.culture.session_details import SessionDetailsDialog

        if self.plan is None:
            return
        dialog = SessionDetailsDialog(self, self.plan)
        if dialog.exec():
            self._commit(dialog.value(), self.items.currentRow())

    def _commit(self, plan: Plan, select_row: int | None = None) -> None:
        self.plan = plan
        save_plan(self.store, plan)
        self._fill(select_row)

    def new(self) -> None:
        name, ok = QInputDialog.getText(self, "New plan", "Name of the session:")
        if ok:
            plan = new_plan(name)
            save_plan(self.store, plan)
            self.reload(plan.id)

    def duplicate(self) -> None:
        if self.plan is not None:
            self.reload(duplicate_plan(self.store, self.plan).id)

    def rename(self) -> None:
        if self.plan is None:
            return
        name, ok = QInputDialog.getText(
            self, "Rename plan", "Name of the session:", text=self.plan.name
        )
        if ok and name.strip():
            save_plan(self.store, replace(self.plan, name=name.strip()))
            self.reload(self.plan.id)

    def delete(self) -> None:
        if self.plan is None:
            return
        if (
            QMessageBox.question(
                self,
                "Delete plan",
                f"Delete the plan “{self.plan.name}”? Edit > Undo (Ctrl+Z) brings it back.",
            )
            == QMessageBox.StandardButton.Yes
        ):
            delete_plan(self.store, self.plan)
            self.plan = None
            self.reload()

    # -- items -----------------------------------------------------------------------------
    def add_selected(self) -> None:
        activity = self.selected_activity()
        if activity is not None:
            self.add_activity(activity.id, -1)

    def add_activity(self, activity_id: str, row: int) -> None:
        activity = self.activities.get(activity_id)
        if activity is None or self.plan is None:
            return
        items = list(self.plan.items)
        row = len(items) if row < 0 else row
        items.insert(row, item_for(activity))
        self._commit(replace(self.plan, items=tuple(items)), row)
        self.status.emit(f"Added to the plan: {activity.title}.")

    def add_free(self) -> None:
        if self.plan is None:
            return
        title, ok = QInputDialog.getText(
            self, "Add a free item", "What is it (for example Welcome, Break)?", text="Break"
        )
        if ok and title.strip():
            items = (*self.plan.items, PlanItem("free", title.strip(), 10))
            self._commit(replace(self.plan, items=items), len(items) - 1)

    def remove(self) -> None:
        row = self.items.currentRow()
        if self.plan is not None and 0 <= row < len(self.plan.items):
            items = list(self.plan.items)
            del items[row]
            self._commit(replace(self.plan, items=tuple(items)), min(row, len(items) - 1))

    def move(self, step: int) -> None:
        row = self.items.currentRow()
        if self.plan is None or not 0 <= row < len(self.plan.items):
            return
        target = row + step
        if not 0 <= target < len(self.plan.items):
            return
        items = list(self.plan.items)
        items[row], items[target] = items[target], items[row]
        self._commit(replace(self.plan, items=tuple(items)), target)

    def _take_order_from_list(self) -> None:
        if self.plan is not None:
            order = tuple(self.items.item(i).data(ITEM_ROLE) for i in range(self.items.count()))
            self._commit(replace(self.plan, items=order), self.items.currentRow())

    def _show_minutes(self, row: int) -> None:
        valid = self.plan is not None and 0 <= row < len(self.plan.items)
        self.minutes.setEnabled(valid)
        if valid:
            self.minutes.blockSignals(True)
            self.minutes.setValue(self.plan.items[row].minutes)
            self.minutes.blockSignals(False)

    def _set_minutes(self, value: int) -> None:
        row = self.items.currentRow()
        if self.plan is not None and 0 <= row < len(self.plan.items):
            items = list(self.plan.items)
            items[row] = replace(items[row], minutes=value)
            self._commit(replace(self.plan, items=tuple(items)), row)

    def _handout(self, how: str) -> None:
        if self.plan is not None and self.plan.items:
            self.handout_requested.emit(self.plan, how)

    def run(self) -> None:
        if self.plan is not None and self.plan.items:
            self.run_requested.emit(self.plan)
        else:
            self.status.emit("Add something to the plan first.")
