"""Benchmark what Indonesian dictionary roots cost on a real-sized site: indexing time and size.

    python bench/search_cost.py [--records 2000] [--runs 3] [--baseline-rev 58191e6] [--site DIR]

Builds the synthetic corpus (bench/synth.py, seed 1) with `warta build`, then indexes its
Indonesian sub-site, interleaved `--runs` times, two ways:

- **baseline**: Warta's extra forms as of `--baseline-rev` (read with `git show`), then
  Pagefind and the bundle's canonical sort, as that revision's search stage did;
- **warta**: the search stage now (`index_language`: dictionary roots read against the
  site's vocabulary, Pagefind, the sort, the word → root map).

It prints the medians, their ratio, and the bytes of Pagefind's word index
(`index/*.pf_index`), of the whole bundle's index data, and of the word → root map.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import make_corpus  # noqa: E402
from search_recall import baseline_forms, index_copy, index_size  # noqa: E402

from generator.pipeline import build_site  # noqa: E402
from generator.search.pagefind import index_language  # noqa: E402


def data_bytes(bundle: Path) -> int:
    """Bytes of the bundle's index data: word index, fragments, filters, metadata, map."""
    folders = ("index", "fragment", "filter", "roots")
    total = sum(p.stat().st_size for f in folders for p in (bundle / f).glob("*") if p.is_file())
    return total + sum(p.stat().st_size for p in bundle.glob("*.pf_meta"))


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, index it both ways, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-rev", default="58191e6", help="Warta before issue 14")
    parser.add_argument(
        "--site", type=Path, help="an Indonesian sub-site already built (skips the build)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        site = args.site
        if site is None:
            project = make_corpus(scratch, args.records)
            if build_site(project) != 0:
                sys.exit("warta build failed")
            site = project.site_dir / "id"
        transform = baseline_forms(args.baseline_rev)
        times: dict[str, list[float]] = {"baseline": [], "warta": []}
        sizes: dict[str, tuple[int, int, int]] = {}
        for run in range(args.runs):
            times["baseline"].append(index_copy(site, scratch / "copy", transform))
            sizes["baseline"] = (*index_size(site / "pagefind"), data_bytes(site / "pagefind"))
            result = index_language(site, "id", scratch / "copy")
            times["warta"].append(result.seconds)
            sizes["warta"] = (*index_size(site / "pagefind"), data_bytes(site / "pagefind"))
            print(f"run {run + 1}: {times['baseline'][-1]:.2f} s, {result.seconds:.2f} s")
    base, now = (statistics.median(times[name]) for name in ("baseline", "warta"))
    print(f"\n{args.records} records, Indonesian sub-site, medians of {args.runs} runs\n")
    print("| index | indexing | word index | word → root map | index data |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, median in (("baseline", base), ("warta", now)):
        words, roots, data = sizes[name]
        print(
            f"| {name} | {median:.2f} s | {words / 1024:.1f} KiB | {roots / 1024:.1f} KiB "
            f"| {data / 1024:.1f} KiB |"
        )
    (bw, _, bd), (nw, nr, nd) = sizes["baseline"], sizes["warta"]
    print(
        f"| warta / baseline | {now / base:.2f} | {nw / bw:.2f} | | {nd / bd:.2f} "
        f"(word index + map: {(nw + nr) / bw:.2f}) |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
