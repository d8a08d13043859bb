"""The build, search and publish stages of a rebuild, doing only what the changes require.

`pipeline.build_site` renders every page in memory (so what a page shows is always
computed from all of its inputs), then hands the rendered site here. Each language's
docs tree is compared with the cache (`sitebuild/incremental.py`); MkDocs runs only for
languages with changed pages, and only on those pages; the changed MkDocs output files
are found by their stat; a language's search copies are refreshed for those files, and
Pagefind reruns only if a copy changed; the published site is assembled from hard links
to the last one plus copies of what changed.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.buildcache import LanguageState, changed_keys, removed_keys, stat_tree
from generator.forks import can_fork, forked_call
from generator.publish.assemble import copy_files, move_files, remove_files, replace_tree
from generator.search.pagefind import (
    BUNDLE,
    SPLIT_ABOVE,
    IndexHook,
    LanguageIndex,
    indexed_parts,
    refresh_parts,
    update_index,
)
from generator.search.partitions import MANIFEST, assign_parts, drop_memo, load_memo
from generator.search.vocabulary import FOLDER
from generator.sitebuild.incremental import FULL, LanguagePlan

INDEXED, EMPTY = "indexed", "empty"
SLACK = 1_000_000_000  # ns: file times come from a coarser clock than time.time_ns()


@dataclass(frozen=True)
class HtmlChange:
    """One language's MkDocs output after the build, and how it differs from the last one."""

    plan: LanguagePlan
    files: dict[str, int]
    """Every output file's size."""
    changed: frozenset[str]
    removed: frozenset[str]


def html_changes(
    plans: list[LanguagePlan], old: Mapping[str, LanguageState], since_ns: int
) -> dict[str, HtmlChange]:
    """Compare every language's MkDocs output with what was last published.

    A file changed if it is new, if its size changed, or if it was written since `since_ns`
    (when MkDocs started; a second earlier, as file times may lag the clock).
    """
    changes = {}
    for plan in plans:
        before = old[plan.lang].html if plan.lang in old and plan.mode != FULL else {}
        stats = stat_tree(plan.html) if plan.html.is_dir() else {}
        files = {path: size for path, (size, _time) in stats.items()}
        fresh = {path for path, (_size, time_ns) in stats.items() if time_ns >= since_ns - SLACK}
        changes[plan.lang] = HtmlChange(
            plan,
            files,
            frozenset(changed_keys(before, files) | fresh),
            frozenset(removed_keys(before, files)),
        )
    return changes


def place_html(staging: Path, changes: Mapping[str, HtmlChange], seeded: bool) -> None:
    """Copy each language's new or changed MkDocs files into staging; remove the deleted ones."""
    for lang, change in changes.items():
        if seeded:
            remove_files(staging / lang, change.removed)
            copy_files(change.plan.html, staging / lang, change.changed)
        else:
            copy_files(change.plan.html, staging / lang, change.files)


def update_search(
    changes: Mapping[str, HtmlChange],
    old: Mapping[str, LanguageState],
    search_work: Path,
    on_done: IndexHook | None = None,
    split_above: int = SPLIT_ABOVE,
) -> dict[str, LanguageIndex | None]:
    """Refresh each language's search copies and reindex where one changed (None: no work)."""

    def one(lang: str) -> LanguageIndex | None:
        result = update_language(changes[lang], old.get(lang), search_work / lang, split_above)
        if result is not None and on_done:
            on_done(result)
        return result

    with ThreadPoolExecutor(max_workers=max(1, len(changes))) as pool:
        return dict(zip(changes, pool.map(one, changes), strict=True))


def update_language(
    change: HtmlChange, old: LanguageState | None, work: Path, split_above: int = SPLIT_ABOVE
) -> LanguageIndex | None:
    """One language's search update; None when its bundle is still right.

    Only the pages MkDocs wrote are read again; without a trusted state every page is, and
    the parts of the index are rebuilt from nothing.
    """
    if old is None:
        drop_memo(work)  # another toolchain, or --full: reuse no part of the index
    memo = load_memo(work)
    if memo is None or not old or not old.search or not bundle_present(old, work):
        parts = indexed_parts(change.plan.html)
    else:
        parts = refresh_parts(change.plan.html, memo.parts, change.changed, change.removed)
        if parts == memo.parts and memo.placed == assign_parts(parts, split_above):
            return None
    return update_index(parts, change.plan.lang, work, split_above)


