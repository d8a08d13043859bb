"""Benchmark `warta build`: wall time per corpus size, stage split, parallel vs serial MkDocs.

    python bench/build_time.py [--runs 3] [--sizes 300 2000] [--out bench/out]

Prints a Markdown table of medians. Every number of one table comes from the same run, so
ratios between rows are comparable even on a noisy machine; absolute times are not.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402

from generator.project import Project  # noqa: E402
from generator.records.check import check_records  # noqa: E402
from generator.render.site import render_site  # noqa: E402
from generator.sitebuild.mkdocs import (  # noqa: E402
    build_env,
    build_languages,
    run_mkdocs,
    write_docs_trees,
)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_whole_build(project: Project, runs: int) -> float:
    """Median wall time of the `warta build` command line, a fresh process each run."""
    cmd = [sys.executable, "-m", "generator.cli", "-C", str(project.root), "build"]
    return median_seconds(lambda: subprocess.run(cmd, check=True, capture_output=True), runs)


def time_front_stages(project: Project, runs: int) -> tuple[float, float]:
    """Median seconds of load+validate+link (`check`) and of render."""
    result = check_records(project)
    assert result.graph is not None and not result.report.errors
    graph = result.graph
    checked = median_seconds(lambda: check_records(project), runs)
    rendered = median_seconds(lambda: render_site(graph, project.templates), runs)
    return checked, rendered


def time_mkdocs(project: Project, runs: int, scratch: Path) -> tuple[float, float]:
    """Median seconds of the language builds run in parallel, then one after another."""
    graph = check_records(project).graph
    assert graph is not None
    site = render_site(graph, project.templates)
    configs = write_docs_trees(site, project, scratch / "work")
    env = build_env(site)

    def parallel() -> None:
        assert all(r.ok for r in build_languages(configs, scratch / "par", env=env))

    def serial() -> None:
        for lang, config in configs.items():
            assert run_mkdocs(lang, config, scratch / "ser" / lang, env).ok

    return median_seconds(parallel, runs), median_seconds(serial, runs)


def count_pages(project: Project) -> int:
    """HTML pages in the built site."""
    return sum(1 for _ in project.site_dir.rglob("*.html"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=[300, 2000],
        help="synthetic corpus sizes (the seed content is always measured)",
    )
    args = parser.parse_args(argv)
    print(
        "| corpus | HTML pages | `warta build` | check | render | MkDocs parallel "
        "| MkDocs serial | serial / parallel |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for size in [0, *args.sizes]:
            project = make_corpus(Path(tmp), size)
            whole = time_whole_build(project, args.runs)
            checked, rendered = time_front_stages(project, args.runs)
            par, ser = time_mkdocs(project, args.runs, Path(tmp) / f"mk-{size}")
            name = "seed" if size == 0 else f"synthetic {size}"
            print(
                f"| {name} | {count_pages(project)} | {whole:.2f} s | {checked:.3f} s "
                f"| {rendered:.3f} s | {par:.2f} s | {ser:.2f} s | {ser / par:.2f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
