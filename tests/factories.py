"""Small Warta projects written to a temporary folder, for tests of any stage."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

from generator.project import Project
from generator.records.check import check_records as run
from generator.records.link import RecordGraph
from generator.render.pages import Page, RenderedSite
from generator.render.site import render_site

ROOT = Path(__file__).parents[1]
TEMPLATES = ROOT / "templates"
TODAY = dt.date(2024, 6, 1)

CONFIG = """\
languages: [id, en]
default_language: id
required_languages: [id]
site_name: {id: Warta Uji, en: Warta Test}
base_url: https://example.org/warta/
page_size: 20
"""


def write_project(tmp_path: Path, records: dict[str, str], *, config: str = CONFIG) -> Project:
    """A project with `site_config.yml` and one file per record, keyed by path under content/."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "site_config.yml").write_text(config, encoding="utf-8")
    for relpath, text in records.items():
        path = tmp_path / "content" / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return Project(tmp_path)


def build_graph(project: Project) -> RecordGraph:
    """Load, validate and link a project, failing the test on any error."""
    result = run(project)
    errors = [d.render() for d in result.report.errors]
    assert errors == [], "\n".join(errors)
    assert result.graph is not None
    return result.graph


def render_project(project: Project, **options: object) -> RenderedSite:
    """Render a project with the real templates; `today` defaults to a fixed day."""
    options.setdefault("today", TODAY)
    return render_site(build_graph(project), TEMPLATES, **options)  # type: ignore[arg-type]


def page(site: RenderedSite, lang: str, path: str) -> Page:
    """One rendered page, failing the test if it does not exist."""
    found = [p for p in site.pages[lang] if p.path == path]
    assert found, f"no {lang} page {path}; have {sorted(site.page_paths(lang))}"
    return found[0]


def organization(name_id: str, name_en: str | None = None, *, country: str = "ID") -> str:
    """An organisation record; leave out `name_en` to test the translation fallback."""
    names = f"  id: {name_id}\n" + (f"  en: {name_en}\n" if name_en else "")
    return f"name:\n{names}type: company\ncountry: {country}\nsectors: [energy]\n"


def person(name: str, organization: str) -> str:
    """A person holding one position at an organisation."""
    return (
        f"name: {name}\npositions:\n  - title: {{id: Direktur, en: Director}}\n"
        f"    organization: {organization}\n"
    )


def event(
    date: str,
    title: str,
    *,
    organization: str = "acme",
    role: str = "host",
    extra: str = "",
) -> str:
    """An event on a date, naming one organisation in one role."""
    return (
        f"type: meeting\ndate: {date}\ntitle: {{id: {title} (id), en: {title}}}\n"
        f"summary: {{id: Ringkasan {title}, en: Summary of {title}}}\n"
        f"location: {{city: Jakarta, country: ID}}\n"
        f"organizations:\n  - {{organization: {organization}, role: {role}}}\n"
        f"sectors: [energy]\n{extra}"
    )


def agreement(
    date: str, title: str, *, parties: tuple[str, str] = ("acme", "globex"), extra: str = ""
) -> str:
    """A signed MoU between two organisations."""
    return (
        f"type: mou\ntitle: {{id: {title} (id), en: {title}}}\n"
        f"summary: {{id: Ringkasan {title}, en: Summary of {title}}}\n"
        f"status:\n  - {{status: signed, date: {date}}}\n"
        f"parties: [{parties[0]}, {parties[1]}]\nsectors: [energy]\n{extra}"
    )


SECTORS = """\
title: {id: Sektor, en: Sectors}
terms:
  energy:
    label: {id: Energi, en: Energy}
"""


def minimal_records() -> dict[str, str]:
    """A small valid project: two organisations, a person, an event, an agreement, a sector."""
    return {
        "taxonomies/sectors.yml": SECTORS,
        "organizations/acme.yml": organization("Acme Indonesia", "Acme Indonesia Ltd"),
        "organizations/globex.yml": organization("Globex Korea", "Globex Korea", country="KR"),
        "people/jane-doe.yml": person("Jane Doe", "acme"),
        "events/2024/2024-01-05-acme-visit.yml": event("2024-01-05", "Acme visit"),
        "agreements/2024/acme-globex-mou.yml": agreement("2024-02-10", "Acme Globex MoU"),
    }


LINK = re.compile(r"\]\(([^)\s]+\.md)\)")


def internal_links(markdown: str) -> list[str]:
    """The `.md` targets of every Markdown link on a page."""
    return LINK.findall(markdown)
