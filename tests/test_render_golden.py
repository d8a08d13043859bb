"""Golden pages: every seed page in every language, compared byte for byte.

Run `pytest --update-golden` to rewrite them after an intended change, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from factories import ROOT, TEMPLATES

from generator.project import Project
from generator.records.check import check_records as run
from generator.render.pages import RenderedSite
from generator.render.site import render_site

GOLDEN = Path(__file__).parent / "golden"
# A fixed day after every seed record, so upcoming events and drafts do not drift.
GOLDEN_TODAY = dt.date(2024, 1, 1)


@pytest.fixture(scope="module")
def seed_site() -> RenderedSite:
    """The real content/ rendered with the real templates."""
    result = run(Project(ROOT))
    assert [d.render() for d in result.report.errors] == []
    assert result.graph is not None
    return render_site(result.graph, TEMPLATES, today=GOLDEN_TODAY)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pages_match_golden(
    seed_site: RenderedSite, lang: str, request: pytest.FixtureRequest
) -> None:
    folder = GOLDEN / lang
    pages = {page.path: page.markdown for page in seed_site.pages[lang]}
    if request.config.getoption("--update-golden"):
        write_goldens(folder, pages)
        return
    missing = sorted(path for path in pages if not (folder / path).is_file())
    assert not missing, f"no golden for {missing}: run `pytest --update-golden` and review"
    stale = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.md")
        if p.relative_to(folder).as_posix() not in pages
    )
    assert not stale, f"goldens for pages that are gone: {stale}; run `pytest --update-golden`"
    changed = [path for path in sorted(pages) if (folder / path).read_text("utf-8") != pages[path]]
    assert not changed, f"{len(changed)} page(s) differ from golden:\n" + diff(
        folder / changed[0], pages[changed[0]]
    )


def write_goldens(folder: Path, pages: dict[str, str]) -> None:
    """Replace a language's goldens with the pages just rendered."""
    for old in folder.rglob("*.md"):
        old.unlink()
    for path, markdown in pages.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")


def diff(golden: Path, rendered: str) -> str:
    """A unified diff of one golden page against its new rendering."""
    lines = difflib.unified_diff(
        golden.read_text("utf-8").splitlines(keepends=True),
        rendered.splitlines(keepends=True),
        fromfile=f"golden/{golden.relative_to(GOLDEN).as_posix()}",
        tofile="rendered",
    )
    return "".join(lines)


def test_goldens_cover_both_languages_with_the_same_paths(seed_site: RenderedSite) -> None:
    assert seed_site.page_paths("id") == seed_site.page_paths("en")
    assert "events/2023/2023-11-03-icbc-henan-delegation-meeting.md" in seed_site.page_paths("id")
