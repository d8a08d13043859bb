"""The texts to translate, one row per record, field and target language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from generator.config import SiteConfig
from generator.records.coverage import iter_localized
from generator.records.link import RecordGraph
from generator.records.load import FieldPath
from generator.records.translations import (
    Manifest,
    State,
    record_key,
    source_language,
    text_hash,
)
from generator.records.validate import Entry, dotted


class Only(StrEnum):
    """Which rows an export holds."""

    TODO = "todo"
    MISSING = "missing"
    OUTDATED = "outdated"
    ALL = "all"

    def wants(self, state: State) -> bool:
        """Whether a text in this state belongs in the export."""
        if self is Only.ALL:
            return True
        if self is Only.TODO:
            return state in (State.MISSING, State.OUTDATED)
        return state.value == self.value


@dataclass(frozen=True)
class Row:
    """One text of one record in one target language, as a translator sees it."""

    record: str
    field: str
    target_language: str
    status: str
    source_language: str
    source: str
    translation: str
    file: str
    source_hash: str


COLUMNS = tuple(Row.__dataclass_fields__)


def export_rows(
    graph: RecordGraph, manifest: Manifest, root: Path, langs: list[str], only: Only
) -> list[Row]:
    """Every text to translate into `langs`, in file and field order."""
    entries = sorted(
        (entry for by_key in graph.entries.values() for entry in by_key.values()),
        key=lambda entry: entry.doc.path,
    )
    return [row for entry in entries for row in entry_rows(entry, graph.config, manifest, root,
                                                            langs, only)]  # fmt: skip


def entry_rows(
    entry: Entry, config: SiteConfig, manifest: Manifest, root: Path, langs: list[str], only: Only
) -> Iterator[Row]:
    """The rows of one record."""
    record = record_key(entry.kind, entry.key)
    file = entry.doc.path.resolve().relative_to(root.resolve()).as_posix()
    for path, text in iter_localized(entry.record, ()):
        source = source_language(text, config)
        assert source is not None, "a localized text is never empty"
        for lang in langs:
            state = manifest.state(record, dotted(path), text, lang, config)
            if state is State.SOURCE or not only.wants(state):
                continue
            shown = State.CURRENT if state is State.UNTRACKED else state
            yield Row(
                record, dotted(path), lang, shown.value, source, text[source],
                text.get(lang, ""), file, text_hash(text[source]),
            )  # fmt: skip


def find_text(entry: Entry, field: str) -> tuple[FieldPath, dict[str, str]] | None:
    """The localized text of a record at a dotted field path, if it has one there."""
    return next(
        ((path, text) for path, text in iter_localized(entry.record, ()) if dotted(path) == field),
        None,
    )
