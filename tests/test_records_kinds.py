"""The kind registry: every kind declared once, and everything that varies by kind reads it."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from typing import Annotated

import pytest
from factories import ROOT, TODAY, minimal_records, write_project
from pydantic import Field

from generator.records import kinds
from generator.records.check import check_records
from generator.records.fields import Localized, Ref, RefTo
from generator.records.kinds import KINDS, RecordKind, dated_kinds, kind_named, page_kinds
from generator.records.models import Record
from generator.render.site import render_site

GENERATOR = ROOT / "generator"
FOLDERS = {kind.folder for kind in KINDS}
# Modules that map kinds to places; none of them may name a kind's folder itself.
PLACING_MODULES = [
    "records/load.py",
    "records/validate.py",
    "commands/new.py",
    "render/urls.py",
    "render/catalog.py",
    "render/plan_kinds.py",
    "render/lastmod.py",
    "publish/sitemap.py",
]


def string_constants(path: Path) -> list[str]:
    """Every string literal in a Python module, f-string parts included."""
    tree = ast.parse(path.read_text("utf-8"))
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


@pytest.mark.parametrize(
    "module", sorted(str(p.relative_to(GENERATOR)) for p in GENERATOR.rglob("*.py"))
)
def test_no_module_but_the_registry_writes_a_content_path(module: str) -> None:
    if module == "records/kinds.py":
        return
    paths = [
        s for s in string_constants(GENERATOR / module) if s.split("/")[0] in FOLDERS and "/" in s
    ]
    assert paths == [], f"{module} spells out a kind's folder: {paths}"


@pytest.mark.parametrize("module", PLACING_MODULES)
def test_modules_that_place_records_name_no_folder(module: str) -> None:
    named = [s for s in string_constants(GENERATOR / module) if s in FOLDERS]
    assert named == [], f"{module} names a kind's folder: {named}"


def test_the_registry_declares_each_kind_and_folder_once() -> None:
    names = [kind.name for kind in KINDS]
    assert len(names) == len(set(names))
    assert len(FOLDERS) == len(KINDS)
    assert [kind.name for kind in dated_kinds()] == ["event", "agreement"]
    assert "taxonomy" not in [kind.name for kind in page_kinds()]


def test_page_paths_come_from_the_id_and_the_year_folder() -> None:
    assert kind_named("event").page_path("2023-11-03-x", 2023) == "events/2023/2023-11-03-x.md"
    assert kind_named("person").page_path("jane-doe", None) == "people/jane-doe.md"
    assert kind_named("agreement").content_folder("a-mou", 2022) == "agreements/2022"


def test_an_agreement_keeps_its_address_when_a_later_step_is_added(tmp_path: Path) -> None:
    records = minimal_records()
    mou = records.pop("agreements/2024/acme-globex-mou.yml")
    later = mou.replace(
        "date: 2024-02-10", "date: 2024-02-10}\n  - {status: in-force, date: 2025-01-02"
    )
    assert later != mou
    records["agreements/2024/acme-globex-mou.yml"] = later
    result = check_records(write_project(tmp_path, records))
    assert [d.render() for d in result.report.errors] == []
    assert result.graph is not None
    entry = result.graph.entries["agreement"]["acme-globex-mou"]
    assert entry.page_path == "agreements/2024/acme-globex-mou.md"


class Visit(Record):
    """A kind added for the test: a dated visit with a title, a summary and a body."""

    kind = "visit"
    date: kinds.dt.date
    title: Localized
    summary: Localized
    body: Localized | None = None
    hosts: Annotated[list[Ref], RefTo("organization", "host")] = Field(default_factory=list)


def visit_date(record: Record) -> kinds.dt.date:
    """A visit's day."""
    assert isinstance(record, Visit)
    return record.date


def visit_years(record: Record) -> set[int]:
    """The year folder a visit belongs in."""
    return {visit_date(record).year}


def visit_templates(tmp_path: Path) -> Path:
    """The repository's templates plus a visit page, a visits section and their UI strings."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "pages" / "visit.md.j2").write_text(
        '{% extends "base.md.j2" %}\n{% block content %}\n{{ summary }}\n{% endblock %}\n', "utf-8"
    )
    (templates / "sections" / "visits.md.j2").write_text(
        '{% extends "base.md.j2" %}\n{% block content %}\n{% include "partials/dated.md.j2" %}\n'
        "{% endblock %}\n",
        "utf-8",
    )
    for lang, label in (("id", "Kunjungan"), ("en", "Visits")):
        path = templates / "i18n" / f"{lang}.yml"
        text = path.read_text("utf-8").replace("nav:\n", f"nav:\n  visits: {label}\n", 1)
        path.write_text(text, "utf-8")
    return templates


def test_adding_a_kind_is_its_declaration_model_template_and_strings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = RecordKind(
        Visit, "visits", "pages/visit.md.j2", lambda r: r.date, lambda r: {r.date.year}
    )  # type: ignore[attr-defined]
    monkeypatch.setattr(kinds, "KINDS", (*KINDS, visit))
    monkeypatch.setitem(kinds.BY_NAME, "visit", visit)
    monkeypatch.setitem(kinds.BY_FOLDER, "visits", visit)
    records = minimal_records()
    records["visits/2024/2024-03-04-port-visit.yml"] = (
        "date: 2024-03-04\ntitle: {id: Kunjungan pelabuhan, en: Port visit}\n"
        "summary: {id: Ringkasan., en: A summary.}\nhosts: [acme]\n"
    )
    result = check_records(write_project(tmp_path / "project", records))
    assert [d.render() for d in result.report.errors] == []
    assert result.graph is not None
    site = render_site(result.graph, visit_templates(tmp_path), today=TODAY)
    for lang in ("id", "en"):
        paths = site.page_paths(lang)
        assert "visits/2024/2024-03-04-port-visit.md" in paths
        assert "visits/index.md" in paths
    assert [section.path for section in site.nav["en"]].count("visits/index.md") == 1
    page = next(p for p in site.pages["en"] if p.path == "visits/2024/2024-03-04-port-visit.md")
    assert page.title == "Port visit"
    assert page.date == kinds.dt.date(2024, 3, 4)
    news = next(p for p in site.pages["en"] if p.path == "news/index.md")
    assert "Port visit" in news.markdown
    host = next(p for p in site.pages["en"] if p.path == "organizations/acme.md")
    assert "[Port visit](../visits/2024/2024-03-04-port-visit.md)" in host.markdown


def test_an_unknown_reference_in_a_new_kind_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = RecordKind(Visit, "visits", "pages/visit.md.j2", visit_date, visit_years)
    monkeypatch.setitem(kinds.BY_NAME, "visit", visit)
    monkeypatch.setitem(kinds.BY_FOLDER, "visits", visit)
    records = minimal_records()
    records["visits/2024/2024-03-04-port-visit.yml"] = (
        "date: 2024-03-04\ntitle: {id: K, en: V}\nsummary: {id: R, en: S}\nhosts: [acmee]\n"
    )
    project = write_project(tmp_path, records)
    monkeypatch.chdir(project.root)
    lines = [d.render() for d in check_records(project).report.errors]
    assert lines == [
        "content/visits/2024/2024-03-04-port-visit.yml:4:9: error[E301] hosts[0]: "
        "no organization with id 'acmee' (did you mean 'acme'?)"
    ]
