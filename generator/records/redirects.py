"""Stage 3, link: a record's former addresses (`redirect_from:`), each kept by a redirect.

A former address is an old id (`old-name`, in the record's own folder) or an old page path
(`agreements/2023/old-name`). It may not be the address of a live record, since that page
must keep its content, nor be claimed by two records.
"""

from __future__ import annotations

import re

from generator.diagnostics import Report, display_path
from generator.records.kinds import BY_FOLDER, kind_of
from generator.records.validate import Entry

FORMER_RE = re.compile(
    r"^(?:(?P<folder>[a-z]+)/(?:(?P<year>\d{4})/)?)?(?P<key>[a-z0-9]+(?:-[a-z0-9]+)*)$"
)
FORMER_HINT = "write a former id (old-name) or page path (agreements/2023/old-name)"


def former_path(entry: Entry, former: str) -> str | None:
    """The page path a former id or path stood for, or None if it is not one."""
    match = FORMER_RE.match(former.strip().strip("/").removesuffix(".md"))
    if match is None or match["key"] == "index":
        return None
    if match["folder"] is None:
        return kind_of(entry.record).page_path(match["key"], entry.year)
    kind = BY_FOLDER.get(match["folder"])
    if kind is None or not kind.has_pages or kind.dated != (match["year"] is not None):
        return None
    return kind.page_path(match["key"], int(match["year"]) if match["year"] else None)


def resolve_redirects(entries: list[Entry], report: Report) -> dict[str, Entry]:
    """Former page path → the record now living elsewhere, reporting unusable ones."""
    live = {e.page_path: e for e in entries if kind_of(e.record).has_pages}
    claimed: dict[str, Entry] = {}
    for entry in entries:
        for index, former in enumerate(entry.record.redirect_from):
            path = check_former(entry, index, former, live, claimed, report)
            if path is not None:
                claimed[path] = entry
    return claimed


def check_former(
    entry: Entry,
    index: int,
    former: str,
    live: dict[str, Entry],
    claimed: dict[str, Entry],
    report: Report,
) -> str | None:
    """The page path it stands for if it is usable; otherwise report why (E310-E312)."""
    doc, field = entry.doc, f"redirect_from[{index}]"
    position = doc.position_of(("redirect_from", index))
    path = former_path(entry, former) if kind_of(entry.record).has_pages else None
    if path is None:
        report.add(
            doc.path,
            position,
            "E310",
            f"'{former}' is not a former id or page path",
            field=field,
            hint=FORMER_HINT,
        )
        return None
    shown = path.removesuffix(".md")
    if path in live:
        owner = live[path]
        whose = (
            "this record's own address"
            if owner is entry
            else (f"the address of {display_path(owner.doc.path)}")
        )
        report.add(
            doc.path,
            position,
            "E311",
            f"former address '{shown}' is {whose}",
            field=field,
            hint="remove it: a live page keeps its own address",
        )
        return None
    if path in claimed:
        report.add(
            doc.path,
            position,
            "E312",
            f"former address '{shown}' is also claimed by {display_path(claimed[path].doc.path)}",
            field=field,
            hint="keep it on one record only",
        )
        return None
    return path
