"""The publish stage: a finished build replaces site/ at once, a failed one changes nothing."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from sites import copy_seed_project, tree_hashes

from generator.files import discard_tree
from generator.pipeline import build_site
from generator.project import find_project
from generator.publish.swap import (
    carry_over,
    exchange,
    make_staging,
    publish_site,
    recover_site,
    staged_site,
)


def make_tree(root: Path, files: dict[str, str]) -> Path:
    """A folder holding the given files."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def leftovers(folder: Path) -> list[str]:
    """Staging or retired folders left next to the site."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".warta-"))


def test_publishing_into_a_missing_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with staged_site(site) as staging:
        make_tree(staging, {"index.html": "new"})
        publish_site(staging, site)
    assert (site / "index.html").read_text("utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_publishing_replaces_the_whole_old_site(tmp_path: Path) -> None:
    site = make_tree(tmp_path / "site", {"index.html": "old", "gone.html": "old"})
    with staged_site(site) as staging:
        make_tree(staging, {"index.html": "new"})
        publish_site(staging, site)
    assert tree_hashes(site).keys() == {"index.html"}
    assert leftovers(tmp_path) == []


def test_the_published_site_is_readable_by_the_web_server(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        staging = make_staging(tmp_path / "site")
    finally:
        os.umask(old)
    publish_site(staging, tmp_path / "site")
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755


def test_a_failure_before_publishing_removes_staging_and_keeps_the_site(tmp_path: Path) -> None:
    site = make_tree(tmp_path / "site", {"index.html": "old"})
    before = tree_hashes(site)
    with pytest.raises(RuntimeError), staged_site(site) as staging:
        make_tree(staging, {"index.html": "half"})
        raise RuntimeError("a stage failed")
    assert tree_hashes(site) == before
    assert leftovers(tmp_path) == []


def test_a_failed_rename_puts_the_old_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_tree(tmp_path / "site", {"index.html": "old"})
    before = tree_hashes(site)
    rename = Path.rename

    def failing_rename(self: Path, target: Path) -> Path:
        if self.name.startswith(".warta-staging-"):
            raise OSError("disk trouble")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    monkeypatch.setattr("generator.publish.swap.exchange", lambda first, second: False)
    with pytest.raises(OSError), staged_site(site) as staging:
        make_tree(staging, {"index.html": "new"})
        publish_site(staging, site)
    assert tree_hashes(site) == before
    assert leftovers(tmp_path) == []


def test_the_swap_is_one_atomic_exchange_where_the_system_has_one(tmp_path: Path) -> None:
    site = make_tree(tmp_path / "site", {"index.html": "old"})
    staging = make_tree(tmp_path / "new", {"index.html": "new"})
    site_inode = site.stat().st_ino
    assert exchange(staging, site), "renameat2(RENAME_EXCHANGE) is missing on this Linux"
    assert (site / "index.html").read_text("utf-8") == "new"
    assert (staging / "index.html").read_text("utf-8") == "old"
    assert staging.stat().st_ino == site_inode


def test_without_exchange_the_swap_falls_back_to_two_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.publish.swap.exchange", lambda first, second: False)
    site = make_tree(tmp_path / "site", {"index.html": "old"})
    with staged_site(site) as staging:
        make_tree(staging, {"index.html": "new"})
        publish_site(staging, site)
    assert (site / "index.html").read_text("utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_recovery_puts_back_a_site_retired_by_a_killed_fallback_swap(tmp_path: Path) -> None:
    # Killed between the two renames: no site/, the last good site under a retired name.
    make_tree(tmp_path / ".warta-retired-site-abc", {"index.html": "last good"})
    make_tree(tmp_path / ".warta-staging-site-def", {"index.html": "new, complete"})
    make_tree(tmp_path / ".warta-staging-other-ghi", {"index.html": "another site's"})
    removed = recover_site(tmp_path / "site")
    assert [path.name for path in removed] == [".warta-staging-site-def"]
    assert (tmp_path / "site" / "index.html").read_text("utf-8") == "last good"
    assert leftovers(tmp_path) == [".warta-staging-other-ghi"]


def test_recovery_removes_staging_and_retired_folders_next_to_a_site(tmp_path: Path) -> None:
    make_tree(tmp_path / "site", {"index.html": "current"})
    make_tree(tmp_path / ".warta-retired-site-abc", {"index.html": "old"})
    make_tree(tmp_path / ".warta-staging-site-def", {"half.html": "half"})
    assert len(recover_site(tmp_path / "site")) == 2
    assert (tmp_path / "site" / "index.html").read_text("utf-8") == "current"
    assert leftovers(tmp_path) == []


def test_carried_over_folders_are_hard_links(tmp_path: Path) -> None:
    site = make_tree(tmp_path / "site", {"id/index.html": "id", "en/index.html": "old en"})
    staging = make_tree(tmp_path / "staging", {"en/index.html": "new en"})
    assert carry_over(site, staging, ["id", "en", "fr"]) == ["id"]
    assert (staging / "id" / "index.html").stat().st_ino == (
        site / "id" / "index.html"
    ).stat().st_ino
    assert (staging / "en" / "index.html").read_text("utf-8") == "new en"


# --- the whole build, failing late ---------------------------------------------------------


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A seed project whose site/ holds a previous (fake) build, with its hashes."""
    project = copy_seed_project(tmp_path / "project")
    make_tree(project.site_dir, {"index.html": "last good", "id/index.html": "id", "en/x.css": "x"})
    return project.root, tree_hashes(project.site_dir)


