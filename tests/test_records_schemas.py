"""The editors' JSON Schemas: every field and choice described, fitted to the project."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rules import BASE

from generator.commands.schema import project_context
from generator.project import Project
from generator.records.schemas import render_schemas

ROOT = Path(__file__).parents[1]
SCHEMAS = render_schemas(project_context(Project(ROOT)))


def schema(name: str) -> dict[str, Any]:
    """One rendered schema of the repository's own project."""
    return dict(json.loads(SCHEMAS[f"{name}.schema.json"]))


def properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (place, property schema) in a schema and its definitions."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and "propertyNames" not in node:
                yield f"{where}.{name}", prop
        for key, value in node.items():
            yield from properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from properties(value, where)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_is_described(name: str) -> None:
    undescribed = [
        where
        for where, prop in properties(json.loads(SCHEMAS[name]))
        if not prop.get("description")
    ]
    assert undescribed == []


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_choice_is_described(name: str) -> None:
    for definition in json.loads(SCHEMAS[name]).get("$defs", {}).values():
        if (
            "enum" in definition
            and definition.get("type") == "string"
            and len(definition["enum"]) < 50
        ):
            assert len(definition["enumDescriptions"]) == len(definition["enum"])
            assert all(definition["enumDescriptions"])


def test_texts_require_the_required_languages() -> None:
    title = schema("event")["properties"]["title"]
    assert title["required"] == ["id", "en"]
    assert title["propertyNames"] == {"enum": ["id", "en"]}


def test_countries_are_codes() -> None:
    country = schema("organization")["properties"]["country"]
    assert {"ID", "CN", "KR"} <= set(country["enum"])
    assert "ZZ" not in country["enum"] and "KOR" not in country["enum"]


def test_references_offer_the_ids_that_exist_and_accept_new_ones() -> None:
    event = schema("event")
    organization = event["$defs"]["EventOrganization"]["properties"]["organization"]
    known, new = organization["anyOf"]
    organizations = sorted(p.stem for p in (ROOT / "content" / "organizations").glob("*.yml"))
    assert known["enum"] == organizations
    assert new == {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
    sectors = event["properties"]["sectors"]["items"]["anyOf"][0]["enum"]
    assert "electric-vehicles" in sectors
    partnership = event["properties"]["partnership"]["anyOf"]
    assert any("enum" in part and part["enum"] for part in partnership)


def warta(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in a project."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_warns_about_stale_schemas_without_failing(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(BASE, project)
    assert "W202" not in warta("check", cwd=project).stdout  # no schemas/ folder: nothing to say
    assert warta("schema", cwd=project).returncode == 0
    assert "W202" not in warta("check", cwd=project).stdout
    (project / "content/organizations/initech.yml").write_text(
        "name: {id: Initech, en: Initech}\ntype: company\ncountry: ID\n", "utf-8"
    )
    result = warta("check", "--strict", cwd=project)
    assert result.returncode == 0
    stale = [line for line in result.stdout.splitlines() if "W202" in line]
    assert stale and all(line.endswith("(run `warta schema`)") for line in stale)
    assert stale[0].startswith("schemas/") and ":1:1: warning[W202]" in stale[0]
