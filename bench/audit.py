"""Lighthouse and axe scores of a built site, as the Markdown table in BENCHMARKS.md.

    python bench/audit.py SITE_DIR [--base-path /warta/]

Serves SITE_DIR on 127.0.0.1, runs Lighthouse (tests/lighthouse.mjs, one Chromium for all
pages) and axe-core in the light and the dark palette on the pages tests/test_audit.py
audits, and prints one row per page: the three Lighthouse scores and the number of axe
violations (serious or critical / all). Needs `npm ci --ignore-scripts` and
/usr/bin/chromium (or CHROME_PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium, serve_site  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from test_audit import AUDITED, PAGES, SERIOUS  # noqa: E402

AXE = (ROOT / "node_modules/axe-core/axe.min.js").read_text("utf-8")


def lighthouse(urls: list[str]) -> dict[str, dict[str, int]]:
    """Each URL's category scores, from one Lighthouse run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        runner = ROOT / "tests/lighthouse.mjs"
        subprocess.run(["node", str(runner), str(out), *urls], check=True, env=env, cwd=ROOT)
        report = json.loads(out.read_text("utf-8"))
    return {url: result["scores"] for url, result in report.items()}


def axe(urls: list[str]) -> dict[str, tuple[int, int]]:
    """Each URL's axe violations over both palettes: (serious or critical, all)."""
    counts = dict.fromkeys(urls, (0, 0))
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for scheme in ("light", "dark"):
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            for url in urls:
                page.goto(url)
                page.add_script_tag(content=AXE)
                found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                serious = sum(1 for v in found["violations"] if v["impact"] in SERIOUS)
                before = counts[url]
                counts[url] = (before[0] + serious, before[1] + len(found["violations"]))
            context.close()
        browser.close()
    return counts


def main() -> None:
    """Serve the site, audit it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site/ folder")
    parser.add_argument("--base-path", default="/warta/", help="the path it lives under")
    args = parser.parse_args()
    with serve_site(args.site, args.base_path) as base:
        urls = [f"{base}{lang}/{PAGES[kind]}" for lang, kind in AUDITED]
        scores, violations = lighthouse(urls), axe(urls)
    print("| page | accessibility | best practices | SEO | axe serious / all |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for (lang, kind), url in zip(AUDITED, urls, strict=True):
        s, (serious, total) = scores[url], violations[url]
        row = f"{s['accessibility']} | {s['best-practices']} | {s['seo']} | {serious} / {total}"
        print(f"| {lang} {kind} | {row} |")


if __name__ == "__main__":
    main()
