"""Stage 3, link: resolve every reference and compute the backlinks."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.config import SiteConfig
from generator.diagnostics import Report, display_path, suggest
from generator.records.fields import RefTo, Role
from generator.records.load import FieldPath
from generator.records.models import Agreement, Record, Taxonomy, Term, fields_of
from generator.records.photos import PhotoSource
from generator.records.redirects import resolve_redirects
from generator.records.validate import Entry, dotted

SECTORS = "sectors"
M = TypeVar("M")
NodeKey = tuple[str, str]


@dataclass(frozen=True)
class Reference:
    """One pointer from a record's field to another record."""

    target_kind: str
    target: str
    path: FieldPath
    role: str
    role_text: dict[str, str] | None = None


@dataclass(frozen=True)
class Backlink:
    """A record that mentions another, and in what role."""

    source: Entry
    role: str
    role_text: dict[str, str] | None = None


@dataclass
class RecordGraph:
    """Every record by kind and id, with the backlinks of each."""

    config: SiteConfig
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    sectors: dict[str, Term] = field(default_factory=dict)
    backlinks: dict[NodeKey, list[Backlink]] = field(default_factory=dict)
    references: dict[NodeKey, list[Reference]] = field(default_factory=dict)
    """The references each record makes, in field order."""
    broken: dict[NodeKey, Path] = field(default_factory=dict)
    """Records whose file exists but did not validate, by kind and id."""
    warned: set[tuple[str, str, str]] = field(default_factory=set)
    outdated: dict[NodeKey, set[str]] = field(default_factory=dict)
    """The languages in which a record has a translation of an older source text."""
    incomplete: dict[NodeKey, set[str]] = field(default_factory=dict)
    """The languages in which a record lacks at least one text (its page is untranslated)."""
    redirects: dict[str, Entry] = field(default_factory=dict)
    """Former page paths (`redirect_from:`) → the record that lives elsewhere now."""
    photos: dict[NodeKey, PhotoSource] = field(default_factory=dict)
    """Each checked photo file by the (kind, id) of its record (records/photos.py)."""

    def get(self, kind: str, key: str) -> Record:
        """The record of a kind with an id; the link stage has checked it exists."""
        return self.entries[kind][key].record

    def references_of(self, kind: str, key: str) -> list[Reference]:
        """Every reference a record makes, in field order."""
        return self.references.get((kind, key), [])

    def links_to(self, kind: str, key: str) -> list[Backlink]:
        """Every record that mentions this one."""
        return self.backlinks.get((kind, key), [])


def resolve_graph(
    entries: list[Entry],
    config: SiteConfig,
    report: Report,
    broken: Mapping[NodeKey, Path] | None = None,
) -> RecordGraph:
    """Index the records, check every reference, and gather backlinks.

    `broken` holds the records whose file exists but has errors: a reference to one is not
    a second mistake, so it gets one warning per referring file instead of a guess.
    """
    graph = RecordGraph(config, broken=dict(broken or {}))
    for entry in entries:
        index_entry(graph, entry, report)
    graph.sectors = collect_sectors(graph)
    backlinks: dict[NodeKey, list[Backlink]] = defaultdict(list)
    for entry in entries:
        if graph.entries[entry.kind].get(entry.key) is not entry:
            continue
        refs = graph.references[(entry.kind, entry.key)] = list(iter_references(entry.record))
        for ref in refs:
            if resolve_reference(graph, entry, ref, report):
                backlinks[(ref.target_kind, ref.target)].append(
                    Backlink(entry, ref.role, ref.role_text)
                )
        check_signatories(entry, report)
    graph.backlinks = dict(backlinks)
    graph.redirects = resolve_redirects(indexed(graph), report)
    return graph


def indexed(graph: RecordGraph) -> list[Entry]:
    """The entries the graph kept (a duplicate id's second file is not one), in path order."""
    entries = [entry for by_id in graph.entries.values() for entry in by_id.values()]
    return sorted(entries, key=lambda entry: entry.doc.path.as_posix())


def index_entry(graph: RecordGraph, entry: Entry, report: Report) -> None:
    """Add an entry under its kind and id; a second file with the same id is an error."""
    by_id = graph.entries.setdefault(entry.kind, {})
    first = by_id.get(entry.key)
    if first is None:
        by_id[entry.key] = entry
        return
    first, second = sorted([first, entry], key=lambda e: e.doc.path.as_posix())
    by_id[entry.key] = first
    report.add(
        second.doc.path,
        second.doc.position_of(()),
        "E302",
        f"{entry.kind} id '{entry.key}' is already used by {display_path(first.doc.path)}",
        hint="rename one of the two files",
    )


