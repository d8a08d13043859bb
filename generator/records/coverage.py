"""Translation coverage: which localized texts are missing in which language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from generator.config import SiteConfig
from generator.diagnostics import Report
from generator.records.load import FieldPath
from generator.records.validate import Entry, dotted


@dataclass
class Coverage:
    """How many localized texts exist in each language, out of how many."""

    total: int = 0
    present: dict[str, int] = field(default_factory=dict)
    missing: list[tuple[Entry, str, str]] = field(default_factory=list)

    def percent(self, lang: str) -> float:
        """Share of texts written in a language, 0–100."""
        return 100.0 if self.total == 0 else 100.0 * self.present.get(lang, 0) / self.total


def measure_coverage(entries: list[Entry], config: SiteConfig, report: Report) -> Coverage:
    """Count translations and warn about each text missing in a required language."""
    coverage = Coverage(present={lang: 0 for lang in config.languages})
    for entry in entries:
        for path, text in iter_localized(entry.record, ()):
            coverage.total += 1
            for lang in config.languages:
                if text.get(lang):
                    coverage.present[lang] += 1
                elif lang in config.required_languages:
                    coverage.missing.append((entry, dotted(path), lang))
                    warn_missing(entry, path, lang, config, report)
    return coverage


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


def iter_localized(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, dict[str, str]]]:
    """Every localized text inside a record, with its field path as the editor wrote it."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from iter_localized(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_localized(item, (*path, i))
    elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_localized(item, (*path, key))
