"""Benchmark the render stage's front-matter emitter: PyYAML's Python one against libyaml.

    python bench/render_dumper.py [--records 2000] [--runs 3]

Renders one synthetic corpus several times with each emitter, alternating, and prints the
medians and their ratio (all from the same run).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402

import generator.render.markdown as render_markdown  # noqa: E402
from generator.records.check import check_records  # noqa: E402
from generator.render.site import render_site  # noqa: E402

DUMPERS = {"PyYAML SafeDumper": yaml.SafeDumper, "libyaml CSafeDumper": yaml.CSafeDumper}


def main(argv: Sequence[str] | None = None) -> int:
    """Time `render_site` with each dumper and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000, help="synthetic corpus size")
    parser.add_argument("--runs", type=int, default=3, help="renders per emitter")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = make_corpus(Path(tmp), args.records)
        graph = check_records(project).graph
        assert graph is not None
        times: dict[str, list[float]] = {name: [] for name in DUMPERS}
        for _ in range(args.runs):
            for name, dumper in DUMPERS.items():
                render_markdown.FRONT_MATTER_DUMPER = dumper
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
