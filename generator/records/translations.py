"""Which source text each translation was made from, kept in `content/.translations.yml`.

Editors' files hold only the texts. Beside them, one hidden manifest records, for every
translation, a short hash of the source text it was translated from:

    event/2023-11-03-icbc-henan:
      title:
        en: 5c1b0e6a93d4f2e1

The source of a localized text is its text in the default language (or, when that is
missing, in the first configured language that has it). When the source changes, its hash
no longer matches and the translation is *outdated*. A translation with no entry is
*untracked*: written by hand, it is assumed current until `warta translations accept`
records it. `warta translations import` and `accept` write the manifest; nothing else does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from generator.config import SiteConfig
from generator.diagnostics import Position, Report
from generator.files import write_atomic
from generator.records.load import LoadError, load_mapping, read_text

MANIFEST_NAME = ".translations.yml"
HASH_LENGTH = 16
HEADER = (
    "# The source text each translation was made from, as a hash (docs/architecture.md).\n"
    "# Written by `warta translations import` and `warta translations accept`; do not edit.\n"
)

Hashes = dict[str, dict[str, dict[str, str]]]
"""record (`kind/id`) → field (`title`, `quotes[0].text`) → language → source hash."""


class State(StrEnum):
    """Where one text stands in one language."""

    SOURCE = "source"
    CURRENT = "current"
    UNTRACKED = "untracked"
    OUTDATED = "outdated"
    MISSING = "missing"


def text_hash(text: str) -> str:
    """A short, stable hash of a text; line endings and outer white space do not count."""
    normal = text.replace("\r\n", "\n").strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def source_language(text: Mapping[str, str], config: SiteConfig) -> str | None:
    """The language a text is translated from: the default one, else the first written."""
    for lang in (config.default_language, *config.languages):
        if text.get(lang):
            return lang
    return None


def record_key(kind: str, key: str) -> str:
    """How the manifest names a record: `event/2023-11-03-icbc-henan`."""
    return f"{kind}/{key}"


@dataclass
class Manifest:
    """The source hashes of every tracked translation."""

    path: Path
    hashes: Hashes = field(default_factory=dict)

    def get(self, record: str, field_path: str, lang: str) -> str | None:
        """The hash of the source a translation was made from, if it is tracked."""
        return self.hashes.get(record, {}).get(field_path, {}).get(lang)

    def set(self, record: str, field_path: str, lang: str, digest: str) -> None:
        """Remember that a translation was made from the source with this hash."""
        self.hashes.setdefault(record, {}).setdefault(field_path, {})[lang] = digest

    def state(
        self, record: str, field_path: str, text: Mapping[str, str], lang: str, config: SiteConfig
    ) -> State:
        """Where the text of one field stands in one language."""
        source = source_language(text, config)
        if lang == source:
            return State.SOURCE
        if not text.get(lang):
            return State.MISSING
        recorded = self.get(record, field_path, lang)
        if recorded is None:
            return State.UNTRACKED
        assert source is not None, "a text with a translation has a source"
        return State.CURRENT if recorded == text_hash(text[source]) else State.OUTDATED

    def render(self) -> str:
        """The manifest file's text: sorted, so the same hashes give the same bytes."""
        ordered = {
            record: {f: dict(sorted(langs.items())) for f, langs in sorted(fields.items())}
            for record, fields in sorted(self.hashes.items())
            if any(fields.values())
        }
        body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)
        return HEADER + (body if ordered else "{}\n")

    def save(self) -> bool:
        """Write the manifest atomically if its text changed; returns whether it did."""
        text = self.render()
        if self.path.exists() and self.path.read_text("utf-8") == text:
            return False
        write_atomic(self.path, text.encode("utf-8"))
        return True


def load_manifest(content_dir: Path, report: Report) -> Manifest:
    """Read the manifest (an absent one is empty); a broken one is reported as E401."""
    path = content_dir / MANIFEST_NAME
    manifest = Manifest(path)
    if not path.exists():
        return manifest
    try:
        data, positions, _ = load_mapping(read_text(path))
    except LoadError as err:
        if err.code == "E108":  # an empty file is an empty manifest
            return manifest
        _report_manifest(report, path, err.position, err.message)
        return manifest
    for record, fields in data.items():
        if _valid_entry(fields):
            manifest.hashes[record] = fields
        else:
            _report_manifest(report, path, positions[(record,)], f"entry '{record}' is malformed")
    return manifest


def _valid_entry(fields: Any) -> bool:
    return isinstance(fields, dict) and all(
        isinstance(langs, dict) and all(isinstance(v, str) for v in langs.values())
        for langs in fields.values()
    )


def _report_manifest(report: Report, path: Path, position: Position, problem: str) -> None:
    report.add(
        path,
        position,
        "E401",
        f"translation manifest is unreadable: {problem}",
        hint="restore it from version control, or delete it and run `warta translations "
        "accept`; which translations were outdated is then forgotten",
    )
