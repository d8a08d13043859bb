"""The pipeline: load → validate → link → render → build → search → publish.

`build_site` calls the stages in order; each takes the previous stage's typed output.
The commands (`warta build`, `warta serve`) only parse arguments and call it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.config import SiteConfig
from generator.diagnostics import print_report
from generator.progress import BuildProgress, SilentProgress
from generator.project import Project
from generator.publish.feeds import write_feeds
from generator.publish.lock import LockBusy, build_lock
from generator.publish.redirects import write_redirects
from generator.publish.sitemap import write_sitemaps
from generator.publish.swap import carry_over, publish_site, recover_site, staged_site
from generator.records.check import CheckResult, check_records
from generator.records.link import RecordGraph
from generator.render.catalog import default_today
from generator.render.pages import RenderedSite
from generator.render.site import render_site
from generator.search.pagefind import index_site
from generator.sitebuild.mkdocs import (
    LanguageBuild,
    ToolRun,
    build_env,
    build_languages,
    write_docs_trees,
)
from generator.sitebuild.root_pages import write_root_pages

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def build_site(project: Project, *, wait: bool = True, **options: Any) -> int:
    """Run the stages while holding the project's build lock; returns the exit code.

    A second build waits for the first (or, with `wait=False`, stops with a message), so
    two builds never write the same docs trees or `site/` at once. Before the stages run,
    whatever a killed build left next to the site is cleaned up.
    """
    target = options.get("site_dir") or project.site_dir
    try:
        with build_lock(project.build_dir, wait=wait, on_wait=_say_waiting) as held:
            if held.previous:
                print(f"warta build: {held.previous} ended without finishing", file=sys.stderr)
            for path in recover_site(target):
                print(f"warta build: removed {path.name}, left by a killed build", file=sys.stderr)
            return run_stages(project, **options)
    except LockBusy as busy:
        print(
            f"warta build: another build is running ({busy.holder}, lock {busy.path}); "
            "run again when it ends, or without --no-wait to wait for it",
            file=sys.stderr,
        )
        return EXIT_ERRORS


def _say_waiting(holder: str) -> None:
    print(f"warta build: waiting for the build in {holder} to finish", file=sys.stderr, flush=True)


def run_stages(
    project: Project,
    *,
    langs: Sequence[str] | None = None,
    strict: bool = False,
    site_dir: Path | None = None,
    work_dir: Path | None = None,
    include_drafts: bool = False,
    progress: BuildProgress | None = None,
) -> int:
    """Run every stage in order and publish only if all succeed; returns the exit code.

    `work_dir` holds the generated docs trees and MkDocs configs (default `build/`).
    """
    progress, start = progress or SilentProgress(), time.monotonic()
    target = site_dir or project.site_dir
    try:
        progress.stage("check")
        graph = checked_graph(check_records(project, strict=strict))
        chosen = choose_languages(graph.config, langs) if graph else []
        if graph is None or not chosen:
            return EXIT_ERRORS if graph is None else EXIT_USAGE
        progress.stage("render")
        today = default_today()  # one day for the pages, the feeds and the sitemaps
        site = render_site(graph, project.templates, include_drafts=include_drafts, today=today)
        progress.stage("write")
        work = work_dir or project.build_dir
        configs = write_docs_trees(site, project, work, langs=chosen, strict=strict)
        with staged_site(target) as staging:
            if not build_and_index(staging, configs, site, work / "search", progress):
                return EXIT_ERRORS
            progress.stage("publish")
            write_site_files(site, staging, chosen)
            carry_over(
                target, staging, [lang for lang in site.config.languages if lang not in chosen]
            )
            publish_site(staging, target)
        progress.stage("done")
    finally:
        progress.close()
    print(f"built {', '.join(chosen)} into {target} in {time.monotonic() - start:.1f} s")
    return EXIT_OK


def checked_graph(checked: CheckResult) -> RecordGraph | None:
    """Print the check's diagnostics; the graph if the records have no errors."""
    if checked.report.items:
        print_report(checked.report, checked.files)
    return None if checked.report.errors else checked.graph


def build_and_index(
    staging: Path,
    configs: dict[str, Path],
    site: RenderedSite,
    search_work: Path,
    progress: BuildProgress,
) -> bool:
    """Build every chosen language with MkDocs, then index it; False if a tool failed."""
    progress.stage("mkdocs")
    results = build_languages(
        configs,
        staging,
        env=build_env(site),
        on_start=progress.language_started,
        on_done=progress.language_done,
    )
    if not report_mkdocs(results):
        return False
    if not site.config.search.enabled:
        return True
    progress.stage("search")
    indexes = index_site(staging, list(configs), search_work, on_done=progress.index_done)
    return report_failures("pagefind", indexes)


def write_site_files(site: RenderedSite, staging: Path, langs: list[str]) -> None:
    """The files beside the MkDocs output: root pages, feeds, sitemaps and redirects."""
    assert site.published is not None, "the render stage sets it"
    write_root_pages(site, staging)
    write_feeds(site.published, site, staging, langs)
    write_sitemaps(site, staging, langs)  # replaces MkDocs' sitemaps
    write_redirects(site.published, site, staging, langs)  # after indexing: not searchable


def choose_languages(config: SiteConfig, langs: Sequence[str] | None) -> list[str]:
    """The languages to build, in the configuration's order; empty if one is unknown."""
    if not langs:
        return list(config.languages)
    unknown = sorted(set(langs) - set(config.languages))
    if unknown:
        print(
            f"warta build: unknown language {', '.join(unknown)} (the site has "
            f"{', '.join(config.languages)})",
            file=sys.stderr,
        )
        return []
    return [lang for lang in config.languages if lang in langs]


def report_failures(tool: str, results: Sequence[ToolRun]) -> bool:
    """Print the whole output of each language a tool failed on; True if all passed."""
    for result in results:
        if not result.ok:
            print(
                f"warta build: {tool} failed for '{result.lang}' (exit {result.returncode}):",
                file=sys.stderr,
            )
            print(result.output.rstrip(), file=sys.stderr)
    return all(result.ok for result in results)


def report_mkdocs(results: Sequence[LanguageBuild]) -> bool:
    """Print MkDocs' warnings and the output of failed languages; True if all passed."""
    for result in results:
        for line in result.warnings if result.ok else []:
            print(f"{result.lang}: {line}", file=sys.stderr)
    return report_failures("mkdocs", results)
