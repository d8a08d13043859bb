"""A language's search index, split into parts that are rebuilt only when their pages change.

Pagefind cannot update an index: it reads every page it is given, every time. A large
language's index is therefore split (above `search.split_above` record pages) into one part
per year folder (`events/2024/…` and `agreements/2024/…` go to `part-2024`) and one per
undated folder (`part-organizations`); a smaller language's index is one part. Each part is
its own Pagefind bundle, built from its own folder of page copies, so an edit re-indexes the
one part whose copies changed. The reader's browser loads the first part as Pagefind's
primary index and merges the others (`mergeIndex`, listed in `warta-parts.json`), which
share the primary's WebAssembly and fetch only their own metadata and word chunks.

What was indexed is remembered in `memo.json` beside the copies: the page parts, the digest
of each copy, and the fingerprint of the vocabulary the dictionary roots were read with.
A part is rebuilt when any of its copies differs, so the bundle is always what a cold build
would make from the same pages.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.files import link_or_copy, write_atomic
from generator.search.bundle import ENTRY

MEMO = "memo.json"
MEMO_FORMAT = 2
MANIFEST = "warta-parts.json"
PREFIX = "part-"
YEAR = re.compile(r"(?:19|20|21)\d\d")


class SearchMemo(BaseModel):
    """What one language's search work folder holds, as last indexed."""

    format: int = MEMO_FORMAT
    roots: str
    """Fingerprint of the words the dictionary roots were read from ('' without roots)."""
    parts: dict[str, str]
    """Site-relative page path -> the marked part of the page that was indexed."""
    copies: dict[str, str]
    """Site-relative page path -> digest of the copy Pagefind read."""
    placed: dict[str, str]
    """Site-relative page path -> the part of the index that holds it."""


@dataclass(frozen=True)
class PartitionPlan:
    """Which parts of a language's index must be (re)built, and which are gone."""

    members: dict[str, list[str]]
    """Part name -> its page paths, sorted."""
    dirty: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def unit_of(rel: str) -> tuple[int, str]:
    """The smallest group a page is indexed with: (0, its year folder), else (1, its top
    folder)."""
    folders = rel.split("/")[:-1]
    year = next((name for name in folders[:2] if YEAR.fullmatch(name)), None)
    return (0, year) if year else (1, folders[0] if folders else "pages")


def assign_parts(rels: Iterable[str], split_above: int) -> dict[str, str]:
    """The part of the index each page goes to.

    Up to `split_above` pages make one part. Above that, consecutive years are grouped, and
    so are undated folders in name order, until a group has `split_above` pages: parts big
    enough that a first query fetches few of them, small enough that an edit re-indexes a
    fraction of the language. A part is named after its first year or folder, so a new
    record of the newest year only ever changes the last dated part.
    """
    units = {rel: unit_of(rel) for rel in rels}
    if len(units) <= split_above:
        return dict.fromkeys(units, PREFIX + "all")
    sizes = Counter(units.values())
    names: dict[tuple[int, str], str] = {}
    family, name, size = -1, "", 0
    for unit in sorted(sizes):
        if unit[0] != family or size >= split_above:
            family, name, size = unit[0], PREFIX + unit[1], 0
        names[unit] = name
        size += sizes[unit]
    return {rel: names[unit] for rel, unit in units.items()}


def plan_partitions(
    copies: Mapping[str, str], placed: Mapping[str, str], old: SearchMemo | None, index: Path
) -> PartitionPlan:
    """Group pages into parts; a part is dirty if one of its copies changed or it is missing."""
    members = _members(placed)
    before = _members(old.placed) if old else {}
    dirty = [
        name
        for name, rels in members.items()
        if old is None
        or before.get(name) != rels
        or any(old.copies[rel] != copies[rel] for rel in rels)
        or not (index / name / ENTRY).is_file()
    ]
    return PartitionPlan(members, dirty, sorted(set(before) - set(members)))


def _members(placed: Mapping[str, str]) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    for rel in sorted(placed):
        members.setdefault(placed[rel], []).append(rel)
    return dict(sorted(members.items()))


def load_memo(work: Path) -> SearchMemo | None:
    """The memo of a search work folder, or None if it is missing, foreign or corrupt."""
    try:
        memo = SearchMemo.model_validate_json((work / MEMO).read_bytes())
    except (OSError, ValueError, ValidationError):
        return None
    return memo if memo.format == MEMO_FORMAT else None


def save_memo(work: Path, memo: SearchMemo) -> None:
    """Write the memo, last: a build killed before this re-indexes from scratch next time."""
    write_atomic(work / MEMO, memo.model_dump_json())


def drop_memo(work: Path) -> None:
    """Forget the memo before the folders it describes change."""
    (work / MEMO).unlink(missing_ok=True)


def assemble_bundle(index: Path, names: Iterable[str], bundle: Path) -> None:
    """Link the parts into one bundle: the first at the top, the others in their folders."""
    shutil.rmtree(bundle, ignore_errors=True)
    ordered = sorted(names)
    if not ordered:
        return
    shutil.copytree(index / ordered[0], bundle, copy_function=link_or_copy)
    for name in ordered[1:]:
        shutil.copytree(index / name, bundle / name, copy_function=link_or_copy)
    manifest = {"version": 1, "primary": ordered[0], "parts": ordered[1:]}
    (bundle / MANIFEST).write_text(json.dumps(manifest, separators=(",", ":")), "utf-8")
