"""Write a synthetic Warta project: N made-up bilingual records that pass `warta check`.

    python bench/synth.py OUT_DIR --records 300 [--seed 1] [--drafts 0.0]

Every record is fiction, marked "[Sintetis]"/"[Synthetic]" and with a comment line, for
load tests and benchmarks only. The output depends on the seed alone.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from synth_data import SECTORS
from synth_records import Corpus, generate, loc, marked, plan_counts

__all__ = ["MARK", "Corpus", "generate", "main", "plan_counts", "write_project"]

MARK = "# Synthetic record written by bench/synth.py; not real news."
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


class RecordDumper(yaml.SafeDumper):
    """YAML as an editor writes it: no anchors, multi-line text as `|` blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        """Repeat values instead of writing anchors and aliases."""
        return True


def represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    """Multi-line strings as literal blocks."""
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


RecordDumper.add_representer(str, represent_text)


def dump(data: dict[str, Any]) -> str:
    """A record as YAML, with the synthetic mark on its first line."""
    text = yaml.dump(data, Dumper=RecordDumper, allow_unicode=True, sort_keys=False, width=100)
    return f"{MARK}\n{text}"


def site_config() -> dict[str, Any]:
    """The configuration of the synthetic site."""
    return {
        "languages": ["id", "en"],
        "default_language": "id",
        "required_languages": ["id", "en"],
        "site_name": marked("Warta Kerja Sama", "Warta Partnerships"),
        "site_description": marked(
            "Korpus rekaan untuk uji beban.", "A made-up corpus for load tests."
        ),
        "base_url": "https://example.org/warta-synth/",
        "page_size": 20,
    }


def taxonomy() -> dict[str, Any]:
    """The sectors vocabulary."""
    return {
        "title": marked("Sektor", "Sectors"),
        "terms": {key: {"label": loc(*labels)} for key, labels in SECTORS.items()},
    }


def write_project(out: Path, corpus: Corpus, templates: Path | None) -> int:
    """Write site_config.yml, content/ and templates/; returns the number of records."""
    config = out / "site_config.yml"
    if config.exists() and not config.read_text("utf-8").startswith(MARK):
        raise FileExistsError(f"{config} is not synthetic; refusing to overwrite a real project")
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "content", ignore_errors=True)  # stale records would break checks
    config.write_text(dump(site_config()), "utf-8")
    files = [*corpus.files, ("taxonomies", "sectors", taxonomy())]
    for folder, key, data in files:
        path = out / "content" / folder / f"{key}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), "utf-8")
    if templates is not None and templates.is_dir():
        shutil.rmtree(out / "templates", ignore_errors=True)
        shutil.copytree(templates, out / "templates")
    return len(corpus.files)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and write the project."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the project folder to write")
    parser.add_argument("--records", type=int, required=True, help="how many records")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--drafts", type=float, default=0.0, help="share of events marked as drafts (default 0)"
    )
    parser.add_argument(
        "--templates",
        type=Path,
        default=TEMPLATES,
        help="templates folder to copy in (default: Warta's own)",
    )
    args = parser.parse_args(argv)
    try:
        corpus = generate(args.records, args.seed, args.drafts)
        written = write_project(args.out, corpus, args.templates)
    except (ValueError, FileExistsError) as err:
        print(f"synth: {err}", file=sys.stderr)
        return 2
    print(f"wrote {written} synthetic records (seed {args.seed}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
