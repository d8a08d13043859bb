"""The pipeline: load → validate → link → render → build → search → publish.

`build_site` calls the stages in order; each takes the previous stage's typed output.
The commands (`warta build`, `warta serve`) only parse arguments and call it.
"""

from __future__ import annotations

import functools
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.buildcache import (
    BuildCache,
    LanguageState,
    build_options,
    digest_files,
    digest_text,
    drop_cache,
    input_digest,
    load_cache,
    save_cache,
    site_identity,
    toolchain,
    up_to_date,
)
from generator.config import SiteConfig
from generator.diagnostics import print_report
from generator.incremental import (
    HtmlChange,
    drop_bundles,
    extras_writer,
    html_changes,
    place_bundles,
    place_extras,
    place_html,
    prune_strays,
    search_state,
    update_search,
)
from generator.memo import MemoStore
from generator.progress import BuildProgress, SilentProgress
from generator.project import Project
from generator.publish.assemble import Seeding, seeding
from generator.publish.feeds import write_feeds
from generator.publish.lock import LockBusy, build_lock
from generator.publish.redirects import write_redirects
from generator.publish.sitemap import write_sitemaps
from generator.publish.swap import carry_over, publish_site, recover_site, staged_site
from generator.records.check import CheckResult, check_records
from generator.records.link import RecordGraph
from generator.records.load import ParseMemo
from generator.render.catalog import default_today
from generator.render.pages import RenderedSite
from generator.render.site import render_site
from generator.search.pagefind import LanguageIndex
from generator.sitebuild.incremental import DIRTY, SKIP, LanguagePlan, plan_languages
from generator.sitebuild.mkdocs import LanguageBuild, ToolRun, build_env, build_languages
from generator.sitebuild.root_pages import write_root_pages

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
TRASH = "trash"  # under build/: old trees, deleted in the background


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
    full: bool = False,
    parse_memo: ParseMemo | None = None,
) -> int:
    """Run every stage in order and publish only if all succeed; returns the exit code.

    `work_dir` holds the generated docs trees, MkDocs' output and the build cache (default
    `build/`). With a trusted cache only what changed is rebuilt; `full` ignores the cache and
    the memos. While the records are checked and rendered, the staging folder is filled with
    links to the published site.
    Record files are parsed again only if their text changed: the parses are kept under
    `work` (`memo/parse/`), or in a `parse_memo` held in memory (`warta serve`).
    """
    progress, start = progress or SilentProgress(), time.monotonic()
    target, work = site_dir or project.site_dir, work_dir or project.build_dir
    today = default_today()  # one day for the pages, the feeds and the sitemaps
    try:
        options = build_options(langs, strict, include_drafts, today)
        cache, why = (None, "") if full else load_cache(work)
        templates = digest_files(project.templates)
        inputs = input_digest(project, options, templates)
        memos = memo_store(work, fresh=full)
        if up_to_date(cache, inputs, target):
            print(f"nothing changed: {target} is up to date ({time.monotonic() - start:.1f} s)")
            return EXIT_OK
        if why:
            print(f"warta build: {why}", file=sys.stderr)
        seeded = cache is not None and cache.site == site_identity(target) and target.is_dir()
        with (
            staged_site(target, trash=work / TRASH) as staging,
            seeding(target, staging, seeded) as seed,
        ):
            progress.stage("check")
            memo = parse_memo if parse_memo else ParseMemo(memos.open("parse"))
            graph = checked_graph(check_records(project, strict=strict, memo=memo))
            chosen = choose_languages(graph.config, langs) if graph else []
            if graph is None or not chosen:
                return EXIT_ERRORS if graph is None else EXIT_USAGE
            progress.stage("render")
            site = render_site(
                graph,
                project.templates,
                include_drafts=include_drafts,
                today=today,
                memos=replace(memos, stamp=digest_text(memos.stamp + templates)),
            )
            output = Output(target, work, staging, seed)
            state = publish_changes(site, project, output, chosen, cache, strict, progress)
        if state is None:
            return EXIT_ERRORS
        save_cache(work, state.model_copy(update={"inputs": inputs}))
        progress.stage("done")
    finally:
        progress.close()
    print(f"built {', '.join(chosen)} into {target} in {time.monotonic() - start:.1f} s")
    return EXIT_OK