def bundle_present(old: LanguageState, work: Path) -> bool:
    """Whether the bundle the cache vouches for is still on disk."""
    return old.search == EMPTY or (work / "bundle" / "pagefind-entry.json").is_file()


def search_state(result: LanguageIndex | None, old: LanguageState | None) -> str:
    """What the cache records about a language's bundle."""
    if result is None:
        return old.search if old else ""
    return (INDEXED if result.pages else EMPTY) if result.ok else ""


def place_bundles(
    staging: Path, search_work: Path, results: Mapping[str, LanguageIndex | None], seeded: bool
) -> None:
    """Link each rebuilt (or, in a fresh staging, every) bundle into its language folder.

    In a staging seeded from the last site, only the rebuilt parts of the index, the word →
    root map and the list of parts are replaced, unless the primary part was rebuilt.
    """
    for lang, result in results.items():
        bundle, dest = search_work / lang / "bundle", staging / lang / BUNDLE
        if result is None and seeded:
            continue
        primary = bundle_parts(bundle)[:1]
        # The primary part is the bundle's top folder: a new or rebuilt one replaces it all.
        moved = primary != bundle_parts(dest)[:1] or set(primary) & set(
            result.indexed if result else ()
        )
        if result is None or not seeded or not result.indexed or moved:
            replace_tree(bundle, dest)
            continue
        for name in set(bundle_parts(dest)) - set(bundle_parts(bundle)):
            shutil.rmtree(dest / name, ignore_errors=True)
        for name in [*result.indexed, FOLDER]:
            replace_tree(bundle / name, dest / name)
        copy_files(bundle, dest, [MANIFEST])


def bundle_parts(bundle: Path) -> list[str]:
    """The parts of an assembled bundle, primary first (empty if there is no bundle)."""
    try:
        manifest = json.loads((bundle / MANIFEST).read_text("utf-8"))
        return [str(manifest["primary"]), *map(str, manifest["parts"])]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def drop_bundles(staging: Path, langs: list[str]) -> None:
    """Remove search bundles (a site with search turned off has none)."""
    for lang in langs:
        shutil.rmtree(staging / lang / BUNDLE, ignore_errors=True)


@contextmanager
def extras_writer(scratch: Path, write: Callable[[Path], None]) -> Iterator[Future[None]]:
    """`write_extras` running beside the build; the context waits for it to end.

    Where the system can fork, it runs in a forked process: the feeds and calendars are
    seconds of Python, which in a thread would take turns with the build's own Python (the
    walk of MkDocs' output, the search copies) under the GIL.
    """
    job = functools.partial(write_extras, scratch, write)
    if not can_fork():
        with ThreadPoolExecutor(1) as threads:
            yield threads.submit(job)
        return
    future = forked_call(job)
    try:
        yield future
    finally:
        wait([future])


def write_extras(scratch: Path, write: Callable[[Path], None]) -> None:
    """Write the files beside MkDocs' output (`write`) into a fresh `scratch` folder.

    Writing into a fresh folder and renaming (`place_extras`) keeps every hard link to the
    last site intact.
    """
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    write(scratch)


def place_extras(
    staging: Path, scratch: Path, old_extras: list[str], changes: Mapping[str, HtmlChange]
) -> list[str]:
    """Move the files `write_extras` wrote into staging; their site-relative names.

    An extra file written last time but not now is removed, or restored from MkDocs' output
    if MkDocs has a file of that name.
    """
    names = sorted(
        os.path.relpath(os.path.join(folder, name), scratch).replace(os.sep, "/")
        for folder, _dirs, files in os.walk(scratch)
        for name in files
    )
    for name in sorted(set(old_extras) - set(names)):
        lang, _, rest = name.partition("/")
        if lang in changes and rest in changes[lang].files:
            copy_files(changes[lang].plan.html, staging / lang, [rest])
        elif lang in changes or not rest:
            remove_files(staging, [name])
    move_files(scratch, staging, names)
    shutil.rmtree(scratch, ignore_errors=True)
    return names


def prune_strays(staging: Path, changes: Mapping[str, HtmlChange], extras: list[str]) -> None:
    """Remove files in a rebuilt language's folder that no stage wrote (say, left by hand)."""
    wanted = set(extras)
    for lang, change in changes.items():
        folder = staging / lang
        stray = [
            rel
            for rel in stat_tree(folder)
            if rel not in change.files
            and not rel.startswith(BUNDLE + "/")
            and f"{lang}/{rel}" not in wanted
        ]
        remove_files(folder, stray)
