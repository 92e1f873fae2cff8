"""The Waves & answers tab: choose a wave, see how many of its targets answered, type paper
questionnaires into the entry grid (keyboard only) or import an answer file (with the column
mapping dialog when the file's headers are not the survey's codes). Thin: storing goes through
``app.models.satisfaction.waves`` (one transaction per save or import)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.satisfaction import analysis, waves
from app.models.satisfaction.imports import AnswerImportError, guess_mapping, read_header, remembered_mapping
from app.models.satisfaction.targets import response_rate
from app.views.satisfaction.entry import EntryGrid, Question, choices_from_targets


class WavesTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language
        self.setObjectName("satisfactionWaves")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Wave:")))
        self.wave = QComboBox()
        self.wave.setObjectName("entryWave")
        self.wave.setMinimumWidth(360)
        top.addWidget(self.wave, 1)
        self.import_button = QPushButton(self.tr("&Import answers…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        top.addWidget(self.import_button)
        self.status = QLabel()
        self.status.setObjectName("waveStatus")
        self.status.setWordWrap(True)
        self.grid_box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(self.grid_box, 1)
        self.grid: EntryGrid | None = None
        self.wave.currentIndexChanged.connect(lambda _i: self.load())
        self.refresh()

    def refresh(self) -> None:
        self.wave.blockSignals(True)
        current = self.wave.currentData()
        self.wave.clear()
        for r in analysis.list_waves(self.ctx.database):
            name = r.survey_name_zh if self.lang == "zh_CN" else (r.survey_name_en or r.survey_name_zh)
            self.wave.addItem(self.tr("%1 · %2 (%3 answers)").replace("%1", f"{r.survey_code} {name}")
                              .replace("%2", f"{r.code} {r.name}".strip()).replace("%3", str(r.respondents)), r.id)
        i = self.wave.findData(current)
        self.wave.setCurrentIndex(max(i, 0))
        self.wave.blockSignals(False)
        self.load()

    def load(self) -> None:
        wid = self.wave.currentData()
        if self.grid is not None:
            self.grid.setParent(None)
            self.grid.deleteLater()
            self.grid = None
        if wid is None:
            self.status.setText(self.tr("No survey wave yet."))
            self.import_button.setEnabled(False)
            return
        db = self.ctx.database
        info, items = waves.wave_questions(db, wid)
        targets = waves.wave_targets(db, wid)
        done = waves.answered(db, wid)
        rate = response_rate(len(done), len(targets))
        may = can(db, "satisfaction.respond") and info.state != "closed"
        text = self.tr("%1 of %2 asked have answered (%3).").replace("%1", str(len(done))).replace(
            "%2", str(len(targets))).replace("%3", "—" if rate is None else f"{100 * rate:.1f} %")
        if info.state == "closed":
            text += " " + self.tr("The wave is closed: its answers can be read and analysed, not added.")
        elif not can(db, "satisfaction.respond"):
            text += " " + self.tr("Entering answers needs the permission satisfaction.respond.")
        self.status.setText(text)
        self.import_button.setEnabled(may)
        questions = [Question(i.code, i.text_zh, i.text_en, i.scale_min, i.scale_max) for i in items]
        self.grid = EntryGrid(questions, choices_from_targets(targets, self.lang), lang=self.lang,
                              on_save=(lambda entries, w=wid: self._save(w, entries)) if may else None, answered=done)
        self.grid.setEnabled(may)
        self.grid.saved.connect(lambda _n: self.refresh())
        self.grid_box.addWidget(self.grid)

    def _save(self, wave_id: int, entries) -> int:
        return waves.save_typed(self.ctx.database, wave_id, [waves.Typed(e.row, e.customer_id, e.contact_id, e.answers)
                                                            for e in entries])

    def import_file(self, path: str | None = None, mapping: dict | None = None) -> int | None:
        """Import an answer file into the wave; the mapping dialog opens when the file's headers
        are not all the survey's question codes (``mapping`` given = no dialog, for scripts and tests)."""
        wid = self.wave.currentData()
        if wid is None:
            return None
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self, self.tr("Import answers"), "",
                                                   self.tr("Answer files (*.xlsx *.csv)"))
            if not path:
                return None
        db = self.ctx.database
        info, items = waves.wave_questions(db, wid)
        if mapping is None:
            try:
                header = read_header(path)
            except (OSError, ValueError, AnswerImportError) as exc:
                self._show_error(exc)
                return None
            guessed = guess_mapping(header, items)
            if not all(i.code in guessed for i in items) or not any(h.lower() in ("customer_code", "customer", "顾客代码")
                                                                    for h in header):
                from app.views.satisfaction.mapping import MappingDialog

                dialog = MappingDialog(header, items, lang=self.lang, initial=remembered_mapping(db, info.survey_code),
                                       parent=self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                mapping = dialog.mapping()
        try:
            n = waves.import_answers(db, wid, path, mapping=mapping or None)
        except AnswerImportError as exc:
            from app.views.customers.dialogs import ImportErrorsDialog

            ImportErrorsDialog(exc.errors, self.lang, parent=self).exec()
            return None
        except (analysis.AnalysisError, OSError) as exc:
            self._show_error(exc)
            return None
        self.refresh()
        self.status.setText(self.status.text() + " " + self.tr("%1 answer sheet(s) imported.").replace("%1", str(n)))
        return n

    def _show_error(self, exc: Exception) -> None:
        from app.commands.messages import error_text

        self.status.setText(error_text(exc, self.lang))
