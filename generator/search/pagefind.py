"""Stage 5b, search: a Pagefind index of each language's record pages, inside its sub-site.

Each language gets its own bundle, `<lang>/pagefind/`, built from that language's folder
only. A reader on `/id/` loads the Indonesian bundle, which holds no English page, so a result
can never be in the wrong language; and a build of one language (`warta build --lang en`)
re-indexes that language and carries the other's folder over with its bundle, untouched.
"""

from __future__ import annotations

import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.search.bundle import canonicalize_bundle
from generator.search.forms import COMPOUNDS, ROOTED, add_word_forms, text_words
from generator.search.roots import SiteRoots
from generator.search.vocabulary import write_vocabulary
from generator.sitebuild.mkdocs import ToolRun, run_tool

BUNDLE = "pagefind"
# The theme puts a record page's indexed content and its metadata between these comments.
START, END = "<!--warta:search-->", "<!--/warta:search-->"
PAGE = '<!doctype html><html lang="{lang}"><meta charset="utf-8"><body>{part}</body></html>'
# Material's heading permalink `¶` would otherwise stick to the last word of every heading.
EXCLUDE_SELECTORS = ".headerlink"
PAGES_RE = re.compile(r"Indexed (\d+) pages?")

# Pagefind holds a whole language's index in memory (0.78 GiB for 10,000 pages), so two at
# once doubled the build's peak. One at a time, each still overlaps the other language's
# preparation, which is Python and the larger part of the work.
ONE_INDEXER = threading.Lock()


@dataclass(frozen=True)
class LanguageIndex(ToolRun):
    """The outcome of indexing one language with Pagefind."""

    pages: int = 0


IndexHook = Callable[[LanguageIndex], None]


def index_site(
    staging: Path, langs: Sequence[str], scratch: Path, *, on_done: IndexHook | None = None
) -> list[LanguageIndex]:
    """Index every language's built folder `staging/<lang>` at once, into its `pagefind/`.

    `scratch` holds the copies of the pages that Pagefind reads (see `write_source`).
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
    site: Path, lang: str, source: Path, bundle: Path | None = None
) -> LanguageIndex:
    """Index one language's sub-site into `bundle` (default `site/pagefind/`), reproducibly."""
    return index_parts(indexed_parts(site), lang, source, bundle or site / BUNDLE)


def index_parts(parts: dict[Path, str], lang: str, source: Path, bundle: Path) -> LanguageIndex:
    """Index the marked parts of a language's record pages into a fresh `bundle`."""
    start = time.monotonic()
    roots = None
    if lang in ROOTED:
        roots = SiteRoots(word for part in parts.values() for word in text_words(part))
    pages = write_source(parts, source, lang, roots)
    shutil.rmtree(bundle, ignore_errors=True)
    if not pages:
        # Pagefind refuses to write an empty index; a site without records has nothing to find.
        return LanguageIndex(lang, 0, "no record pages to index", time.monotonic() - start, 0)
    with ONE_INDEXER:
        code, output = run_tool(pagefind_command(source, bundle))
    if code == 0:
        canonicalize_bundle(bundle)
        write_vocabulary(bundle, roots)
    found = PAGES_RE.search(output)
    counted = int(found.group(1)) if found else pages
    return LanguageIndex(lang, code, output, time.monotonic() - start, counted)


def indexed_parts(site: Path) -> dict[Path, str]:
    """The marked part of each record page of a built sub-site, by its path in it; sorted."""
    parts: dict[Path, str] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        part = indexed_part(page.read_text("utf-8")) if rel.parts[0] != BUNDLE else None
        if part is not None:
            parts[rel] = part
    return parts


def write_source(parts: dict[Path, str], source: Path, lang: str, roots: SiteRoots | None) -> int:
    """Write what Pagefind should read of each record page into `source`; returns how many.

    Only the marked part of a page is copied, which keeps the copies small, and where the
    language needs them it carries each word's dictionary root (generator/search/forms.py):
    the published pages stay exactly as MkDocs wrote them.
    """
    if source.exists():
        shutil.rmtree(source)
    for rel, part in parts.items():
        target = source / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = add_word_forms(part, roots.added_form, COMPOUNDS.get(lang, ())) if roots else part
        target.write_text(PAGE.format(lang=lang, part=text), "utf-8")
    return len(parts)


def parts_changed(site: Path, mirror: Path, changed: Iterable[str], removed: Iterable[str]) -> bool:
    """Whether a changed or removed page's marked part differs from the one last indexed.

    `mirror` holds the parts last indexed (`save_parts`). The word forms added to every copy
    depend on the whole language's vocabulary, so any difference means a full re-index.
    """
    if any((mirror / rel).is_file() for rel in removed):
        return True
    for rel in changed:
        if not rel.endswith(".html") or rel.split("/")[0] == BUNDLE:
            continue
        part = indexed_part((site / rel).read_text("utf-8"))
        old = (mirror / rel).read_text("utf-8") if (mirror / rel).is_file() else None
        if part != old:
            return True
    return False


def save_parts(parts: dict[Path, str], mirror: Path) -> None:
    """Keep the indexed parts, for `parts_changed` to compare the next build's with."""
    shutil.rmtree(mirror, ignore_errors=True)
    for rel, part in parts.items():
        (mirror / rel).parent.mkdir(parents=True, exist_ok=True)
        (mirror / rel).write_text(part, "utf-8")


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
