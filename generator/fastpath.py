"""The `warta` entry point: a build with nothing to do is answered before the pipeline loads.

Importing the pipeline (pydantic models, Jinja, MkDocs' helpers) takes longer than deciding
that nothing changed, so `warta build` first hashes the inputs and compares them with the
build cache here, with only light modules loaded. Anything unusual (another option, a busy
or unclean lock, leftovers of a killed build, a stale cache) goes the normal way, through
`generator.cli`, which decides again under the lock.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from generator.buildcache import build_day, build_options, input_digest, load_cache, up_to_date
from generator.project import find_project
from generator.publish.lock import LOCK_NAME, LockBusy, build_lock
from generator.publish.swap import leftovers


class QuietParser(argparse.ArgumentParser):
    """A parser that raises instead of printing usage and exiting: the real one reports."""

    def error(self, message: str) -> NoReturn:
        """Raise; `generator.cli` will parse the same arguments and explain the problem."""
        raise argparse.ArgumentError(None, message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `warta`; `warta build` with nothing changed returns at once."""
    args = list(sys.argv[1:] if argv is None else argv)
    if nothing_to_build(args):
        return 0
    from generator.cli import main as cli_main

    return cli_main(args)


def nothing_to_build(argv: Sequence[str]) -> bool:
    """True (after saying so) if `argv` is a plain `warta build` whose site is up to date."""
    parser = QuietParser(add_help=False, exit_on_error=False)
    parser.add_argument("-C", "--project", type=Path, default=Path("."))
    parser.add_argument("command", nargs="?")
    parser.add_argument("--lang", action="append", dest="langs")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--no-wait", action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return False
    if rest or args.command != "build":
        return False
    project = find_project(args.project)
    target = args.site_dir or project.site_dir
    lock = project.build_dir / LOCK_NAME
    if not lock.is_file() or lock.read_text("utf-8", "replace").strip() or leftovers(target):
        return False  # a build is running or ended uncleanly: the normal path reports it
    options = build_options(args.langs, args.strict, False, build_day())
    try:
        with build_lock(project.build_dir, wait=False):
            cache, _why = load_cache(project.build_dir)
            if not up_to_date(cache, input_digest(project, options), target):
                return False
    except (LockBusy, OSError):
        return False
    print(f"nothing changed: {target} is up to date")
    return True


if __name__ == "__main__":
    sys.exit(main())
