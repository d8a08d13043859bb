"""Benchmark Warta at scale, beside mkdocs-static-i18n and Hugo, in one interleaved run.

    python bench/scale.py [--sizes 1000 10000] [--runs 3] [--out bench/out/scale]
                          [--no-competitors] [--no-serve] [--no-search]

For each corpus size (bench/synth.py, seed 1) every round runs, one after the other:

- `warta build` cold (build/ and site/ removed), again with nothing changed, and again after
  one sentence of one event changed; in the first round the one-edit site is then compared
  byte for byte with a cold build of a copy of the project;
- mkdocs-static-i18n on the same Markdown (Warta's docs trees, `page.md` + `page.en.md`),
  one process, Material's search on, in its default settings and with
  `reconfigure_search: false`;
- Hugo (Debian's `hugo`) on the same Markdown with a minimal layout and no search.

Each figure is the median over the rounds, with the peak memory of the whole process tree
(sampled from /proc: RSS every 50 ms, PSS every 0.5 s): its proportional set size (PSS: a
page shared by N processes, as after a fork, counts 1/N in each), and, for comparison with
older runs, the sum of the processes' resident sizes (RSS), which counts a shared page once
per process. Then, once per size: `warta serve`'s save-to-reload latency (a record saved →
the status the open page polls reports the new build; the page's script polls every 250 ms,
so add up to that), and the bytes a reader's browser fetches for a first search query.
Prints Markdown tables; the machine line says how loaded it was.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import make_corpus  # noqa: E402

from generator.project import Project  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
HUGO_LAYOUT = (
    '<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8">'
    "<title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
)


@dataclass(frozen=True)
class Run:
    """One timed command: wall seconds and peak memory of its process tree (bytes)."""

    seconds: float
    peak: int
    """Peak PSS of the process tree."""
    ok: bool
    peak_rss: int = 0
    """Peak of the summed RSS of the process tree."""
    stopped: bool = False
    """Killed after the time limit, unfinished: `seconds` is when it was stopped."""


def tree_memory(root: int, with_pss: bool = True) -> tuple[int, int]:
    """PSS (0 unless `with_pss`) and summed RSS of a process and its descendants (bytes)."""
    pss = rss = 0
    for pid in tree_pids(root):
        with contextlib.suppress(OSError, ValueError):
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
            pss += process_pss(pid) if with_pss else 0
    return pss, rss


def process_pss(pid: int) -> int:
    """A process's proportional set size (bytes) from smaps_rollup."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def tree_pids(root: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    return pids


def timed(
    command: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    limit: float | None = None,
) -> Run:
    """Run a command to its end (or `limit` seconds), sampling its memory; print the figures."""
    run = timed_quietly(command, cwd, env, limit)
    print(
        f"    {run.seconds:8.2f} s {gib(run.peak)} PSS ({gib(run.peak_rss)} RSS summed)  "
        f"{' '.join(command[-3:])}",
        flush=True,
    )
    return run


def timed_quietly(
    command: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    limit: float | None = None,
) -> Run:
    """Run a command to its end (or kill it after `limit` seconds), sampling its memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so a kill reaches its children
    )
    peak = peak_rss = samples = 0
    stopped = False
    while proc.poll() is None:
        if limit is not None and time.perf_counter() - start > limit:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            stopped = True
            break
        # Reading PSS walks the page tables: a quarter of a core at every 50 ms, taken from
        # the build being timed. RSS is read every 50 ms, PSS every 0.5 s.
        pss, rss = tree_memory(proc.pid, with_pss=samples % 10 == 0)
        peak, peak_rss, samples = max(peak, pss), max(peak_rss, rss), samples + 1
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if stopped:
        print(f"  ! {' '.join(command)} stopped after {limit:.0f} s, unfinished", flush=True)
    elif proc.returncode:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        print(f"  ! {' '.join(command)} failed ({proc.returncode}): {err[-800:]}", flush=True)
    return Run(seconds, peak, proc.returncode == 0, peak_rss, stopped)


def outcome(runs: list[Run]) -> str:
    """What a row's label adds when a run did not end well: '', failed, or stopped."""
    if any(run.stopped for run in runs):
        return f" (stopped unfinished after {min(r.seconds for r in runs if r.stopped):.0f} s)"
    return "" if all(run.ok for run in runs) else " (failed)"


