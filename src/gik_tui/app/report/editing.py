"""Editing the report's cells: what the tables say while a figure is typed (the cell bar shows it),
what they entered (redrawn, checks re-run, saved), clearing (`x`), undo and redo. The typing itself
happens in the table (widgets/template_table.py), which changes the review at once, in key order.
A mixin of ReportScreen: it uses the screen's `review`, its `TablesPane`, `EditBar` and
`TabbedContent`, `current_table()`, `on_cell_moved()`, `goto_cell()`, `refresh_panes()` and
`mark_dirty()` (saving.py)."""

from __future__ import annotations

from textual.widgets import TabbedContent

from ..dialogs import Choose
from ..widgets.edit_bar import EditBar
from ..widgets.key_bar import KeyBar
from ...core.values import fmt_share
from ..widgets.template_table import TemplateTable, fmt_number
from .tables_pane import TablesPane


TYPING_KEYS = (("enter", "put it in, next cell"), ("arrows", "put it in and move"), ("esc", "cancel"),
               ("space", "next figure: a row at once"), ("backspace", "delete"))


def address(key) -> str:
    """The cell, most particular first (its column, its row, its table), so a narrow status line
    still shows which cell is being typed into."""
    return f"{' › '.join(key[2])} × {key[1][-1] if key[1] else '—'} ({key[0]})"


