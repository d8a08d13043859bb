"""Stage 5b, search: a Pagefind index of each language's record pages, inside its sub-site.

Each language gets its own bundle, `<lang>/pagefind/`, built from that language's folder
only. A reader on `/id/` loads the Indonesian bundle, which holds no English page, so a result
can never be in the wrong language; and a build of one language (`warta build --lang en`)
re-indexes that language and carries the other's folder over with its bundle, untouched.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.buildcache import digest_text
from generator.config import SearchConfig
from generator.search.bundle import canonicalize_bundle
from generator.search.forms import COMPOUNDS, ROOTED, add_word_forms, text_words
from generator.search.partitions import (
    PartitionPlan,
    SearchMemo,
    assemble_bundle,
    assign_parts,
    drop_memo,
    load_memo,
    plan_partitions,
    save_memo,
)
from generator.search.roots import SiteRoots
from generator.search.vocabulary import write_vocabulary
from generator.sitebuild.mkdocs import ToolRun, run_tool

BUNDLE = "pagefind"
# The theme puts a record page's indexed content and its metadata between these comments.
START, END = "<!--warta:search-->", "<!--/warta:search-->"
PAGE = '<!doctype html><html lang="{lang}"><meta charset="utf-8"><body>{part}</body></html>'
# Material's heading permalink `¶` would otherwise stick to the last word of every heading.
EXCLUDE_SELECTORS = ".headerlink"

# Above this many record pages a language's index is split into parts (partitions.py).
# Pagefind holds the index it builds in memory (0.78 GiB for 10,000 pages), so the parts
# also keep two languages' indexers, which run at once, small.
SPLIT_ABOVE = SearchConfig().split_above


@dataclass(frozen=True)
class LanguageIndex(ToolRun):
    """The outcome of indexing one language with Pagefind."""

    pages: int = 0
    indexed: tuple[str, ...] = ()
    """The parts of the index that were rebuilt (generator/search/partitions.py)."""


IndexHook = Callable[[LanguageIndex], None]


def index_site(
    staging: Path, langs: Sequence[str], scratch: Path, *, on_done: IndexHook | None = None
) -> list[LanguageIndex]:
    """Index every language's built folder `staging/<lang>` at once, into its `pagefind/`.

    `scratch` holds the copies of the pages that Pagefind reads (see `update_index`).
    """

    def one(lang: str) -> LanguageIndex:
        result = index_language(staging / lang, lang, scratch / lang)
        if on_done:
            on_done(result)
        return result

    # Threads only wait on the Pagefind processes, which do the work in parallel.
    with ThreadPoolExecutor(max_workers=max(1, len(langs))) as pool:
        return list(pool.map(one, langs))


def index_language(
    site: Path, lang: str, work: Path, bundle: Path | None = None, split_above: int = SPLIT_ABOVE
) -> LanguageIndex:
    """Index one language's sub-site into `bundle` (default `site/pagefind/`), reproducibly.

    `work` holds the page copies and the parts' bundles (see `update_index`).
    """
    drop_memo(work)
    result = update_index(indexed_parts(site), lang, work, split_above)
    target = bundle or site / BUNDLE
    shutil.rmtree(target, ignore_errors=True)
    if (work / "bundle").is_dir():
        shutil.copytree(work / "bundle", target)
    return result


def update_index(
    parts: dict[str, str], lang: str, work: Path, split_above: int = SPLIT_ABOVE
) -> LanguageIndex:
    """Bring `work/bundle` up to date with the marked parts of a language's record pages.

    Only the parts of the index (generator/search/partitions.py) whose page copies changed
    are re-indexed; `LanguageIndex.indexed` names them.
    """
    start, old = time.monotonic(), load_memo(work)
    if not parts:
        # Pagefind refuses to write an empty index; a site without records has nothing to find.
        shutil.rmtree(work, ignore_errors=True)
        return LanguageIndex(lang, 0, "no record pages to index", time.monotonic() - start, 0)
    if old is not None and not (work / "bundle").is_dir():
        old = None
    drop_memo(work)
    if old is None:
        for folder in ("source", "index"):
            shutil.rmtree(work / folder, ignore_errors=True)
    roots, fingerprint = site_roots(parts, lang)
    placed = assign_parts(parts, split_above)
    copies = write_copies(parts, work / "source", lang, (roots, fingerprint), old, placed)
    plan = plan_partitions(copies, placed, old, work / "index")
    code, output = index_partitions(work, plan)
    if code == 0:
        assemble_bundle(work / "index", plan.members, work / "bundle")
        write_vocabulary(work / "bundle", roots)
        memo = SearchMemo(roots=fingerprint, parts=parts, copies=copies, placed=placed)
        save_memo(work, memo)
    seconds = time.monotonic() - start
    return LanguageIndex(lang, code, output, seconds, len(parts), tuple(plan.dirty))


def site_roots(parts: dict[str, str], lang: str) -> tuple[SiteRoots | None, str]:
    """The dictionary roots of a language's words (if it needs them), and their fingerprint."""
    if lang not in ROOTED:
        return None, ""
    written = {word for part in parts.values() for word in text_words(part)}
    return SiteRoots(written), digest_text("\n".join(sorted(written)))


