"""Sharded builds: languages built by separate jobs, merged, equal one full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import copy_seed_project, tree_hashes

from generator.cli import main
from generator.pipeline import build_site
from generator.project import Project
from generator.publish.merge import merge_parts


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path, dict[str, Path]]:
    """The seed project built once in full and once per language, each in its own job."""
    root = tmp_path_factory.mktemp("shards")
    project = copy_seed_project(root / "p")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert build_site(project, site_dir=root / "full", work_dir=root / "w-full") == 0
        parts = {}
        for lang in ("id", "en"):
            # A fresh checkout per CI job: its own copy of the project and its own build/.
            job = copy_seed_project(root / f"job-{lang}")
            parts[lang] = root / f"part-{lang}"
            assert build_site(job, langs=[lang], site_dir=parts[lang]) == 0
    return project, root / "full", parts


def test_merged_shards_equal_one_full_build(
    shards: tuple[Project, Path, dict[str, Path]], tmp_path: Path
) -> None:
    project, full, parts = shards
    code = main(
        ["-C", str(project.root), "merge", *map(str, parts.values()), "--site-dir", str(tmp_path)]
    )
    assert code == 0
    assert tree_hashes(tmp_path) == tree_hashes(full)


def test_a_missing_language_is_reported_and_nothing_written(
    shards: tuple[Project, Path, dict[str, Path]], tmp_path: Path
) -> None:
    _project, _full, parts = shards
    problems = merge_parts([parts["id"]], ["id", "en"], tmp_path / "out")
    assert problems == ["no part has the language 'en' (build it with --lang en)"]
    assert not (tmp_path / "out").exists()


def test_a_doubled_language_or_differing_root_is_reported(
    shards: tuple[Project, Path, dict[str, Path]], tmp_path: Path
) -> None:
    _project, _full, parts = shards
    other = tmp_path / "other"
    shutil.copytree(parts["en"], other)
    (other / "robots.txt").write_text("User-agent: *\nDisallow: /\n", "utf-8")
    problems = merge_parts([parts["id"], parts["en"], other], ["id", "en"], tmp_path / "out")
    assert problems == [
        f"the language 'en' is in several parts: {parts['en']}, {other}",
        f"{other}/robots.txt: differs from {parts['id']}/robots.txt",
    ]
