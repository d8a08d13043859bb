"""Benchmark search: Pagefind's indexing time and a reader's first-query download, against
the size of Material's lunr `search_index.json` for the same site.

    python bench/search_size.py [--runs 5] [--records 2000] [--out bench/out/search]

For the seed site and a synthetic corpus (bench/synth.py, seed 1) it builds the site with
`warta build`, then measures, all in one run so the ratios are comparable:

- indexing: the median wall time of `index_site` over both languages (they run in
  parallel, as in `warta build`), and the pages indexed;
- first query: in Debian's Chromium, every byte fetched from opening the search field
  until the first page of results is drawn, for a query typed key by key;
- lunr: each language built once more with Material's `search` plugin in a scratch
  config, and the size of its `search/search_index.json`, raw and gzip'd.

Pagefind's index files are gzip'd already; its scripts and styles are counted both as
served here (uncompressed) and gzip'd, as a compressing host would send them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from browser import launch_chromium, serve_site  # noqa: E402
from corpus import make_corpus  # noqa: E402
from playwright.sync_api import Response, sync_playwright  # noqa: E402

from generator.diagnostics import Report  # noqa: E402
from generator.pipeline import build_site  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.records.validate import load_config  # noqa: E402
from generator.search.pagefind import index_site  # noqa: E402

LANGS = ("id", "en")


@dataclass(frozen=True)
class Download:
    """What a first query fetched: files, bytes as served, bytes with gzip on text, and of
    those the index data (entry, metadata, index chunks, filters, fragments)."""

    files: int
    served: int
    gzipped: int
    data: int


def time_indexing(project: Project, runs: int) -> tuple[float, dict[str, int]]:
    """Median seconds to index both languages, and the pages indexed per language."""
    times, pages = [], {}
    scratch = Path(tempfile.mkdtemp(prefix="warta-bench-index-"))
    try:
        for _ in range(runs):
            start = time.perf_counter()
            results = index_site(project.site_dir, LANGS, scratch)
            times.append(time.perf_counter() - start)
            assert all(result.ok for result in results), [r.output for r in results]
            pages = {result.lang: result.pages for result in results}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return statistics.median(times), pages


def gzip_size(body: bytes) -> int:
    """Bytes on the wire from a host that gzips text; gzip'd files go as they are."""
    if body[:2] == b"\x1f\x8b":
        return len(body)
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def first_query(project: Project, lang: str, query: str) -> Download:
    """Everything a reader's browser fetches for a first search, until results show."""
    bodies: list[tuple[str, bytes]] = []
    config = load_config(project.root, Report())
    assert config is not None
    with serve_site(project.site_dir, config.base_path) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(url + lang + "/")
        page.wait_for_load_state("networkidle")

        def record(response: Response) -> None:
            if response.ok:
                bodies.append((response.url, response.body()))

        page.on("response", record)
        page.keyboard.press("/")
        page.locator(".pagefind-ui__search-input").wait_for()
        page.keyboard.type(query, delay=120)
        page.locator(".pagefind-ui__result-link").first.wait_for()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        browser.close()
    sizes = [(url, len(body), gzip_size(body)) for url, body in bodies]
    data = sum(zipped for url, _, zipped in sizes if is_index_data(url))
    return Download(
        len(sizes), sum(size for _, size, _ in sizes), sum(z for _, _, z in sizes), data
    )


def is_index_data(url: str) -> bool:
    """True for the index files a query reads, false for Pagefind's code and styles."""
    name = url.split("?")[0].rsplit("/", 1)[-1]
    return name.endswith((".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", "entry.json"))


def lunr_index_size(project: Project, lang: str) -> tuple[int, int]:
    """Raw and gzip'd bytes of Material's search_index.json for one language."""
    config_path = project.build_dir / lang / "mkdocs.yml"
    config: dict[str, Any] = yaml.safe_load(config_path.read_text("utf-8"))
    config["plugins"] = ["search"]
    scratch_config = config_path.with_name("mkdocs-lunr.yml")
    scratch_config.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    out = Path(tempfile.mkdtemp(prefix="warta-bench-lunr-"))
    try:
        cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(scratch_config)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([*cmd, "-d", str(out)], check=True, env=env)
        raw = (out / "search" / "search_index.json").read_bytes()
        return len(raw), len(gzip.compress(raw, compresslevel=6, mtime=0))
    finally:
        shutil.rmtree(out, ignore_errors=True)
        scratch_config.unlink()


def kib(size: int) -> str:
    """Bytes as KiB with one decimal."""
    return f"{size / 1024:,.1f} KiB"


def machine() -> str:
    """CPU count and model, memory, Python and the date."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    mem = next(
        int(line.split()[1]) // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{dt.date.today().isoformat()}, nproc {os.cpu_count()}, {model}, {mem:,} MiB RAM, "
        f"Python {platform.python_version()}, load average {load} at the end"
    )


def measure(project: Project, name: str, query: str, runs: int) -> list[str]:
    """The table rows of one corpus."""
    assert build_site(project) == 0, f"warta build failed for {name}"
    seconds, pages = time_indexing(project, runs)
    rows = []
    for lang in LANGS:
        down = first_query(project, lang, query)
        lunr_raw, lunr_gz = lunr_index_size(project, lang)
        rows.append(
            f"| {name} | {lang} | {pages[lang]} | {seconds:.2f} s | `{query}`: {down.files} "
            f"files, {kib(down.served)} ({kib(down.gzipped)} gzip), of which index data "
            f"{kib(down.data)} | {kib(lunr_raw)} ({kib(lunr_gz)} gzip) | "
            f"{lunr_gz / down.gzipped:.2f} | {lunr_gz / down.data:.1f} |"
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the seed site and a synthetic corpus; print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = [
        *measure(make_corpus(args.out, 0), "seed", "Henan", args.runs),
        *measure(
            make_corpus(args.out, args.records), f"synth {args.records}", "investasi", args.runs
        ),
    ]
    print(f"Machine: {machine()}; median of {args.runs} indexing runs.\n")
    print(
        "| site | lang | pages indexed | Pagefind indexing (both languages) | first query "
        "downloads | Material search_index.json | lunr index / Pagefind total (gzip) | "
        "lunr index / Pagefind index data (gzip) |"
    )
    print("| --- | --- | ---: | ---: | --- | --- | ---: | ---: |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