def warta(project: Project, *args: str) -> list[str]:
    """The `warta` command line on a project."""
    # The installed entry point, as an editor runs it (a no-op build never loads the pipeline).
    return [str(Path(sys.executable).with_name("warta")), "-C", str(project.root), *args]


def edit_one_event(project: Project, round_no: int) -> Path:
    """Change one sentence of one event (its English summary)."""
    events = sorted((project.content / "events").rglob("*.yml"))
    path = events[(7 + round_no) % len(events)]
    data = yaml.safe_load(path.read_text("utf-8"))
    data["summary"]["en"] = f"{data['summary']['en'].rstrip('.')} (edit {round_no})."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def static_i18n_project(project: Project, out: Path, reconfigure_search: bool) -> Path:
    """A mkdocs-static-i18n project over Warta's docs trees (suffix layout, both languages)."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    shutil.copytree(project.build_dir / "id" / "docs", docs)
    for page in sorted((project.build_dir / "en" / "docs").rglob("*.md")):
        rel = page.relative_to(project.build_dir / "en" / "docs")
        shutil.copyfile(page, docs / rel.with_name(rel.stem + ".en.md"))
    config = yaml.safe_load((project.build_dir / "id" / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(out / "site")
    config["plugins"] = [
        "search",
        {
            "i18n": {
                "docs_structure": "suffix",
                "reconfigure_search": reconfigure_search,
                "languages": [
                    {"locale": "id", "default": True, "name": "Bahasa Indonesia", "build": True},
                    {"locale": "en", "name": "English", "build": True},
                ],
            }
        },
    ]
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def hugo_project(project: Project, out: Path) -> Path:
    """A Hugo site over Warta's docs trees: one content folder per language, minimal layout."""
    if out.exists():
        shutil.rmtree(out)
    for lang in ("id", "en"):
        source = project.build_dir / lang / "docs"
        for page in source.rglob("*.md"):
            rel = page.relative_to(source)
            name = "_index.md" if rel.name == "index.md" else rel.name
            target = out / "content" / lang / rel.with_name(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
    layouts = out / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(HUGO_LAYOUT, "utf-8")
    (out / "hugo.yaml").write_text(
        yaml.safe_dump(
            {
                "baseURL": "https://example.org/",
                "defaultContentLanguage": "id",
                "defaultContentLanguageInSubdir": True,
                "disableKinds": ["taxonomy", "term", "RSS"],
                "markup": {"goldmark": {"renderer": {"unsafe": True}}},
                "languages": {
                    "id": {"weight": 1, "contentDir": "content/id"},
                    "en": {"weight": 2, "contentDir": "content/en"},
                },
            }
        ),
        "utf-8",
    )
    return out


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def status(port: int) -> dict[str, object]:
    """The preview's build status, as the open page polls it."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/.warta/status", timeout=5) as reply:
        data: dict[str, object] = json.loads(reply.read())
        return data


def serve_latency(project: Project, rounds: int) -> list[float]:
    """Seconds from saving a record to the preview reporting the new build, per round."""
    port = free_port()
    proc = subprocess.Popen(
        warta(project, "serve", "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                if int(str(status(port)["build"])) >= 1:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        latencies = []
        for round_no in range(rounds):
            # An editor saves long after the last build's old trees are deleted.
            wait_until_empty(project.build_dir / "preview" / "trash")
            before = int(str(status(port)["build"]))
            start = time.perf_counter()
            edit_one_event(project, 100 + round_no)
            while int(str(status(port)["build"])) == before:
                time.sleep(0.02)
            latencies.append(time.perf_counter() - start)
        return latencies
    finally:
        proc.terminate()  # SIGINT may be ignored when this runs in the background
        proc.wait(timeout=60)


def wait_until_empty(folder: Path, limit: float = 600.0) -> None:
    """Wait (at most `limit` seconds) until the background deletion has emptied a folder."""
    end = time.monotonic() + limit
    while folder.is_dir() and any(folder.iterdir()) and time.monotonic() < end:
        time.sleep(0.5)


def same_as_cold(project: Project, scratch: Path) -> bool:
    """Whether the incremental site equals a cold build of the same sources."""
    shutil.rmtree(scratch, ignore_errors=True)
    # A copy of the project, so the cold build has its own build/ and cannot use the cache.
    copy = scratch / "project"
    shutil.copytree(project.root, copy, ignore=shutil.ignore_patterns("build", "site"))
    cmd = warta(Project(copy), "build", "--full", "--site-dir", str(scratch / "site"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    diff = subprocess.run(["diff", "-rq", str(project.site_dir), str(scratch / "site")])
    return diff.returncode == 0


def median(runs: list[Run]) -> tuple[float, int, int]:
    """Median seconds, median peak PSS and median peak summed RSS."""
    return (
        statistics.median(r.seconds for r in runs),
        int(statistics.median(r.peak for r in runs)),
        int(statistics.median(r.peak_rss for r in runs)),
    )


def gib(size: int) -> str:
    """Bytes as GiB."""
    return f"{size / 2**30:.2f} GiB"


def measure_size(args: argparse.Namespace, records: int) -> list[str]:
    """Every row for one corpus size."""
    project = make_corpus(args.out, records)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    rows: dict[str, list[Run]] = {}
    identical = []
    for round_no in range(args.runs):
        for folder in (project.build_dir, project.site_dir):
            shutil.rmtree(folder, ignore_errors=True)
        rows.setdefault("warta build, cold", []).append(timed(warta(project, "build"), ROOT, env))
        rows.setdefault("warta build, nothing changed", []).append(
            timed(warta(project, "build"), ROOT, env)
        )
        edit_one_event(project, round_no)
        rows.setdefault("warta build, one event's sentence changed", []).append(
            timed(warta(project, "build"), ROOT, env)
        )
        if round_no == 0:  # a cold build more per round would double the run
            identical.append(same_as_cold(project, args.out / "cold"))
        if args.competitors:
            for label, reconfigure in (("default", True), ("reconfigure_search: false", False)):
                config = static_i18n_project(project, args.out / "i18n", reconfigure)
                cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
                rows.setdefault(f"mkdocs-static-i18n, {label}", []).append(
                    timed(cmd, ROOT, {**env, "NO_MKDOCS_2_WARNING": "1"}, args.give_up_after)
                )
            site = hugo_project(project, args.out / "hugo")
            rows.setdefault("Hugo, minimal layout, no search", []).append(
                timed(["hugo", "--quiet", "-s", str(site)], ROOT, env, args.give_up_after)
            )
        print(f"  {records} records: round {round_no + 1} done", flush=True)
    cold = median(rows["warta build, cold"])[0]
    table = [
        f"\n### {records:,} records ({args.runs} interleaved rounds, medians)\n",
        "| build | wall | vs Warta cold | peak memory (tree, PSS) | (tree, RSS summed) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, runs in rows.items():
        seconds, peak, peak_rss = median(runs)
        table.append(
            f"| {label}{outcome(runs)} | {seconds:.2f} s | {seconds / cold:.2f} | {gib(peak)} "
            f"| {gib(peak_rss)} |"
        )
    table.append(f"\nOne-edit site byte-identical to a cold build: {identical}")
    if args.serve:
        lat = serve_latency(project, args.runs)
        table.append(
            f"`warta serve`, save → new build reported: median {statistics.median(lat):.2f} s "
            f"({', '.join(f'{x:.2f}' for x in lat)}); the page polls every 0.25 s"
        )
    if args.search:
        from search_size import first_query

        shutil.rmtree(project.site_dir, ignore_errors=True)
        subprocess.run(warta(project, "build"), check=True, capture_output=True, env=env)
        got = first_query(project, "id", "kerja")
        table.append(
            f"First search query (`kerja`, /id/): {got.files} files, "
            f"{got.gzipped / 1024:,.1f} KiB gzip'd ({got.data / 1024:,.1f} KiB index data)"
        )
    return table


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes, in records"
    )
    parser.add_argument("--runs", type=int, default=3, help="interleaved rounds per size")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "out" / "scale", help="working folder"
    )
    parser.add_argument(
        "--no-competitors",
        dest="competitors",
        action="store_false",
        help="skip mkdocs-static-i18n and Hugo",
    )
    parser.add_argument(
        "--give-up-after",
        type=float,
        default=1800.0,
        metavar="SECONDS",
        help="stop a competitor's build after this long and report it unfinished "
        "(static-i18n's default search de-duplication is quadratic; default: %(default)s)",
    )
    parser.add_argument(
        "--no-serve", dest="serve", action="store_false", help="skip the serve latency"
    )
    parser.add_argument(
        "--no-search", dest="search", action="store_false", help="skip the first-query size"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    lines = []
    for records in args.sizes:
        lines += measure_size(args, records)
    from search_size import machine

    lines.append(f"\nMachine: {machine()}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
