"""Benchmark the render stage's front-matter emitter: libyaml's block YAML against JSON.

    python bench/render_dumper.py [--records 2000] [--runs 3]

Renders one synthetic corpus several times with each emitter, alternating, and prints the
medians and their ratio (all from the same run). The first emitter is the one Warta used
until the render stage wrote each front-matter value as JSON (a YAML flow value).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402

import generator.render.markdown as render_markdown  # noqa: E402
import generator.render.site as render_site_module  # noqa: E402
from generator.records.check import check_records  # noqa: E402
from generator.render.site import render_site  # noqa: E402


def libyaml_front_matter(meta: dict[str, Any]) -> str:
    """The earlier emitter: block YAML from libyaml, after the same HTML escaping."""
    safe = {key: render_markdown._escape_value(value) for key, value in meta.items()}
    dumped = yaml.dump(
        safe, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000
    )
    return f"---\n{dumped}---\n"


EMITTERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "libyaml CSafeDumper, block YAML": libyaml_front_matter,
    "json.dumps per key, flow YAML": render_markdown.render_front_matter,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Time `render_site` with each emitter and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000, help="synthetic corpus size")
    parser.add_argument("--runs", type=int, default=3, help="renders per emitter")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = make_corpus(Path(tmp), args.records)
        graph = check_records(project).graph
        assert graph is not None
        times: dict[str, list[float]] = {name: [] for name in EMITTERS}
        for _ in range(args.runs):
            for name, emitter in EMITTERS.items():
                vars(render_site_module)["render_front_matter"] = emitter
                start = time.perf_counter()
                render_site(graph, project.templates)
                times[name].append(time.perf_counter() - start)
    print("| front matter emitter | renders | median |\n| --- | --- | ---: |")
    for name, runs in times.items():
        shown = ", ".join(f"{t:.2f}" for t in runs)
        print(f"| {name} | {shown} s | {statistics.median(runs):.2f} s |")
    slow, fast = (statistics.median(t) for t in times.values())
    print(f"\nratio: {slow / fast:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
