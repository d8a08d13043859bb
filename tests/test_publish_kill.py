"""Builds that cannot be torn: `warta build` killed with SIGKILL in every phase, and builds
running at the same time, always leave `site/` a whole site, the old one or the new one.

The synthetic corpus (bench/synth.py) is large enough that a build takes several seconds,
so each kill lands where it is aimed: a seeded random delay after the build announces a
phase (its progress lines on stderr), the publish phase (the swap) three times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sites import tree_hashes, write_synth_project

from generator.project import Project
from generator.publish.lock import LOCK_NAME
from generator.publish.swap import leftovers

pytestmark = pytest.mark.slow

RECORDS = 120
SEED = 13
# Each phase and how long after its announcement the kill may land (seconds).
KILLS = [
    ("check", 0.5),
    ("render", 0.8),
    ("write", 0.5),
    ("mkdocs", 0.6),  # MkDocs of 120 records takes over a second even on a quiet machine
    ("search", 1.5),
    ("publish", 0.05),
    ("publish", 0.4),
    ("publish", 2.0),  # most likely after the exchange: the old site is being deleted
]
TOGGLE = "organizations/kill-test-toggle.yml"
TOGGLE_RECORD = """\
name: {id: Organisasi Uji Henti, en: Kill Test Organisation}
type: company
country: ID
"""
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1717200000", "PYTHONUNBUFFERED": "1"}


def set_variant(project: Project, toggled: bool) -> None:
    """Two versions of the content, differing by one organisation (and every list of them)."""
    path = project.content / TOGGLE
    if toggled:
        path.write_text(TOGGLE_RECORD, "utf-8")
    else:
        path.unlink(missing_ok=True)


def start_build(project: Project, *args: str) -> subprocess.Popen[str]:
    """`warta build` in its own process group, so a kill reaches its MkDocs workers too."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", *args],
        cwd=project.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def full_build(project: Project) -> dict[str, str]:
    """Build to the end and return the hashes of the published site."""
    build = start_build(project)
    out, err = build.communicate()
    assert build.returncode == 0, out + err
    return tree_hashes(project.site_dir)


def kill_in_phase(project: Project, phase: str, delay: float) -> bool:
    """Start a build, wait for it to announce `phase`, then SIGKILL its whole group after
    `delay` seconds. True if it was still running when killed.

    `--full`, so every phase runs at its cold length: an incremental rebuild's MkDocs step
    can end before the kill, and then no kill would land in it."""
    build = start_build(project, "--full")
    assert build.stderr is not None
    for line in build.stderr:
        if line.strip() == f"warta build: {phase}":
            break
    time.sleep(delay)
    os.killpg(build.pid, signal.SIGKILL)
    build.communicate()
    return build.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A synthetic project of its own, since these tests write its site/."""
    return write_synth_project(tmp_path_factory.mktemp("kill") / "project", RECORDS)


def test_a_killed_build_leaves_the_old_or_the_new_whole_site(project: Project) -> None:
    expected = {False: full_build(project)}
    set_variant(project, True)
    expected[True] = full_build(project)
    assert expected[True] != expected[False]
    rng, current, killed = random.Random(SEED), True, []
    for phase, window in KILLS:
        target = not current  # each killed build would change the published site
        set_variant(project, target)
        if kill_in_phase(project, phase, rng.uniform(0, window)):
            killed.append(phase)
        assert project.site_dir.is_dir(), f"site/ is missing after a kill in {phase}"
        found = tree_hashes(project.site_dir)
        assert found in (expected[current], expected[target]), f"torn site after {phase}"
        current = target if found == expected[target] else current
    assert set(killed) >= {"check", "render", "write", "mkdocs", "search"}, killed
    # The next build cleans up after the killed ones and publishes the current content.
    build = start_build(project)
    _, err = build.communicate()
    assert build.returncode == 0, err
    assert leftovers(project.site_dir) == []
    assert tree_hashes(project.site_dir) == expected[target]
    assert (project.build_dir / LOCK_NAME).read_text("utf-8") == ""


def test_two_builds_at_once_publish_one_whole_site(project: Project) -> None:
    set_variant(project, False)
    first = start_build(project, "--full")  # a real build even if this content was built
    assert first.stderr is not None
    assert first.stderr.readline() == "warta build: check\n"  # the first one holds the lock
    second = start_build(project)
    _, second_err = second.communicate()
    first.communicate()
    assert (first.returncode, second.returncode) == (0, 0), second_err
    assert f"warta build: waiting for the build in process {first.pid} (since " in second_err
    assert leftovers(project.site_dir) == []
    set_variant(project, True)
    assert start_build(project, "--no-wait").wait() == 0  # nobody holds it now


def test_a_build_during_serve_waits_for_the_preview_and_never_touches_it(
    project: Project,
) -> None:
    set_variant(project, False)
    site_before = tree_hashes(project.site_dir)
    serve = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", "0"],
        cwd=project.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert serve.stderr is not None
        assert serve.stderr.readline() == "warta build: check\n"  # the preview holds the lock
        build = start_build(project)
        _, err = build.communicate()
        assert build.returncode == 0, err
        assert "warta build: waiting for the build in process" in err
        assert serve.stdout is not None
        assert serve.stdout.readline().startswith("built id, en into ")
        assert serve.stdout.readline().startswith("serving http://127.0.0.1:")
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.communicate()
    preview = project.build_dir / "preview" / "site"
    assert (preview / "index.html").is_file()
    assert tree_hashes(project.site_dir) != site_before  # the build published variant False
    assert leftovers(project.site_dir) == [] and leftovers(preview) == []
