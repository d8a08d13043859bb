"""Benchmark Indonesian search: recall both ways and precision, index size and indexing time.

    python bench/search_recall.py [--pairs bench/data/id_word_pairs.tsv] [--runs 3]
                                  [--baseline-rev 58191e6] [--out bench/out/recall]

From (affixed word, root) pairs it makes a site with one page per word form, then indexes
it three ways, in one interleaved run:

- **plain**: Pagefind as it is (Snowball), on the pages as they are;
- **baseline**: Warta's extra forms as of `--baseline-rev` (its generator/search/forms.py,
  read with `git show`), searched as typed;
- **warta**: Warta's search stage now (`index_language`: dictionary roots after the words,
  the word → root map), searched through the field's own query rewrite (search-roots.js).

Then in Debian's Chromium, served from 127.0.0.1, every word form is searched through
Pagefind's JavaScript API, and it reports:

- root → affixed: the share of pairs whose affixed word's page a search for the root finds;
- affixed → root: the share whose root's page a search for the affixed word finds;
- precision: over every search with results, the mean share of results whose page holds a
  form of the searched word (same root in the pairs);
- the largest share of all pages one search returned (a short root must never return all);
- index size (Pagefind's word index, `index/*.pf_index`, plus the word → root map) and the
  median indexing time.

Misses are written to `OUT/misses-VARIANT.tsv`, and searches whose results hold pages of
another word (what lowers precision) to `OUT/noise-VARIANT.tsv`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium, serve_site  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from generator.search.bundle import canonicalize_bundle  # noqa: E402
from generator.search.pagefind import (  # noqa: E402
    END,
    PAGE,
    START,
    index_language,
    indexed_part,
    pagefind_command,
)
from generator.sitebuild.mkdocs import run_tool  # noqa: E402

VARIANTS = ("plain", "baseline", "warta")
ROOTS_JS = ROOT / "templates/overrides/assets/warta/search-roots.js"
# Searches every word form in the browser; results' pages are read once each.
SEARCH_ALL = """async (args) => {
  const pagefind = await import(args.bundle + "pagefind.js");
  await pagefind.options({ excerptLength: 0 });
  const roots = args.rewrite ? new WartaRoots(args.bundle) : null;
  const urls = {};
  const out = {};
  for (const query of args.queries) {
    let term = query;
    if (roots) { await roots.prepare(query); term = roots.rewrite(query); }
    const found = await pagefind.search(term);
    const pages = [];
    for (const result of found.results) {
      if (!(result.id in urls)) urls[result.id] = (await result.data()).url;
      pages.push(urls[result.id]);
    }
    out[query] = pages;
  }
  return out;
}"""


@dataclass(frozen=True)
class Pair:
    """An affixed word, its root and its affix class."""

    affixed: str
    root: str
    kind: str


def read_pairs(path: Path) -> list[Pair]:
    """The pairs of a TSV file (affixed, root, class); `#` starts a comment line."""
    pairs = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            sys.exit(f"{path}:{number}: error: expected `affixed<TAB>root[<TAB>class]`")
        pairs.append(Pair(fields[0].lower(), fields[1].lower(), (fields[2:] or ["-"])[0]))
    return pairs


def families(pairs: list[Pair]) -> dict[str, set[str]]:
    """Each word form's roots: an affixed word's from its pairs, a root's itself."""
    family: dict[str, set[str]] = {}
    for pair in pairs:
        family.setdefault(pair.affixed, set()).add(pair.root)
        family.setdefault(pair.root, set()).add(pair.root)
    return family


def write_site(words: list[str], site: Path) -> dict[str, str]:
    """One page per word, marked for Warta's search stage; returns each word's page URL."""
    urls = {}
    for number, word in enumerate(words):
        page = site / f"w{number}" / "index.html"
        page.parent.mkdir(parents=True)
        part = f"<article><h1>{number}</h1><p>{word}</p></article>"
        page.write_text(f"<!doctype html><html><body>{START}{part}{END}</body></html>", "utf-8")
        urls[word] = f"/w{number}/"
    return urls


def baseline_forms(rev: str) -> Callable[[str], str]:
    """The page-copy transform of Warta's forms module at a git revision."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:generator/search/forms.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType("baseline_forms")
    sys.modules[module.__name__] = module
    exec(compile(source, f"{rev}:generator/search/forms.py", "exec"), module.__dict__)
    form, compounds = module.WORD_FORMS["id"], module.COMPOUNDS["id"]
    return lambda part: str(module.add_word_forms(part, form, compounds))


def index_copy(site: Path, scratch: Path, transform: Callable[[str], str] | None) -> float:
    """Index the pages' marked parts (transformed) into `site/pagefind`; returns seconds."""
    start = time.monotonic()
    shutil.rmtree(scratch, ignore_errors=True)
    for page in sorted(site.rglob("*.html")):
        part = indexed_part(page.read_text("utf-8"))
        if part is None or page.relative_to(site).parts[0] == "pagefind":
            continue
        target = scratch / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = transform(part) if transform else part
        target.write_text(PAGE.format(lang="id", part=text), "utf-8")
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    code, output = run_tool(pagefind_command(scratch, bundle))
    if code:
        sys.exit(f"pagefind failed:\n{output}")
    canonicalize_bundle(bundle)
    return time.monotonic() - start