def test_a_failing_mkdocs_leaves_the_old_site_byte_identical(
    published: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, before = published
    failing = [sys.executable, "-c", "import sys; print('ERROR - theme broke'); sys.exit(1)"]
    monkeypatch.setattr(
        "generator.sitebuild.mkdocs.mkdocs_command", lambda config, dest, **kw: failing
    )
    project = find_project(root)
    assert build_site(project) == 1
    assert tree_hashes(project.site_dir) == before
    assert leftovers(root) == []


def test_broken_content_leaves_the_old_site_byte_identical(
    published: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, before = published
    project = find_project(root)
    broken = project.content / "events" / "2023" / "2023-11-03-icbc-henan-delegation-meeting.yml"
    broken.write_text(
        broken.read_text("utf-8").replace("organization: icbc", "organization: icbx"), "utf-8"
    )
    assert build_site(project) == 1
    assert "E301" in capsys.readouterr().out
    assert tree_hashes(project.site_dir) == before
    assert leftovers(root) == []


def test_a_failing_language_shows_its_mkdocs_output(
    published: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, _ = published
    script = (
        "import sys; print('ERROR - en is broken'); sys.exit('en' in sys.argv[1].split('/')[-2])"
    )
    monkeypatch.setattr(
        "generator.sitebuild.mkdocs.mkdocs_command",
        lambda config, dest, **kw: [sys.executable, "-c", script, str(config), str(dest)],
    )
    assert build_site(find_project(root)) == 1
    err = capsys.readouterr().err
    assert "mkdocs failed for 'en'" in err and "ERROR - en is broken" in err
    assert "mkdocs failed for 'id'" not in err


def test_the_old_site_goes_to_the_trash_and_is_deleted_in_the_background(tmp_path: Path) -> None:
    site = make_tree(tmp_path / "site", {"index.html": "old", "a/b.html": "old"})
    trash = tmp_path / "build" / "trash"
    with staged_site(site) as staging:
        make_tree(staging, {"index.html": "new"})
        publish_site(staging, site, trash=trash)
    assert tree_hashes(site).keys() == {"index.html"}
    assert leftovers(tmp_path) == []
    deadline = time.monotonic() + 30
    while any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(trash.iterdir()) == []


def test_a_trash_on_another_filesystem_deletes_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_tree(tmp_path / "old", {"index.html": "old"})

    def cross_device(self: Path, target: Path) -> Path:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(Path, "rename", cross_device)
    discard_tree(tree, tmp_path / "trash")
    assert not tree.exists()
