"""`warta build`: check, render, build each language's sub-site in parallel, then publish."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.pipeline import build_site
from generator.progress import make_progress
from generator.project import find_project


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta build` to the command line."""
    parser = commands.add_parser(
        "build",
        help="build the bilingual site into site/",
        description="Check every record, render the pages, build each language's sub-site "
        "with MkDocs (in parallel, one process per language) and publish the result to "
        "site/. The new site replaces the old one only when every step succeeded, in one "
        "atomic step, and one build runs at a time: a second one waits for the first. A cache "
        "in build/ keeps what the last build made, so a rebuild redoes only what changed. "
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
    parser.add_argument(
        "--no-wait",
        dest="wait",
        action="store_false",
        help="if another build of this project is running (it holds build/.warta.lock), "
        "stop with exit status 1 instead of waiting for it to finish",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="ignore the build cache in build/ and rebuild every page (by default only what "
        "changed since the last build is rebuilt, and nothing at all if nothing changed)",
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Build the project's site with a progress display."""
    return build_site(
        find_project(args.project),
        langs=args.langs,
        strict=args.strict,
        site_dir=args.site_dir,
        progress=make_progress(),
        wait=args.wait,
        full=args.full,
    )