def index_variant(variant: str, site: Path, scratch: Path, rev: str) -> float:
    """Index one variant's site; returns the wall time."""
    if variant == "plain":
        return index_copy(site, scratch, None)
    if variant == "baseline":
        return index_copy(site, scratch, baseline_forms(rev))
    result = index_language(site, "id", scratch)
    if result.returncode:
        sys.exit(f"warta indexing failed:\n{result.output}")
    return result.seconds


def index_size(bundle: Path) -> tuple[int, int]:
    """Bytes of Pagefind's word index and of Warta's word → root map."""
    words = sum(path.stat().st_size for path in (bundle / "index").glob("*.pf_index"))
    roots = sum(path.stat().st_size for path in (bundle / "roots").glob("*.json"))
    return words, roots


def score(pairs: list[Pair], urls: dict[str, str], found: dict[str, list[str]]) -> dict[str, Any]:
    """Recall both ways, precision, the widest search, and the misses."""
    family = families(pairs)
    word_of = {url: word for word, url in urls.items()}
    misses = []
    to_affixed = to_root = 0
    for pair in pairs:
        if urls[pair.affixed] in found[pair.root]:
            to_affixed += 1
        else:
            misses.append(("root->affixed", pair))
        if urls[pair.root] in found[pair.affixed]:
            to_root += 1
        else:
            misses.append(("affixed->root", pair))
    shares, noise = [], []
    for query, pages in found.items():
        if pages:
            wrong = [word_of[page] for page in pages if not family[word_of[page]] & family[query]]
            shares.append(1 - len(wrong) / len(pages))
            if wrong:
                noise.append((query, len(pages), wrong))
    return {
        "root_to_affixed": to_affixed / len(pairs),
        "affixed_to_root": to_root / len(pairs),
        "precision": statistics.mean(shares),
        "widest": max(len(pages) for pages in found.values()) / len(urls),
        "misses": misses,
        "noise": noise,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=ROOT / "bench/data/id_word_pairs.tsv")
    parser.add_argument("--runs", type=int, default=3, help="indexing runs per variant")
    parser.add_argument("--baseline-rev", default="58191e6", help="Warta before issue 14")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/recall")
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs)
    words = sorted({word for pair in pairs for word in (pair.affixed, pair.root)})
    print(f"{len(pairs)} pairs, {len(words)} pages", file=sys.stderr)
    shutil.rmtree(args.out, ignore_errors=True)
    sites, urls = {}, {}
    for variant in VARIANTS:
        sites[variant] = args.out / variant
        urls = write_site(words, sites[variant])
        (sites[variant] / "probe.html").write_text("<!doctype html><title>probe</title>")
        shutil.copy(ROOTS_JS, sites[variant] / "search-roots.js")
    times: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    for run in range(args.runs):
        for variant in VARIANTS:  # interleaved, so load on the machine hits all alike
            scratch = args.out / "scratch"
            seconds = index_variant(variant, sites[variant], scratch, args.baseline_rev)
            times[variant].append(seconds)
            print(f"run {run + 1}: {variant} indexed in {seconds:.2f} s", file=sys.stderr)
    rows = []
    for variant in VARIANTS:
        with serve_site(sites[variant], "/") as url:
            found = search_probe(url + "probe.html", url, words, variant == "warta")
        result = score(pairs, urls, found)
        write_misses(args.out / f"misses-{variant}.tsv", result["misses"])
        write_noise(args.out / f"noise-{variant}.tsv", result["noise"])
        rows.append((variant, result, index_size(sites[variant] / "pagefind"), times[variant]))
    print_table(rows, len(pairs), len(words))
    return 0


def search_probe(probe: str, url: str, words: list[str], rewrite: bool) -> dict[str, list[str]]:
    """Search every word on one variant's site."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(probe)
        page.add_script_tag(url=url + "search-roots.js")
        found: dict[str, list[str]] = page.evaluate(
            SEARCH_ALL, {"bundle": url + "pagefind/", "queries": words, "rewrite": rewrite}
        )
        browser.close()
    return found


def write_misses(path: Path, misses: list[tuple[str, Pair]]) -> None:
    """The missed pairs, one a line: direction, affixed, root, class."""
    lines = [f"{way}\t{pair.affixed}\t{pair.root}\t{pair.kind}" for way, pair in misses]
    path.write_text("".join(line + "\n" for line in lines), "utf-8")


def write_noise(path: Path, noise: list[tuple[str, int, list[str]]]) -> None:
    """The searches whose results hold pages of another word: query, results, those words."""
    lines = [f"{query}\t{count}\t{' '.join(sorted(wrong))}" for query, count, wrong in noise]
    path.write_text("".join(line + "\n" for line in lines), "utf-8")


def print_table(rows: list[Any], pairs: int, pages: int) -> None:
    """The results as a Markdown table."""
    print(f"{pairs} pairs, {pages} pages, one per word form\n")
    print(
        "| variant | root → affixed | affixed → root | precision | widest search "
        "| word index | word → root map | indexing (median) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for variant, result, (index_bytes, map_bytes), seconds in rows:
        print(
            f"| {variant} | {result['root_to_affixed']:.1%} | {result['affixed_to_root']:.1%} "
            f"| {result['precision']:.1%} | {result['widest']:.1%} of pages "
            f"| {index_bytes / 1024:.1f} KiB | {map_bytes / 1024:.1f} KiB "
            f"| {statistics.median(seconds):.2f} s |"
        )
    print(json.dumps({row[0]: statistics.median(row[3]) for row in rows}), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
