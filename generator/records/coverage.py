"""Translation coverage: missing and outdated texts per language, and the coverage gates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.config import SiteConfig
from generator.diagnostics import Position, Report, display_path
from generator.records.load import Document, FieldPath
from generator.records.models import fields_of
from generator.records.translations import Manifest, State, record_key
from generator.records.validate import Entry, dotted

TextSlot = tuple[Entry, str, str]
"""A record, a field path (`title`, `quotes[0].text`) and a language."""


@dataclass
class Coverage:
    """How many localized texts each language has, how many are out of date, of how many."""

    total: int = 0
    present: dict[str, int] = field(default_factory=dict)
    missing: list[TextSlot] = field(default_factory=list)
    """Texts missing in a required language (each one a W401)."""
    outdated: list[TextSlot] = field(default_factory=list)
    """Translations made from an earlier source text (each one a W402)."""
    absent: dict[str, int] = field(default_factory=dict)
    """Texts missing per language, required or not."""
    untracked: dict[str, int] = field(default_factory=dict)
    """Translations with no recorded source, assumed current (`warta translations accept`)."""
    minimum: dict[str, float] = field(default_factory=dict)
    incomplete: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(kind, id) → the languages in which a record lacks at least one text."""

    def percent(self, lang: str) -> float:
        """Share of texts written in a language, 0–100."""
        return 100.0 if self.total == 0 else 100.0 * self.present.get(lang, 0) / self.total

    def outdated_in(self, lang: str) -> int:
        """How many translations into a language are out of date."""
        return sum(1 for _, _, code in self.outdated if code == lang)

    def current(self, lang: str) -> int:
        """How many texts are written in a language and up to date."""
        return self.present.get(lang, 0) - self.outdated_in(lang)

    def current_percent(self, lang: str) -> float:
        """Share of texts written and up to date in a language, 0–100 (the gate's measure)."""
        return 100.0 if self.total == 0 else 100.0 * self.current(lang) / self.total

    def below_minimum(self) -> list[str]:
        """The languages whose up-to-date share is under their configured minimum."""
        return [lang for lang, low in self.minimum.items() if self.current_percent(lang) < low]

    def outdated_records(self) -> dict[tuple[str, str], set[str]]:
        """(kind, id) → the languages in which a record has an outdated translation."""
        stale: dict[tuple[str, str], set[str]] = {}
        for entry, _, lang in self.outdated:
            stale.setdefault((entry.kind, entry.key), set()).add(lang)
        return stale

    def figures(self) -> dict[str, Any]:
        """The per-language figures, for `warta check --format json`."""
        return {
            "total": self.total,
            "languages": {
                lang: {
                    "present": present,
                    "missing": self.absent.get(lang, 0),
                    "outdated": self.outdated_in(lang),
                    "untracked": self.untracked.get(lang, 0),
                    "current": self.current(lang),
                    "percent": round(self.current_percent(lang), 1),
                    "minimum": self.minimum.get(lang),
                    "passes": lang not in self.below_minimum(),
                }
                for lang, present in self.present.items()
            },
        }


def measure_coverage(
    entries: list[Entry], config: SiteConfig, manifest: Manifest, report: Report
) -> Coverage:
    """Count translations, warn about each missing (W401) and outdated (W402) text."""
    langs = config.languages
    coverage = Coverage(
        present=dict.fromkeys(langs, 0),
        absent=dict.fromkeys(langs, 0),
        untracked=dict.fromkeys(langs, 0),
        minimum=dict(config.translations.minimum_coverage),
    )
    for entry in entries:
        record = record_key(entry.kind, entry.key)
        for path, text in iter_localized(entry.record, ()):
            coverage.total += 1
            for lang in langs:
                state = manifest.state(record, dotted(path), text, lang, config)
                count_text(coverage, entry, path, lang, state, config, report)
    return coverage


def count_text(
    coverage: Coverage,
    entry: Entry,
    path: FieldPath,
    lang: str,
    state: State,
    config: SiteConfig,
    report: Report,
) -> None:
    """Add one text in one language to the figures, with its warning if it needs one."""
    if state is State.MISSING:
        coverage.absent[lang] += 1
        coverage.incomplete.setdefault((entry.kind, entry.key), set()).add(lang)
        if lang in config.required_languages:
            coverage.missing.append((entry, dotted(path), lang))
            warn_missing(entry, path, lang, config, report)
        return
    coverage.present[lang] += 1
    if state is State.UNTRACKED:
        coverage.untracked[lang] += 1
    elif state is State.OUTDATED:
        coverage.outdated.append((entry, dotted(path), lang))
        warn_outdated(entry, path, lang, report)


def warn_missing(
    entry: Entry, path: FieldPath, lang: str, config: SiteConfig, report: Report
) -> None:
    """A W401 warning for one text missing in one language."""
    shown = config.default_language if lang != config.default_language else "another language"
    report.add(
        entry.doc.path,
        entry.doc.position_of(path),
        "W401",
        f"{entry.kind} '{entry.key}' has no '{lang}' text",
        field=dotted(path),
        hint=f"add `{lang}:`; readers see the {shown} text until then",
    )


def warn_outdated(entry: Entry, path: FieldPath, lang: str, report: Report) -> None:
    """A W402 warning for a translation made from an earlier version of its source text."""
    report.add(
        entry.doc.path,
        entry.doc.position_of((*path, lang)),
        "W402",
        f"{entry.kind} '{entry.key}': the '{lang}' text was translated from an earlier "
        "version of the source text",
        field=dotted(path),
        hint="update it, then run `warta translations accept --outdated "
        f"{display_path(entry.doc.path)}`; until then its page says it may be out of date",
    )


def gate_coverage(coverage: Coverage, config_doc: Document | None, report: Report) -> None:
    """An E402 error for each language below its `translations.minimum_coverage`."""
    for lang in coverage.below_minimum():
        where = ("translations", "minimum_coverage", lang)
        missing, outdated = coverage.absent.get(lang, 0), coverage.outdated_in(lang)
        report.add(
            config_doc.path if config_doc else "site_config.yml",
            config_doc.position_of(where) if config_doc else Position(),
            "E402",
            f"'{lang}' is {coverage.current_percent(lang):.1f}% translated and up to date, "
            f"below the minimum of {coverage.minimum[lang]:g}% ({missing} missing, "
            f"{outdated} outdated of {coverage.total} texts)",
            field=dotted(where),
            hint=f"export what is left with `warta translations export --lang {lang} FILE`",
        )


def iter_localized(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, dict[str, str]]]:
    """Every localized text inside a record, with its field path as the editor wrote it."""
    if isinstance(value, BaseModel):
        for name, info in fields_of(type(value)).items():
            yield from iter_localized(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_localized(item, (*path, i))
    elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_localized(item, (*path, key))
