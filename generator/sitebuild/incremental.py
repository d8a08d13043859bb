"""Bring each language's docs tree up to date with the rendered pages, changing only the difference.

A language's MkDocs output (`build/<lang>/html/`) is rebuilt in one of three ways:
- `full`: no trusted state (no cache, another configuration or theme, a tree changed behind
  Warta's back): the docs tree is rewritten and MkDocs builds everything;
- `dirty`: only some pages changed: their Markdown is rewritten, their old HTML removed,
  and `mkdocs build --dirty` converts exactly those (the nav lists sections only, so no
  other page's HTML depends on them);
- `skip`: nothing changed: no MkDocs at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.buildcache import (
    LanguageState,
    changed_keys,
    digest_files,
    digest_text,
    removed_keys,
    stat_tree,
    walk_files,
)
from generator.files import discard_tree
from generator.project import Project
from generator.render.pages import Page, RenderedSite
from generator.sitebuild.mkdocs import OVERRIDES, PHOTO_CACHE, check_twins
from generator.sitebuild.mkdocs_config import build_mkdocs_config, mkdocs_config_text
from generator.sitebuild.photos import write_photos

FULL, DIRTY, SKIP = "full", "dirty", "skip"


@dataclass(frozen=True)
class LanguagePlan:
    """What one language's rebuild has to do, and the state it will leave."""

    lang: str
    config: Path
    html: Path
    mode: str
    config_digest: str
    pages: dict[str, str]
    changed: frozenset[str]
    """Docs paths whose Markdown was (re)written."""
    removed: frozenset[str]
    """Docs paths of pages that no longer exist."""


def plan_languages(
    site: RenderedSite,
    project: Project,
    work: Path,
    langs: list[str],
    old: Mapping[str, LanguageState],
    *,
    strict: bool = False,
    trash: Path | None = None,
) -> list[LanguagePlan]:
    """Update every chosen language's docs tree; what MkDocs must do for each.

    A tree rebuilt from nothing is first moved into `trash` (see `discard_tree`).
    """
    check_twins(site)
    overrides = project.templates / OVERRIDES
    theme = digest_files(overrides)
    plans = []
    for lang in langs:
        text = mkdocs_config_text(build_mkdocs_config(site, lang, overrides, strict=strict))
        # Photos are not tracked by the cache yet: a site with photos rebuilds every
        # language in full (its docs tree then holds files the cache does not list).
        previous = None if site.photos else old.get(lang)
        pages = site.pages.get(lang, [])
        plan = sync_language(work / lang, lang, pages, text, theme, previous, trash)
        if site.photos:
            write_photos(site.photos, work / PHOTO_CACHE, [plan.html.parent / "docs"])
        plans.append(plan)
    return plans


def sync_language(
    folder: Path,
    lang: str,
    pages: list[Page],
    config_text: str,
    theme: str,
    old: LanguageState | None,
    trash: Path | None = None,
) -> LanguagePlan:
    """Write what changed in one language's docs tree and config."""
    config, docs, html = folder / "mkdocs.yml", folder / "docs", folder / "html"
    config_digest = digest_text(config_text + theme)
    digests = {page.path: digest_text(page.markdown) for page in pages}
    by_path = {page.path: page for page in pages}
    if old is None or not trusted(old, config_digest, docs, html):
        if folder.exists():
            discard_tree(folder, trash)  # a page removed from the content must not linger
        write_pages(docs, by_path, set(digests))
        write_text(config, config_text)
        return LanguagePlan(
            lang, config, html, FULL, config_digest, digests, frozenset(digests), frozenset()
        )
    changed, removed = changed_keys(old.pages, digests), removed_keys(old.pages, digests)
    for path in changed | removed:
        remove_file(html / html_path(path), html)  # MkDocs --dirty must rebuild these
    for path in removed:
        remove_file(docs / path, docs)
    write_pages(docs, by_path, changed)
    mode = DIRTY if changed or removed else SKIP
    return LanguagePlan(
        lang, config, html, mode, config_digest, digests, frozenset(changed), frozenset(removed)
    )


def trusted(old: LanguageState, config_digest: str, docs: Path, html: Path) -> bool:
    """Whether the trees on disk are the ones the cache describes, under the same config."""
    if old.config != config_digest or not html.is_dir():
        return False
    on_disk = {path.relative_to(docs).as_posix() for path in walk_files(docs)}
    sizes = {path: size for path, (size, _time) in stat_tree(html).items()}
    return on_disk == set(old.pages) and sizes == old.html


def write_pages(docs: Path, pages: Mapping[str, Page], paths: set[str]) -> None:
    """Write the Markdown of the given pages."""
    for path in sorted(paths):
        write_text(docs / path, pages[path].markdown)


def write_text(target: Path, text: str) -> None:
    """Write a file, creating its folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")


def html_path(docs_path: str) -> str:
    """Where MkDocs (with directory URLs) writes a page: `a/b.md` -> `a/b/index.html`."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def remove_file(path: Path, root: Path) -> None:
    """Remove a file and the folders it leaves empty, up to (not including) `root`."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return  # not empty, or already gone
        folder = folder.parent
