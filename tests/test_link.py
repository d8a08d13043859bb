"""Stage 3, link: references resolve or are reported; backlinks say who mentions whom."""

from __future__ import annotations

from pathlib import Path

import pytest
from rules import BASE, build_case, check_lines, expected_lines, rule_cases

from generator.project import Project
from generator.records.check import check_records as run


@pytest.mark.parametrize("case", rule_cases("e3", "w3"))
def test_link_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


def test_backlinks_name_every_mention_and_role() -> None:
    graph = run(Project(BASE)).graph
    assert graph is not None
    acme = {(b.source.kind, b.source.key, b.role) for b in graph.links_to("organization", "acme")}
    assert acme == {
        ("event", "2024-01-05-acme-visit", "host"),
        ("agreement", "acme-globex-mou", "party"),
        ("partnership", "acme-globex", "party"),
        ("person", "jane-doe", "position"),
    }
    jane = {(b.source.key, b.role) for b in graph.links_to("person", "jane-doe")}
    assert jane == {("2024-01-05-acme-visit", "participant"), ("acme-globex-mou", "signatory")}
    energy = {b.source.key for b in graph.links_to("sector", "energy")}
    assert energy == {"acme", "2024-01-05-acme-visit"}
    partnership = {b.source.key for b in graph.links_to("partnership", "acme-globex")}
    assert partnership == {"acme-globex-mou"}


def test_the_graph_keeps_each_records_references_in_field_order() -> None:
    graph = run(Project(BASE)).graph
    assert graph is not None
    refs = graph.references_of("agreement", "acme-globex-mou")
    assert [(r.target_kind, r.target, r.role) for r in refs][:2] == [
        ("organization", "acme", "party"),
        ("organization", "globex", "party"),
    ]
    assert {r.target_kind for r in refs} >= {"organization", "person", "partnership"}
    assert graph.references_of("organization", "no-such-record") == []


def test_seed_content_links_cleanly() -> None:
    result = run(Project(Path(__file__).parents[1]), strict=True)
    assert [d.render() for d in result.report.items] == []
    assert result.graph is not None
    henan = result.graph.links_to("organization", "henan-department-of-industry-and-technology")
    roles = {(b.source.key, b.role) for b in henan}
    assert ("2023-11-03-icbc-henan-delegation-meeting", "delegation") in roles
    assert ("icbc-henan-cooperation-mou", "party") in roles