def collect_sectors(graph: RecordGraph) -> dict[str, Term]:
    """The terms of the `sectors` taxonomy."""
    entry = graph.entries.get("taxonomy", {}).get(SECTORS)
    if entry is None or not isinstance(entry.record, Taxonomy):
        return {}
    return dict(entry.record.terms)


def resolve_reference(graph: RecordGraph, entry: Entry, ref: Reference, report: Report) -> bool:
    """True if the reference points at an existing record; otherwise report it."""
    known = graph.sectors if ref.target_kind == "sector" else graph.entries.get(ref.target_kind, {})
    if ref.target in known:
        return True
    if failed := broken_target(graph, ref):
        warn_broken(graph, entry, ref, failed, report)
        return False
    hint = suggest(ref.target, known) or missing_hint(ref.target_kind)
    report.add(
        entry.doc.path,
        entry.doc.position_of(ref.path),
        "E301",
        f"no {ref.target_kind} with id '{ref.target}'",
        field=dotted(ref.path),
        hint=hint,
    )
    return False


def broken_target(graph: RecordGraph, ref: Reference) -> Path | None:
    """The file of a referenced record that exists but has errors (for sectors: the list)."""
    if ref.target_kind == "sector":
        return graph.broken.get(("taxonomy", SECTORS))
    return graph.broken.get((ref.target_kind, ref.target))


def warn_broken(
    graph: RecordGraph, entry: Entry, ref: Reference, failed: Path, report: Report
) -> None:
    """Say once per referring file that a record it names has errors of its own."""
    key = (entry.doc.path.as_posix(), ref.target_kind, ref.target)
    if key in graph.warned:
        return
    graph.warned.add(key)
    what = "the sector list" if ref.target_kind == "sector" else f"{ref.target_kind} '{ref.target}'"
    report.add(
        entry.doc.path,
        entry.doc.position_of(ref.path),
        "W301",
        f"{what} has errors; fix {display_path(failed)} first",
        field=dotted(ref.path),
    )


def missing_hint(kind: str) -> str:
    """How to create a record that a reference expects."""
    if kind == "sector":
        return "add it to content/taxonomies/sectors.yml"
    return f"create it with `warta new {kind}`"


def check_signatories(entry: Entry, report: Report) -> None:
    """A signatory signs for one of the agreement's parties."""
    record = entry.record
    if not isinstance(record, Agreement):
        return
    for i, signatory in enumerate(record.signatories):
        if signatory.organization not in record.parties:
            path = ("signatories", i, "organization")
            report.add(
                entry.doc.path,
                entry.doc.position_of(path),
                "E303",
                f"'{signatory.organization}' is not a party to this agreement",
                field=dotted(path),
                hint="add it to `parties:` or fix the signatory",
            )


def iter_references(record: Record) -> Iterator[Reference]:
    """Every reference a record makes, with the field it is in, in the model's field order.

    The models mark reference fields with `RefTo` (and lists of sub-records with `Role`),
    so a new kind's references need no code here.
    """
    yield from _model_refs(record, (), record.kind, "")


def _model_refs(model: BaseModel, path: FieldPath, source: str, role: str) -> Iterator[Reference]:
    for name, key, target, inner in _linking_fields(type(model)):
        value = getattr(model, name)
        if target is not None:
            yield from _field_refs(
                model, target, value, (*path, key), role or target.role or source
            )
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                where = (*path, key, i) if isinstance(value, list) else (*path, key)
                yield from _model_refs(item, where, source, inner.name if inner else role)


def _field_refs(
    model: BaseModel, target: RefTo, value: Any, path: FieldPath, role: str
) -> Iterator[Reference]:
    if value is None:
        return
    if target.role_field:
        role = str(getattr(model, target.role_field).value)
    note = getattr(model, target.note_field) if target.note_field else None
    if isinstance(value, list):
        for i, key in enumerate(value):
            yield Reference(target.kind, key, (*path, i), role, note)
    else:
        yield Reference(target.kind, value, path, role, note)


@functools.cache
def _linking_fields(model: type[BaseModel]) -> list[tuple[str, str, RefTo | None, Role | None]]:
    """Each field's name, its name as written, and its reference and role markers."""
    return [
        (name, info.alias or name, _marker(info.metadata, RefTo), _marker(info.metadata, Role))
        for name, info in fields_of(model).items()
    ]


def _marker(metadata: list[Any], marker: type[M]) -> M | None:
    return next((item for item in metadata if isinstance(item, marker)), None)