def write_copies(
    parts: dict[str, str],
    source: Path,
    lang: str,
    roots: tuple[SiteRoots | None, str],
    old: SearchMemo | None,
    placed: dict[str, str],
) -> dict[str, str]:
    """Write the copy of each page Pagefind reads, where it changed; each copy's digest.

    Only the marked part of a page is copied, which keeps the copies small, and where the
    language needs them it carries each word's dictionary root (generator/search/forms.py):
    the published pages stay exactly as MkDocs wrote them. A copy is kept when its page's
    part, its part of the index and the vocabulary the roots were read from (`roots`, with
    its fingerprint) are all unchanged.
    """
    word_roots, fingerprint = roots
    before = old.placed if old else {}
    copies: dict[str, str] = {}
    for rel, part in parts.items():
        if (
            old is not None
            and old.roots == fingerprint
            and old.parts.get(rel) == part
            and before.get(rel) == placed[rel]
        ):
            copies[rel] = old.copies[rel]
            continue
        forms = word_roots.added_form if word_roots else None
        text = add_word_forms(part, forms, COMPOUNDS.get(lang, ())) if forms else part
        copies[rel] = digest_text(text)
        if old is None or old.copies.get(rel) != copies[rel] or before.get(rel) != placed[rel]:
            target = source / placed[rel] / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(PAGE.format(lang=lang, part=text), "utf-8")
    for rel, name in before.items():
        if placed.get(rel) != name:
            (source / name / rel).unlink(missing_ok=True)
    return copies


def index_partitions(work: Path, plan: PartitionPlan) -> tuple[int, str]:
    """Run Pagefind on each dirty part and drop the removed ones; the first failure, if any."""
    for name in plan.removed:
        shutil.rmtree(work / "index" / name, ignore_errors=True)
        shutil.rmtree(work / "source" / name, ignore_errors=True)
    outputs = []
    for name in plan.dirty:
        bundle = work / "index" / name
        shutil.rmtree(bundle, ignore_errors=True)
        code, output = run_tool(pagefind_command(work / "source" / name, bundle))
        outputs.append(output)
        if code != 0:
            return code, output
        canonicalize_bundle(bundle)
    return 0, "".join(outputs)


def indexed_parts(site: Path) -> dict[str, str]:
    """The marked part of each record page of a built sub-site, by its path in it; sorted."""
    parts: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        part = indexed_part(page.read_text("utf-8")) if rel.split("/")[0] != BUNDLE else None
        if part is not None:
            parts[rel] = part
    return parts


def refresh_parts(
    site: Path, old: Mapping[str, str], changed: Iterable[str], removed: Iterable[str]
) -> dict[str, str]:
    """The marked parts after a rebuild: the old ones, re-read where MkDocs wrote a page."""
    parts = {rel: part for rel, part in old.items() if rel not in set(removed)}
    for rel in changed:
        if not rel.endswith(".html") or rel.split("/")[0] == BUNDLE:
            continue
        part = indexed_part((site / rel).read_text("utf-8"))
        if part is None:
            parts.pop(rel, None)
        else:
            parts[rel] = part
    return dict(sorted(parts.items()))


def indexed_part(html: str) -> str | None:
    """The marked part of a page, or None for a page search does not show."""
    start = html.find(START)
    end = html.find(END, start)
    return html[start + len(START) : end] if start >= 0 and end >= 0 else None


def pagefind_command(source: Path, bundle: Path) -> list[str]:
    """The command line that indexes `source` into `bundle`."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(source),
        "--output-path",
        str(bundle),
        "--exclude-selectors",
        EXCLUDE_SELECTORS,
    ]
