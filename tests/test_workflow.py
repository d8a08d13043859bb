"""The shipped publishing recipe: the GitHub Pages workflow runs README's commands, checks,
builds and deploys `site/`; docs/publishing.md covers the other hosts."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest
import yaml
from sites import ROOT

from generator.cli import main as cli_main

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    """The workflow, parsed (YAML reads the key `on` as True)."""
    data: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return data


def runs(job: dict[str, Any]) -> list[str]:
    """The shell commands of a job's steps, in order."""
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job: dict[str, Any]) -> list[str]:
    """The actions a job uses, without their versions."""
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def readme_commands() -> list[str]:
    """The shell commands README.md starts with."""
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.DOTALL)
    assert block
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_workflow_tests_checks_builds_and_deploys_in_order(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    commands = runs(build)
    order = [
        "npm ci --ignore-scripts",
        "pip install -q -e '.[test]'",
        "warta check --strict --format github",
        "python -m pytest",
        "warta merge parts/part-*",
    ]
    found = [next(i for i, c in enumerate(commands) if step in c) for step in order]
    assert found == sorted(found), commands
    actions = uses(build)
    assert actions[:2] == ["actions/checkout", "actions/setup-python"]
    assert "actions/upload-pages-artifact" in actions
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-p"))
    assert upload["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert uses(deploy) == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_workflow_builds_each_language_in_its_own_job(workflow: dict[str, Any]) -> None:
    shard = workflow["jobs"]["shard"]
    config = yaml.safe_load((ROOT / "site_config.yml").read_text("utf-8"))
    assert shard["strategy"]["matrix"]["lang"] == config["languages"]
    lang = "${{ matrix.lang }}"
    assert f"warta build --strict --lang {lang} --site-dir part-{lang}" in " ".join(runs(shard))
    assert "actions/cache" in uses(shard) and "actions/upload-artifact" in uses(shard)
    cache = next(s for s in shard["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"].split() == ["build", "!build/trash"]
    assert workflow["jobs"]["build"]["needs"] == "shard"
    assert "actions/download-artifact" in uses(workflow["jobs"]["build"])


def test_the_workflow_runs_readmes_commands(workflow: dict[str, Any]) -> None:
    commands = " && ".join(cmd for job in workflow["jobs"].values() for cmd in runs(job))
    for line in readme_commands():
        for part in line.split(" && "):
            if "pip install" in part:
                continue  # the workflow installs once, with the test tools
            assert part.strip() in commands, part


def test_the_workflow_builds_daily_for_embargoes(workflow: dict[str, Any]) -> None:
    triggers = workflow[True]
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"]


def test_the_check_command_the_workflow_runs_exists(capsys: pytest.CaptureFixture[str]) -> None:
    line = next(c for c in runs_all() if "warta check" in c)
    args = shlex.split(line)[1:]
    assert cli_main(["-C", str(ROOT), *args]) == 0
    capsys.readouterr()


def runs_all() -> list[str]:
    """Every command of the workflow."""
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return [c for job in data["jobs"].values() for c in runs(job)]


def test_the_publishing_guide_covers_each_host() -> None:
    guide = (ROOT / "docs" / "publishing.md").read_text("utf-8")
    for heading in ("## GitHub Pages", "## Netlify", "## Cloudflare Pages", "## An S3-style"):
        assert heading in guide
    assert 'publish = "site"' in guide  # netlify.toml
    assert "Build output directory | `site`" in guide  # Cloudflare Pages
    assert 'aws s3 sync site/ "$DEST/" --delete' in guide
    assert "application/atom+xml" in guide and "text/calendar" in guide