def memo_store(work: Path, *, fresh: bool = False) -> MemoStore:
    """The memos a work folder keeps (`build/memo/`), trusted by this Warta only."""
    return MemoStore(work / "memo", toolchain(), fresh=fresh)


@dataclass(frozen=True)
class Output:
    """Where a build writes: the site, the work folder, and the staging folder (being seeded
    with the published site when `seed` is set)."""

    target: Path
    work: Path
    staging: Path
    seed: Seeding | None


def publish_changes(
    site: RenderedSite,
    project: Project,
    out: Output,
    chosen: list[str],
    cache: BuildCache | None,
    strict: bool,
    progress: BuildProgress,
) -> BuildCache | None:
    """Write, build, index and publish what changed; the new cache (inputs unset) or None."""
    progress.stage("write")
    work, staging, seeded = out.work, out.staging, out.seed is not None
    old = cache.languages if cache else {}
    drop_cache(work)  # the trees below are about to change
    plans = plan_languages(site, project, work, chosen, old, strict=strict, trash=work / TRASH)
    # Feeds, calendars and sitemaps depend on the rendered site only: they are written (in a
    # forked process) while MkDocs and Pagefind do their part.
    with extras_writer(
        work / "extras", functools.partial(write_site_files, site, langs=chosen)
    ) as written:
        if out.seed is not None:
            out.seed.wait()
            drop_languages(staging, set(old) - set(site.config.languages))
        built = build_and_index(staging, plans, site, work / "search", old, seeded, progress)
        if built is None:
            return None
        changes, states = built
        progress.stage("publish")
        written.result()
        extras = place_extras(
            staging, work / "extras", cache.extras if seeded and cache else [], changes
        )
        prune_strays(staging, changes, extras)
        if not seeded:
            carry_over(
                out.target, staging, [lang for lang in site.config.languages if lang not in chosen]
            )
        publish_site(staging, out.target, trash=work / TRASH)
    languages = {lang: state for lang, state in old.items() if lang in site.config.languages}
    languages.update(states)
    return BuildCache(
        toolchain=toolchain(),
        inputs="",
        site=site_identity(out.target),
        languages=languages,
        extras=extras,
    )


def drop_languages(staging: Path, langs: set[str]) -> None:
    """Remove the folders of languages the site no longer has."""
    for lang in langs:
        shutil.rmtree(staging / lang, ignore_errors=True)


def checked_graph(checked: CheckResult) -> RecordGraph | None:
    """Print the check's diagnostics; the graph if the records have no errors."""
    if checked.report.items:
        print_report(checked.report, checked.files)
    return None if checked.report.errors else checked.graph


def build_and_index(
    staging: Path,
    plans: list[LanguagePlan],
    site: RenderedSite,
    search_work: Path,
    old: Mapping[str, LanguageState],
    seeded: bool,
    progress: BuildProgress,
) -> tuple[dict[str, HtmlChange], dict[str, LanguageState]] | None:
    """Build the languages with changes, index what changed, and place both in staging.

    Returns what changed and each language's new state, or None if a tool failed.
    """
    progress.stage("mkdocs")
    todo = [plan for plan in plans if plan.mode != SKIP]
    since = time.time_ns()
    results = build_languages(
        {plan.lang: plan.config for plan in todo},
        {plan.lang: plan.html for plan in todo},
        dirty=[plan.lang for plan in todo if plan.mode == DIRTY],
        env=build_env(site),
        on_start=progress.language_started,
        on_done=progress.language_done,
    )
    if not report_mkdocs(results):
        return None
    changes = html_changes(plans, old, since)
    place_html(staging, changes, seeded)
    indexes: dict[str, LanguageIndex | None] = {}
    if site.config.search.enabled:
        progress.stage("search")
        indexes = update_search(
            changes,
            old,
            search_work,
            on_done=progress.index_done,
            split_above=site.config.search.split_above,
        )
        if not report_failures("pagefind", [r for r in indexes.values() if r is not None]):
            return None
        place_bundles(staging, search_work, indexes, seeded)
    else:
        drop_bundles(staging, list(changes))
    return changes, {
        lang: LanguageState(
            config=change.plan.config_digest,
            pages=change.plan.pages,
            html=change.files,
            search=search_state(indexes.get(lang), old.get(lang)) if indexes else "",
        )
        for lang, change in changes.items()
    }


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
