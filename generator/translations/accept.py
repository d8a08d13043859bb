"""`warta translations accept`: record translations as made from the current source text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.records.coverage import iter_localized
from generator.records.link import RecordGraph
from generator.records.translations import (
    Manifest,
    State,
    record_key,
    source_language,
    text_hash,
)
from generator.records.validate import dotted


@dataclass(frozen=True)
class Accepted:
    """How many translations an accept recorded, by their state before."""

    untracked: int = 0
    outdated: int = 0
    pruned: int = 0


def accept_translations(
    graph: RecordGraph,
    manifest: Manifest,
    *,
    files: Iterable[Path] = (),
    langs: Iterable[str] = (),
    outdated: bool = False,
    prune_gone: bool = True,
) -> Accepted:
    """Track every untracked translation (and outdated ones with `outdated`) as current.

    `files` and `langs` narrow it down; with no `files` and `prune_gone` (the records have no
    errors, so every record is in the graph), entries of texts that are gone are dropped.
    """
    chosen = {path.resolve() for path in files}
    wanted = set(langs) or set(graph.config.languages)
    counts = {State.UNTRACKED: 0, State.OUTDATED: 0}
    for by_key in graph.entries.values():
        for entry in by_key.values():
            if chosen and entry.doc.path.resolve() not in chosen:
                continue
            record = record_key(entry.kind, entry.key)
            for path, text in iter_localized(entry.record, ()):
                source = source_language(text, graph.config)
                assert source is not None, "a localized text is never empty"
                for lang in sorted(wanted):
                    state = manifest.state(record, dotted(path), text, lang, graph.config)
                    if state is State.UNTRACKED or (outdated and state is State.OUTDATED):
                        manifest.set(record, dotted(path), lang, text_hash(text[source]))
                        counts[state] += 1
    pruned = prune(graph, manifest) if prune_gone and not chosen else 0
    return Accepted(counts[State.UNTRACKED], counts[State.OUTDATED], pruned)


def prune(graph: RecordGraph, manifest: Manifest) -> int:
    """Drop entries of records, fields and languages that are gone; returns how many."""
    alive: dict[str, dict[str, set[str]]] = {}
    for by_key in graph.entries.values():
        for entry in by_key.values():
            fields = alive.setdefault(record_key(entry.kind, entry.key), {})
            for path, text in iter_localized(entry.record, ()):
                fields[dotted(path)] = {lang for lang, value in text.items() if value}
    pruned = 0
    for record, tracked in list(manifest.hashes.items()):
        for name, by_lang in list(tracked.items()):
            for lang in list(by_lang):
                if lang not in alive.get(record, {}).get(name, set()):
                    del by_lang[lang]
                    pruned += 1
            if not by_lang:
                del tracked[name]
        if not tracked:
            del manifest.hashes[record]
    return pruned
