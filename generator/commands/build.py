"""`warta build`: check, render, build each language's sub-site in parallel, then publish."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator.commands import check
from generator.config import SiteConfig
from generator.diagnostics import print_report
from generator.progress import BuildProgress, SilentProgress, make_progress
from generator.project import Project, find_project
from generator.publish.feeds import write_feeds
from generator.publish.sitemap import write_sitemaps
from generator.publish.swap import carry_over, publish_site, staged_site
from generator.render.pages import RenderedSite
from generator.render.published import SiteIndex, default_today
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


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta build` to the command line."""
    parser = commands.add_parser(
        "build",
        help="build the bilingual site into site/",
        description="Check every record, render the pages, build each language's sub-site "
        "with MkDocs (in parallel, one process per language) and publish the result to "
        "site/. The new site replaces the old one only when every step succeeded. "
        "Exit status: 0 on success, 1 on errors, 2 on bad usage.",
    )
    parser.add_argument(
        "--lang",
        action="append",
        dest="langs",
        metavar="LANG",
        help="build only this language (repeatable). The other languages' folders are "
        "carried over unchanged from the current site, so CI can build languages in "
        "separate jobs and merge the folders.",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings as errors: missing translations and MkDocs warnings",
    )
    parser.add_argument(
        "--site-dir", type=Path, metavar="DIR", help="publish here instead of the project's site/"
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Build the project's site with a progress display."""
    return run(
        find_project(args.project),
        langs=args.langs,
        strict=args.strict,
        site_dir=args.site_dir,
        progress=make_progress(),
    )


def run(
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
        checked = check.run(project, strict=strict)
        if checked.report.items:
            print_report(checked.report, checked.files)
        if checked.report.errors or checked.graph is None:
            return EXIT_ERRORS
        config = checked.graph.config
        chosen = choose_languages(config, langs)
        if not chosen:
            return EXIT_USAGE
        progress.stage("render")
        today = default_today()  # one day for the pages, the feeds and the sitemaps
        site = render_site(
            checked.graph, project.templates, include_drafts=include_drafts, today=today
        )
        progress.stage("write")
        work = work_dir or project.build_dir
        configs = write_docs_trees(site, project, work, langs=chosen, strict=strict)
        with staged_site(target) as staging:
            if not build_languages_into(staging, configs, site, work / "search", progress):
                return EXIT_ERRORS
            progress.stage("publish")
            # Feeds and sitemaps never list drafts, not even in a preview that shows them.
            published = SiteIndex(checked.graph, today)
            write_site_files(site, published, project, staging, chosen)
            carry_over(target, staging, [lang for lang in config.languages if lang not in chosen])
            publish_site(staging, target)
        progress.stage("done")
    finally:
        progress.close()
    print(f"built {', '.join(chosen)} into {target} in {time.monotonic() - start:.1f} s")
    return EXIT_OK


def build_languages_into(
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
    progress.stage("search")
    indexes = index_site(staging, list(configs), search_work, on_done=progress.index_done)
    return report_failures("pagefind", indexes)


def write_site_files(
    site: RenderedSite, published: SiteIndex, project: Project, staging: Path, langs: list[str]
) -> None:
    """The files beside the MkDocs output: root pages, feeds and sitemaps."""
    write_root_pages(site, staging)
    write_feeds(published, project.templates, staging, langs)
    write_sitemaps(site, published, staging, langs)  # replaces MkDocs' sitemaps


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
