"""bench/synth.py: a deterministic synthetic corpus that passes `warta check`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from sites import load_synth, tree_hashes, write_synth_project

from generator.project import Project
from generator.records.check import check_records as check

synth = load_synth()


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-record synthetic project."""
    return write_synth_project(tmp_path_factory.mktemp("synth")).root


def records(root: Path, folder: str) -> list[Path]:
    """The record files of one kind."""
    return sorted((root / "content" / folder).rglob("*.yml"))


def test_counts_follow_the_proportions() -> None:
    counts = synth.plan_counts(300)
    assert counts == {
        "organization": 45,
        "person": 60,
        "agreement": 45,
        "partnership": 15,
        "event": 135,
    }
    assert sum(synth.plan_counts(1234).values()) == 1234


def test_too_few_records_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert synth.main([str(tmp_path / "x"), "--records", "3"]) == 2
    assert "at least" in capsys.readouterr().err


def test_the_corpus_passes_check_without_a_warning(project_dir: Path) -> None:
    result = check(Project(project_dir))
    assert [d.render() for d in result.report.items] == []
    assert result.files == 302  # 300 records, the sectors taxonomy and site_config.yml


def test_every_kind_is_there_in_its_folder(project_dir: Path) -> None:
    sizes = {
        folder: len(records(project_dir, folder))
        for folder in ("organizations", "people", "events", "agreements", "partnerships")
    }
    assert sizes == {
        "organizations": 45,
        "people": 60,
        "events": 135,
        "agreements": 45,
        "partnerships": 15,
    }
    assert records(project_dir, "taxonomies")[0].name == "sectors.yml"


def test_every_record_is_marked_synthetic(project_dir: Path) -> None:
    for path in records(project_dir, ""):
        text = path.read_text("utf-8")
        assert text.startswith(synth.MARK), path
        assert "[Sintetis]" in text and "[Synthetic]" in text, path


def test_events_live_in_the_folder_of_their_year_and_are_not_drafts(project_dir: Path) -> None:
    for path in records(project_dir, "events"):
        data = yaml.safe_load(path.read_text("utf-8"))
        assert isinstance(data["date"], dt.date)
        assert path.parent.name == str(data["date"].year)
        assert path.stem.startswith(data["date"].isoformat())
        assert "draft" not in data


def test_the_same_seed_writes_the_same_corpus(project_dir: Path, tmp_path: Path) -> None:
    again = write_synth_project(tmp_path / "again")
    other = write_synth_project(tmp_path / "other", seed=2)
    assert tree_hashes(again.content) == tree_hashes(project_dir / "content")
    assert tree_hashes(other.content) != tree_hashes(project_dir / "content")


def test_drafts_can_be_asked_for(tmp_path: Path) -> None:
    assert synth.main([str(tmp_path), "--records", "100", "--drafts", "0.5"]) == 0
    drafts = [p for p in records(tmp_path, "events") if "draft: true" in p.read_text("utf-8")]
    assert 10 < len(drafts) < 40


def test_a_real_project_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site_config.yml").write_text("languages: [id]\n", "utf-8")
    assert synth.main([str(tmp_path), "--records", "50"]) == 2
    assert "refusing" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()
