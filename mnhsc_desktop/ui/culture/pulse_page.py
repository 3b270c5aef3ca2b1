"""The Culture library's Team pulse page: start a pulse for a team and session (3 to 6 of the
app's statements), hand the laptop round in the kiosk, then see each statement's answers and
% agreeing (withheld under five responses, and said so), the team's trend across sessions on a
run chart, and the results as a one-page PDF or a CSV for the huddle."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.culture import pulse as tp
from mnhsc_desktop.ui.shell.form_parts import save_buttons
from mnhsc_desktop.ui.shell.widgets import escape, follow_store, named_button, side_column

KEY = Qt.ItemDataRole.UserRole


class StartPulseDialog(QDialog):
    def __init__(self, parent: QWidget, teams: list[str], session: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a team pulse")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.addItems(teams)
        self.team.setAccessibleName("Team")
        form.addRow("&Team:", self.team)
        self.session = QLineEdit(session)
        self.session.setAccessibleName("Session")
        form.addRow("&Session:", self.session)
        self.statements = QListWidget()
        self.statements.setAccessibleName("Statements to ask: tick 3 to 6")
        for question, (domain, words) in tp.QUESTIONS.items():
            item = QListWidgetItem(f"{tp.DOMAINS[domain]}: {words}")
            item.setData(KEY, question)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first_of_domain = question in ("help-busy", "speak-up", "leaders-act", "energy")
            item.setCheckState(
                Qt.CheckState.Checked if first_of_domain else Qt.CheckState.Unchecked
            )
            self.statements.addItem(item)
        label = QLabel("Statements to ask (3 to 6, each answered from strongly disagree to strongly "
                       "&agree; this app's own wording for the areas SCORE covers):")  # fmt: skip
        label.setWordWrap(True)
        label.setBuddy(self.statements)
        layout.addWidget(label)
        layout.addWidget(self.statements, 1)
        self.problem = QLabel()
        self.problem.setAccessibleName("Problem")
        layout.addWidget(self.problem)
        layout.addWidget(save_buttons(self, "Start the &pulse"))
        self.resize(640, 520)

    def chosen(self) -> list[str]:
        return [self.statements.item(r).data(KEY) for r in range(self.statements.count())
                if self.statements.item(r).checkState() == Qt.CheckState.Checked]  # fmt: skip

    def accept(self) -> None:
        if not 3 <= len(self.chosen()) <= 6:
            self.problem.setText(f"Tick 3 to 6 statements ({len(self.chosen())} ticked).")
            return
        if not self.team.currentText().strip():
            self.problem.setText("Name the team (for example “Ward 5 midwives”).")
            return
        super().accept()


def results_html(pulse: tp.Pulse) -> str:
    head = (f"<h2>Team pulse: {escape(pulse.team)}</h2><p>{escape(pulse.session)} · "
            f"{uk_date(pulse.date, weekday=False)} · {pulse.responses} response(s)</p>")  # fmt: skip
    if not pulse.shown:
        return head + f"<p><b>{escape(pulse.withheld_words())}</b></p>"
    rows = "".join(
        f"<tr><td>{escape(tp.QUESTIONS[q][1])}</td>"
        + "".join(f"<td align='right'>{n}</td>" for n in pulse.counts[q])
        + f"<td align='right'><b>{pulse.positive(q):.0f}%</b></td></tr>"
        for q in pulse.questions
    )
    header = "".join(f"<th>{escape(w)}</th>" for w in tp.SCALE)
    return (head + "<table border='1' cellspacing='0' cellpadding='4'><tr><th>Statement</th>"
            f"{header}<th>Agree</th></tr>{rows}</table><p>Agree: the share answering agree or "
            "strongly agree. Only counts are kept: no one's answers can be picked out.</p>")  # fmt: skip


class PulsePage(QWidget):
    status = Signal(str)

    def __init__(self, store, plan_name=lambda: "") -> None:
        super().__init__()
        self.store, self.plan_name = store, plan_name
        self.kiosk = None
        splitter, column = side_column(QHBoxLayout(self))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Team pulses")
        column.addWidget(self.list, 1)
        self.start_button = named_button("Start a pulse…", "Start a team pulse", self.start)
        self.continue_button = named_button("Hand round again", "Carry on collecting answers",
                                            self.resume)  # fmt: skip
        self.pdf_button = named_button("Results as PDF…", "Save the results as a PDF", self.pdf)
        self.csv_button = named_button("Results as CSV…", "Save the results as CSV", self.csv)
        for button in (self.start_button, self.continue_button, self.pdf_button, self.csv_button):
            column.addWidget(button)
        right = QWidget()
        detail = QVBoxLayout(right)
        detail.setContentsMargins(0, 0, 0, 0)
        self.results = QTextBrowser()
        self.results.setMinimumHeight(80)
        self.results.setAccessibleName("Pulse results")
        detail.addWidget(self.results, 1)
        self.statement = QComboBox()
        self.statement.setAccessibleName("Statement for the trend")
        detail.addWidget(self.statement)
        from mnhsc_desktop.ui.qi.chart_view import ChartView

        self.chart = ChartView()
        self.chart.setMinimumSize(300, 160)  # the tab keeps fitting small screens
        self.chart.empty_text = ("The team's trend appears here once its pulses have at least "
                                 f"{tp.SMALLEST_SHOWN} responses each.")  # fmt: skip
        self.chart.setAccessibleName("The team's trend, % agreeing, pulse by pulse")
        detail.addWidget(self.chart, 1)
        splitter.addWidget(right)
        splitter.setSizes([300, 700])
        self.list.currentItemChanged.connect(lambda *_a: self.show_pulse())
        self.statement.activated.connect(lambda _i: self.show_trend())
        follow_store(store, self, lambda change: change.section == "pulse" and self.refresh())
        self.refresh()

    def current(self) -> tp.Pulse | None:
        item = self.list.currentItem()
        key = item.data(KEY) if item is not None else None
        return next((p for p in tp.pulses(self.store) if p.id == key), None)

    def refresh(self, select: str | None = None) -> None:
        keep = select or (self.list.currentItem().data(KEY) if self.list.currentItem() else None)
        self.list.blockSignals(True)
        self.list.clear()
        for pulse in reversed(tp.pulses(self.store)):
            item = QListWidgetItem(f"{pulse.team} · {pulse.session or 'pulse'}\n"
                                   f"{uk_date(pulse.date, weekday=False)} · {pulse.responses} "
                                   "response(s)" + (" · ended" if pulse.closed else ""))  # fmt: skip
            item.setData(KEY, pulse.id)
            self.list.addItem(item)
            if pulse.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self.show_pulse()

    def show_pulse(self) -> None:
        pulse = self.current()
        for button in (self.continue_button, self.pdf_button, self.csv_button):
            button.setEnabled(pulse is not None)
        if pulse is None:
            self.results.setHtml("<p>No pulses yet. Start a pulse at the end of a session: "
                                 "each person answers a few statements anonymously on this "
                                 "laptop, and the team sees its results here.</p>")  # fmt: skip
            self.chart.show_chart(None, "", "", [])
            self.statement.hide()
            return
        self.statement.show()
        self.continue_button.setEnabled(not pulse.closed)  # an ended pulse takes no more answers
        self.results.setHtml(results_html(pulse))
        self.statement.clear()
        for question in pulse.questions:
            self.statement.addItem(tp.QUESTIONS[question][1], question)
        self.show_trend()

    def show_trend(self) -> None:
        pulse, question = self.current(), self.statement.currentData()
        if pulse is None or question is None:
            return
        from mnhsc_desktop.core.qi.spc import run_chart

        points = tp.trend(self.store, pulse.team, question)
        chart = run_chart(points) if points else None
        self.chart.show_chart(chart, f"{pulse.team}: % agreeing, pulse by pulse", "%", [])

    def start(self) -> None:
        teams = sorted({p.team for p in tp.pulses(self.store)})
        dialog = StartPulseDialog(self, teams, self.plan_name() or f"{dt.date.today():%d %b %Y}")
        if not dialog.exec():
            return
        key = tp.start_pulse(self.store, dialog.team.currentText(), dialog.session.text(),
                             dialog.chosen())  # fmt: skip
        self.refresh(key)
        self.open_kiosk(key)

    def resume(self) -> None:
        pulse = self.current()
        if pulse is not None and not pulse.closed:
            self.open_kiosk(pulse.id)
        elif pulse is not None:
            self.status.emit("That pulse has ended; start a new one for this session.")

    def open_kiosk(self, key: str) -> None:
        from mnhsc_desktop.ui.culture.pulse_kiosk import PulseKiosk

        self.kiosk = PulseKiosk(self.store, key)
        self.kiosk.finished.connect(lambda: (tp.close_pulse(self.store, key), self.refresh(key)))
        # The whole screen, above the app, even where no window manager enforces full screen.
        self.kiosk.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        screen = self.screen()
        if screen is not None:
            self.kiosk.setGeometry(screen.geometry())
        self.kiosk.showFullScreen()

    def pdf(self) -> None:
        from mnhsc_desktop.ui.shell.pdf import print_or_save_html

        pulse = self.current()
        if pulse is None:
            return
        if not pulse.shown:
            QMessageBox.information(self, "Results withheld", pulse.withheld_words())
            return
        from mnhsc_desktop.ui.shell.file_choice import file_stem

        name = f"{file_stem(f'pulse {pulse.team} {pulse.date}', 'pulse')}.pdf"
        if message := print_or_save_html(self, results_html(pulse), "pdf", "Team pulse", name,
                                         f"Team pulse: {pulse.team}"):  # fmt: skip
            self.status.emit(message)

    def csv(self) -> None:
        from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
        from mnhsc_desktop.ui.shell.file_choice import ask_save_path

        pulse = self.current()
        if pulse is None:
            return
        try:
            text = tp.results_csv(pulse)
        except ValueError as withheld:
            QMessageBox.information(self, "Results withheld", str(withheld))
            return
        path = ask_save_path(self, "Save the results as CSV", f"pulse-{pulse.date}.csv",
                             "CSV (*.csv)", ".csv")  # fmt: skip
        if path is None:
            return
        try:
            atomic_write_bytes(path, text.encode("utf-8-sig"))
        except WriteFailed as error:
            QMessageBox.warning(self, "Not saved", str(error))
            return
        self.status.emit(f"Saved the results: {path}")
