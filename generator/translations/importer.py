"""`warta translations import`: place each filled row in its record's YAML file.

A row is placed only when its record and field still exist, its language is a target
language, and the source text is the one it was translated from (the hash in the row).
Anything else is reported with the row's number and nothing is written for it. Each file
is rewritten atomically, once, with only the translated values changed; the manifest then
records the source each new translation was made from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import SiteConfig
from generator.diagnostics import Position, Report
from generator.files import write_atomic
from generator.records.link import RecordGraph
from generator.records.load import FieldPath
from generator.records.translations import (
    Manifest,
    record_key,
    source_language,
    text_hash,
)
from generator.records.validate import Entry
from generator.translations.rows import find_text
from generator.translations.yaml_edit import EditError, TextEdit, apply_edits


@dataclass(frozen=True)
class Placed:
    """A row that can be written: where, what, and the source hash it was made from."""

    row: int
    entry: Entry
    path: FieldPath
    field: str
    lang: str
    text: str
    digest: str


@dataclass
class ImportResult:
    """What an import did: files written, texts set, rows skipped, and the diagnostics."""

    report: Report = field(default_factory=Report)
    written: list[Path] = field(default_factory=list)
    texts: int = 0
    unchanged: int = 0
    blank: int = 0


def import_rows(
    sheet: Path, rows: list[tuple[int, dict[str, str]]], graph: RecordGraph, manifest: Manifest
) -> ImportResult:
    """Place every row that can be placed, write each changed file once, update the manifest."""
    result = ImportResult()
    placed = [p for n, cells in rows if (p := place_row(sheet, n, cells, graph, result))]
    by_file: dict[Path, list[Placed]] = {}
    for item in drop_conflicts(sheet, placed, result.report):
        by_file.setdefault(item.entry.doc.path, []).append(item)
    for path, items in sorted(by_file.items()):
        if write_file(sheet, path, items, result.report):
            result.written.append(path)
            result.texts += len(items)
            for item in items:
                record = record_key(item.entry.kind, item.entry.key)
                manifest.set(record, item.field, item.lang, item.digest)
    return result


def place_row(
    sheet: Path, number: int, cells: dict[str, str], graph: RecordGraph, result: ImportResult
) -> Placed | None:
    """The row as a text to write, or None (reported if it is wrong, counted if blank)."""
    text = cells.get("translation", "").replace("\r\n", "\n").strip()
    if not text:
        result.blank += 1
        return None
    problem = RowProblem(sheet, number, result.report)
    kind, _, key = cells.get("record", "").strip().partition("/")
    entry = graph.entries.get(kind, {}).get(key)
    if entry is None:
        problem.no_record(cells.get("record", ""))
        return None
    field_name = cells.get("field", "").strip()
    found = find_text(entry, field_name)
    if found is None:
        problem.no_field(entry, field_name)
        return None
    path, current = found
    lang = cells.get("target_language", "").strip()
    source = source_language(current, graph.config)
    if lang not in graph.config.languages or lang == source:
        problem.bad_language(lang, source or "", graph.config)
        return None
    assert source is not None, "a localized text is never empty"
    digest = text_hash(current[source])
    if cells.get("source_hash", "").strip() != digest:
        problem.source_changed(entry, field_name, source)
        return None
    if current.get(lang, "").strip() == text:
        result.unchanged += 1
        return None
    return Placed(number, entry, path, field_name, lang, text, digest)


@dataclass(frozen=True)
class RowProblem:
    """Reports why one row of the sheet cannot be placed, at its row number."""

    sheet: Path
    row: int
    report: Report

    def add(self, code: str, message: str, hint: str, field: str = "") -> None:
        """One diagnostic at this row of the sheet."""
        self.report.add(self.sheet, Position(self.row, 1), code, message, field=field, hint=hint)

    def no_record(self, name: str) -> None:
        """E403: the row names a record that is gone (or has errors)."""
        self.add(
            "E403",
            f"row {self.row}: no record '{name}'",
            "it was renamed or deleted, or it has errors `warta check` reports",
        )

    def no_field(self, entry: Entry, field_name: str) -> None:
        """E404: the record has no text at the row's field."""
        self.add(
            "E404",
            f"row {self.row}: {entry.kind} '{entry.key}' has no text at '{field_name}'",
            "the field was removed or moved; export again",
            field_name,
        )

    def bad_language(self, lang: str, source: str, config: SiteConfig) -> None:
        """E406: the row's language is not one to translate into."""
        targets = ", ".join(code for code in config.languages if code != source)
        self.add(
            "E406",
            f"row {self.row}: '{lang}' is not a language to translate this text into",
            f"use one of: {targets}",
        )

    def source_changed(self, entry: Entry, field_name: str, source: str) -> None:
        """E405: the source text changed since the sheet was exported."""
        self.add(
            "E405",
            f"row {self.row}: the '{source}' text of {entry.kind} '{entry.key}' changed "
            "since the export",
            "export again and translate the new text",
            field_name,
        )


def drop_conflicts(sheet: Path, placed: list[Placed], report: Report) -> list[Placed]:
    """Two rows setting one text differently: report the later one (E407), keep neither."""
    first: dict[tuple[str, str, str, str], Placed] = {}
    clashing: set[tuple[str, str, str, str]] = set()
    for item in placed:
        slot = (item.entry.kind, item.entry.key, item.field, item.lang)
        if slot in first and first[slot].text != item.text:
            clashing.add(slot)
            report.add(
                sheet,
                Position(item.row, 1),
                "E407",
                f"row {item.row}: gives another '{item.lang}' text for {item.field} "
                f"of {item.entry.kind} '{item.entry.key}' than row {first[slot].row}",
                field=item.field,
                hint="keep one of the two rows",
            )
        first.setdefault(slot, item)
    kept = {id(item) for item in first.values()}
    return [
        item
        for item in placed
        if id(item) in kept
        and (item.entry.kind, item.entry.key, item.field, item.lang) not in clashing
    ]


def write_file(sheet: Path, path: Path, items: list[Placed], report: Report) -> bool:
    """Splice the texts into one file and replace it atomically; E408 if they cannot go in."""
    raw = path.read_bytes()
    try:
        text = apply_edits(raw.decode("utf-8"), [TextEdit(i.path, i.lang, i.text) for i in items])
    except (EditError, UnicodeDecodeError) as err:
        for item in items:
            report.add(
                sheet,
                Position(item.row, 1),
                "E408",
                f"row {item.row}: cannot write into {path.name}: {err}",
                field=item.field,
                hint="nothing was written to this file; check it with `warta check`",
            )
        return False
    write_atomic(path, text.encode("utf-8"))
    return True
