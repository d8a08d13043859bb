"""`warta merge`: join the per-language sites of a sharded build into one site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.diagnostics import Report
from generator.project import find_project
from generator.publish.merge import merge_parts
from generator.records.validate import load_config


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta merge` to the command line."""
    parser = commands.add_parser(
        "merge",
        help="merge sites built per language (warta build --lang) into one site",
        description="Take each language's folder from the one part that built it (with "
        "`warta build --lang LANG --site-dir PART`), check that the parts' root files "
        "(language chooser, 404 page, sitemap index, robots.txt) are byte-identical, and "
        "publish the merged site atomically. The result is byte-identical to one full "
        "build. Nothing is written if a language is missing or doubled. "
        "Exit status: 0 on success, 1 on problems. See docs/scaling.md.",
    )
    parser.add_argument("parts", nargs="+", type=Path, metavar="PART", help="a built part")
    parser.add_argument(
        "--site-dir", type=Path, metavar="DIR", help="publish here instead of the project's site/"
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Merge the parts, or print why not."""
    project = find_project(args.project)
    report = Report()
    config = load_config(project.root, report)
    if config is None:
        print(f"warta merge: cannot read {project.config_file}", file=sys.stderr)
        return 1
    target = args.site_dir or project.site_dir
    problems = merge_parts(args.parts, config.languages, target)
    for problem in problems:
        print(f"warta merge: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"merged {len(args.parts)} parts into {target}")
    return 0