class Editing:
    def action_edit(self) -> None:
        """`e` (or enter): type into the cell under the cursor; its value is selected, so the first
        character typed replaces it and enter alone keeps it."""
        t = self.current_table()
        if t is None:
            return
        key = t.key_at_cursor()
        if key is None:
            self.notify("not a value cell")
            return
        t.start_edit(fmt_number(self.review.value(key)), selected=True)

    def on_template_table_edit(self, event: TemplateTable.Edit) -> None:
        bar = self.query_one(EditBar)
        self.query_one(KeyBar).mode = None if event.text is None else TYPING_KEYS
        if event.text is None:
            bar.show_edit(event.key, "", None)
            if not event.entered and self.current_table() is not None:
                self.on_cell_moved(self.current_table())  # cancelled: the status line tells the cell again
            return
        bar.show_edit(event.key, address(event.key), event.text, event.error, event.selected)

    def on_template_table_entered(self, event: TemplateTable.Entered) -> None:
        ch = event.change
        if ch is None:
            return
        self.after_change(list(ch.cells), None)
        if event.count > 1:
            self.notify(f"filled {event.count} cells (u undoes them together)", timeout=3)

    def action_candidates(self) -> None:
        """`c` on a cell the engine left blank with candidates: the table's one question when its
        row is part of one (every row answered by one key, one undo step; `r` this row alone),
        else its row's whole-row choices (or the cell's own candidates), ranked by evidence with
        why; 1–9 picks, enter only when the evidence puts the first clearly ahead."""
        t = self.current_table()
        key = t.key_at_cursor() if t is not None else None
        if key is None:
            self.notify("put the cursor on a value cell")
            return
        q = self.review.question_at(key)
        if q is not None:
            self._ask_question(q, key)
            return
        self._row_candidates(key)

    def _ask_question(self, q, key) -> None:
        answers = [(str(i + 1), str(i), f"{q.label(o)}   {fmt_share(o.share)}   — {'; '.join(o.reasons)}")
                   for i, o in enumerate(q.options[:9])]
        answers.append(("r", "row", "just this row: its own splits"))
        text = q.text + f"\none key answers all {len(q.rows)} rows (u undoes them together)"
        if not q.decided:
            text += "\nno option is clearly ahead on evidence: press the number of the one the report means"

        def pick(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "row":
                self._row_candidates(key)
                return
            ch = self.review.answer(q, int(choice))
            self.after_change(list(ch.cells) if ch else [])
            if ch:
                self.notify(f"{len(q.rows)} rows filled as {q.label(q.options[int(choice)])} (u undoes them together)",
                            timeout=3)

        self.app.push_screen(Choose(text, answers, default="0" if q.decided else None), pick)

    def _row_candidates(self, key) -> None:
        split = self.review.ex.splits.get((key[0], key[1]))
        orig = self.review.extracted(key)
        offers = self.review.ex.offers.get(key)
        default: str | None = "0"
        if offers is not None:  # a figure recognised in a picture: its readings, each with why
            answers = [(str(i + 1), str(i), f"{fmt_number(v) or 'blank'}   {fmt_share(share)}   — {why}")
                       for i, (v, share, why) in enumerate(offers.choices[:9])]
            question = f"{address(key)}: {offers.about}"
            if not offers.decided:
                default = None
                # (an estimate, a part's figure, a total to this day, a recognised figure no identity
                # confirms: nothing puts one first)
                question += "\nnothing confirms one of them: press the number of the one the report means, or type the figure"

            def pick(choice: str | None) -> None:
                if choice is None:
                    return
                self.review.set_cell(key, offers.choices[int(choice)][0])
                self.after_change([key])
        elif split is not None:
            why = split.reasons or ((),) * len(split.choices)
            answers = [(str(i + 1), str(i), f"{' | '.join(fmt_number(v) or '·' for v in values)}   {fmt_share(share)}"
                                            f"   — {'; '.join(reasons) or 'no evidence'}")
                       for i, ((values, share), reasons) in enumerate(zip(split.choices, why))]
            heads = " | ".join(col[-1] for col in split.columns)
            more = f" (the {len(answers)} likeliest of {split.total})" if split.total > len(answers) else ""
            question = f"{' › '.join(key[1])}: the splits the text and the identities leave{more}\n{heads}"
            if split.offered:  # the readings may lack the report's own: enter must not take one
                default = None
                question += ("\nthese readings may not include the report's own (its figures read in too many ways, "
                             "or each breaks the row's total): press the number of the one the report means, or type it")
            elif not split.decided:  # only a prior puts the first ahead: enter must not take it
                default = None
                question += "\nno offer is clearly ahead on evidence: press the number of the one the report means"

            def pick(choice: str | None) -> None:
                if choice is None:
                    return
                ch = self.review.choose_split(split, key[0], key[1], int(choice))
                self.after_change(list(ch.cells) if ch else [])
        elif orig is not None and orig.candidates:
            answers = [(str(i + 1), str(i), f"{fmt_number(v) or 'blank'}   {fmt_share(share)}")
                       for i, (v, share) in enumerate(orig.candidates[:9])]
            question = f"{address(key)}: its candidates"

            def pick(choice: str | None) -> None:
                if choice is None:
                    return
                self.review.set_cell(key, orig.candidates[int(choice)][0])
                self.after_change([key])
        else:
            self.notify("this cell has no candidates (it was read, or nothing was found)")
            return
        self.app.push_screen(Choose(question, answers, default=default), pick)

    def action_clear(self) -> None:
        t = self.current_table()
        key = t.key_at_cursor() if t else None
        if key is None:
            return
        self.review.set_cell(key, None)
        self.after_change([key])

    def action_undo(self) -> None:
        self._history(self.review.undo, "undo")

    def action_redo(self) -> None:
        self._history(self.review.redo, "redo")

    def _history(self, step, what: str) -> None:
        ch = step()
        if ch is None:
            self.notify(f"nothing to {what}")
            return
        self.after_change(list(ch.cells), ch)

    def after_change(self, keys, change=None) -> None:
        """Every change re-runs the checks at once and redraws what they touch: the changed cells,
        the cells whose check state changed, and the Checks and Sections panes. `change`: an undo
        or redo, whose cells the cursor goes to."""
        before = self._failing_shown
        after = self.review.failing_cells()
        touched = set(keys) | (before ^ after)
        self._failing_shown = set(after)
        self.query_one(TablesPane).refresh_cells(touched)
        self._panes_stale = True
        if self.query_one(TabbedContent).active != "tab-tables" or (change is not None and change.kind == "section") \
                or not keys:
            self.refresh_panes()
        self.mark_dirty()
        if change is not None and change.cells:
            self.goto_cell(change.cells[0])
        t = self.current_table()
        if t is not None:
            self.on_cell_moved(t)
