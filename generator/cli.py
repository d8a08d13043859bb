"""The `warta` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.commands import build, check, import_, merge, new, schema, serve, translations

COMMANDS = (check, new, import_, schema, build, merge, serve, translations)

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run one command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The parser with one sub-parser per command."""
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Build a bilingual news and partnership site from YAML records.",
    )
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    parser.add_argument(
        "-C",
        "--project",
        type=Path,
        default=Path("."),
        help="project folder (default: the one holding site_config.yml)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
