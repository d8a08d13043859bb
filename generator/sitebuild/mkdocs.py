"""Stage 5, build: one docs tree and MkDocs config per language, built in parallel."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.project import Project
from generator.render.pages import Page, RenderedSite
from generator.sitebuild.mkdocs_config import build_mkdocs_config, write_mkdocs_config
from generator.sitebuild.photos import write_photos

OVERRIDES = "overrides"
WARNING_RE = re.compile(r"^(WARNING|ERROR)\s+-\s+", re.MULTILINE)


@dataclass(frozen=True)
class ToolRun:
    """The outcome of one external tool (MkDocs, Pagefind) run on one language."""

    lang: str
    returncode: int
    output: str
    seconds: float

    @property
    def ok(self) -> bool:
        """True when the tool exited cleanly."""
        return self.returncode == 0


@dataclass(frozen=True)
class LanguageBuild(ToolRun):
    """The outcome of one language's `mkdocs build`."""

    @property
    def warnings(self) -> list[str]:
        """MkDocs' WARNING and ERROR lines."""
        return [line for line in self.output.splitlines() if WARNING_RE.match(line)]


Hook = Callable[[str], None]
DoneHook = Callable[[LanguageBuild], None]

# Encoded photos, kept between builds: encoding is the slow part of a photo.
PHOTO_CACHE = "photo-cache"


def write_docs_trees(
    site: RenderedSite,
    project: Project,
    out: Path,
    *,
    langs: Sequence[str] | None = None,
    strict: bool = False,
) -> dict[str, Path]:
    """Write `out/<lang>/docs/` and `out/<lang>/mkdocs.yml`; returns each config's path."""
    check_twins(site)
    overrides = project.templates / OVERRIDES
    configs = {}
    for lang in langs or site.config.languages:
        folder = out / lang
        if folder.exists():
            shutil.rmtree(folder)  # a page removed from the content must not linger
        write_pages(site.pages.get(lang, []), folder / "docs")
        write_photos(site.photos, out / PHOTO_CACHE, [folder / "docs"])
        configs[lang] = folder / "mkdocs.yml"
        write_mkdocs_config(
            build_mkdocs_config(site, lang, overrides, strict=strict), configs[lang]
        )
    return configs


def check_twins(site: RenderedSite) -> None:
    """Every language has the same page paths, so the language switch never dead-ends."""
    expected = site.page_paths(site.config.default_language)
    for lang in site.config.languages:
        if site.page_paths(lang) != expected:
            odd = sorted(site.page_paths(lang) ^ expected)[:5]
            raise ValueError(f"pages of '{lang}' differ from the default language's: {odd}")


def write_pages(pages: Sequence[Page], docs: Path) -> None:
    """Write each page's text at its docs-relative path."""
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, "utf-8")


def build_languages(
    configs: Mapping[str, Path],
    staging: Path | Mapping[str, Path],
    *,
    dirty: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    on_start: Hook | None = None,
    on_done: DoneHook | None = None,
) -> list[LanguageBuild]:
    """Run `mkdocs build` for every language at once, each in its own process.

    `staging` is the folder of every language's output (`staging/<lang>`), or each
    language's own output folder; the languages in `dirty` only rebuild stale pages.
    """

    def one(lang: str) -> LanguageBuild:
        if on_start:
            on_start(lang)
        dest = staging / lang if isinstance(staging, Path) else staging[lang]
        result = run_mkdocs(lang, configs[lang], dest, env, dirty=lang in dirty)
        if on_done:
            on_done(result)
        return result

    # Threads only wait on the child processes, which do the work in parallel.
    with ThreadPoolExecutor(max_workers=max(1, len(configs))) as pool:
        return list(pool.map(one, configs))


def run_mkdocs(
    lang: str,
    config: Path,
    dest: Path,
    env: Mapping[str, str] | None = None,
    *,
    dirty: bool = False,
) -> LanguageBuild:
    """Build one language's sub-site into `dest`, capturing MkDocs' output."""
    start = time.monotonic()
    code, output = run_tool(mkdocs_command(config, dest, dirty=dirty), env)
    return LanguageBuild(lang, code, output, time.monotonic() - start)


def run_tool(command: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[int, str]:
    """Run an external tool to the end; its exit code and its merged output."""
    proc = subprocess.run(
        command,
        env=dict(env) if env is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    return proc.returncode, proc.stdout


def mkdocs_command(config: Path, dest: Path, *, dirty: bool = False) -> list[str]:
    """The command line of one language's build; a dirty one rebuilds only stale pages."""
    return [
        sys.executable,
        "-m",
        "generator.sitebuild.mkdocs_quiet" if dirty else "mkdocs",
        "build",
        "--dirty" if dirty else "--clean",
        "--config-file",
        str(config),
        "--site-dir",
        str(dest),
    ]


def build_env(site: RenderedSite, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of the MkDocs processes, with a reproducible build time."""
    env = dict(os.environ if base is None else base)
    env.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(site)))
    # Material 9.7+ prints a notice about MkDocs 2.0 on every build; it is not ours to act on.
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


def source_date_epoch(site: RenderedSite) -> int:
    """The newest page date as a Unix time, so the sitemap's dates follow the content."""
    newest = site.newest_date or dt.date(1970, 1, 1)
    return int(dt.datetime.combine(newest, dt.time(), dt.UTC).timestamp())
