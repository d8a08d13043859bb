"""Incremental builds: after any sequence of changes, the site is byte-identical to a cold build.

The property test edits, adds, deletes and renames records, and edits templates, UI strings,
theme overrides and the configuration of a small synthetic project, rebuilding incrementally
after every step and comparing with a cold build (`full=True`, its own work folder) of the
same sources. `WARTA_PROPERTY_RECORDS` and `WARTA_PROPERTY_EXAMPLES` make it bigger.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import tree_hashes, write_synth_project

from generator.buildcache import CACHE_FILE, load_cache
from generator.fastpath import nothing_to_build
from generator.incremental import place_bundles
from generator.pipeline import build_site
from generator.project import Project
from generator.publish.lock import LOCK_NAME
from generator.records.load import ParseMemo
from generator.search.pagefind import LanguageIndex
from generator.search.partitions import load_memo

RECORDS = int(os.environ.get("WARTA_PROPERTY_RECORDS", "40"))
EXAMPLES = int(os.environ.get("WARTA_PROPERTY_EXAMPLES", "3"))
EPOCH = "1700000000"
SPLIT = 10  # record pages above which a language's search index is split


def tree(root: Path) -> tuple[dict[str, str], list[str]]:
    """Every file's digest and every folder of a site, to compare two sites exactly."""
    folders = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())
    return tree_hashes(root), folders


def cold_tree(project: Project, scratch: Path) -> tuple[int, tuple[dict[str, str], list[str]]]:
    """Build the project from nothing into scratch; its exit code and its site."""
    shutil.rmtree(scratch, ignore_errors=True)
    code = build_site(project, site_dir=scratch / "site", work_dir=scratch / "work", full=True)
    return code, tree(scratch / "site") if code == 0 else ({}, [])


def records(project: Project, folder: str = "") -> list[Path]:
    """The record files, sorted, optionally of one kind's folder."""
    return sorted((project.content / folder).rglob("*.yml"))


def load(path: Path) -> dict[str, object]:
    """A YAML file's mapping."""
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def dump(path: Path, data: dict[str, object]) -> None:
    """Write a mapping back as YAML."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def edit_record(project: Project, pick: int, step: int) -> None:
    """Change a record's English title (or name); a file without one gets a comment."""
    path = records(project)[pick % len(records(project))]
    data = load(path)
    for key in ("title", "name"):
        value = data.get(key)
        if isinstance(value, dict) and "en" in value:
            value["en"] = f"{value['en']} edited {step}"
            dump(path, data)
            return
    path.write_text(path.read_text("utf-8") + f"# touched {step}\n", "utf-8")


def add_record(project: Project, pick: int, step: int) -> None:
    """Copy an event under a new name: a new page, and a new entry in lists."""
    source = records(project, "events")[pick % len(records(project, "events"))]
    shutil.copy(source, source.with_name(f"{source.stem}-copy{step}.yml"))


def delete_record(project: Project, pick: int, step: int) -> None:
    """Delete an event: its page goes, and so does every mention of it."""
    events = records(project, "events")
    if len(events) > 1:
        events[pick % len(events)].unlink()


def rename_record(project: Project, pick: int, step: int) -> None:
    """Rename an event's file, which moves its page."""
    source = records(project, "events")[pick % len(records(project, "events"))]
    source.rename(source.with_name(f"{source.stem}-renamed{step}.yml"))


def edit_template(project: Project, pick: int, step: int) -> None:
    """Add a line to one page template."""
    names = sorted((project.templates / "pages").glob("*.md.j2"))
    path = names[pick % len(names)]
    path.write_text(path.read_text("utf-8") + f"\nEdited template {step}.\n", "utf-8")


def edit_strings(project: Project, pick: int, step: int) -> None:
    """Rename a section in one language's UI strings (the nav of every page changes)."""
    lang = ("en", "id")[pick % 2]
    path = project.templates / "i18n" / f"{lang}.yml"
    data = load(path)
    nav = data["nav"]
    assert isinstance(nav, dict)
    nav["events"] = f"{nav['events']} {step}"
    dump(path, data)


def edit_overrides(project: Project, pick: int, step: int) -> None:
    """Change the theme's main template (every HTML page changes, no Markdown does)."""
    path = project.templates / "overrides" / "main.html"
    path.write_text(path.read_text("utf-8") + f"\n{{# edit {step} #}}\n<!-- {step} -->\n", "utf-8")


def edit_config(project: Project, pick: int, step: int) -> None:
    """Change the list page size (archive and section pages split differently)."""
    data = load(project.config_file)
    data["page_size"] = (7, 20, 13)[pick % 3]
    dump(project.config_file, data)


def toggle_split(project: Project, pick: int, step: int) -> None:
    """Move the search index's split threshold across the number of record pages, or back."""
    data = load(project.config_file)
    search = data.setdefault("search", {})
    assert isinstance(search, dict)
    search["split_above"] = SPLIT if search.get("split_above") != SPLIT else 10_000
    dump(project.config_file, data)


def nothing(project: Project, pick: int, step: int) -> None:
    """No change at all."""


EDITS: list[Callable[[Project, int, int], None]] = [
    edit_record,
    add_record,
    delete_record,
    rename_record,
    edit_template,
    edit_strings,
    edit_overrides,
    edit_config,
    toggle_split,
    nothing,
]
STEP = st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000))


@pytest.fixture(scope="module")
def base_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic project, shared read-only: each example works on a copy.

    Its search index is split into parts (by year and by folder) from the start.
    """
    root = write_synth_project(tmp_path_factory.mktemp("incr"), records=RECORDS).root
    config = Project(root).config_file
    dump(config, {**load(config), "search": {"split_above": SPLIT}})
    return root


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
@given(steps=st.lists(STEP, min_size=1, max_size=4))
def test_incremental_build_equals_cold_build_after_every_step(
    base_project: Path,
    steps: list[tuple[Callable[[Project, int, int], None], int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        shutil.copytree(base_project, root, ignore=shutil.ignore_patterns("build", "site"))
        project = Project(root)
        memo = ParseMemo()  # kept between builds, as `warta serve` keeps it
        assert build_site(project, parse_memo=memo) == 0
        last_good = tree(project.site_dir)
        for number, (edit, pick) in enumerate(steps):
            edit(project, pick, number)
            code = build_site(project, parse_memo=memo)
            cold_code, cold = cold_tree(project, Path(scratch) / "cold")
            assert code == cold_code, f"step {number}: {edit.__name__}"
            last_good = cold if code == 0 else last_good
            assert tree(project.site_dir) == last_good, f"step {number}: {edit.__name__}"


@pytest.fixture
def small_project(base_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A copy of the synthetic project, built once."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    shutil.copytree(base_project, tmp_path / "p", ignore=shutil.ignore_patterns("build", "site"))
    project = Project(tmp_path / "p")
    assert build_site(project) == 0
    return project


def tool_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record every external tool command a build runs (they still run)."""
    import generator.sitebuild.mkdocs as mkdocs

    calls: list[list[str]] = []
    real = mkdocs.run_tool

    def spy(command: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
        calls.append(list(command))
        return real(command, env)

    monkeypatch.setattr("generator.sitebuild.mkdocs.run_tool", spy)
    monkeypatch.setattr("generator.search.pagefind.run_tool", spy)
    return calls


def test_nothing_changed_runs_no_tool(
    small_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(small_project.site_dir)
    calls = tool_calls(monkeypatch)
    assert build_site(small_project) == 0
    assert calls == []
    assert "nothing changed" in capsys.readouterr().out
    assert tree(small_project.site_dir) == before


def test_one_edit_rebuilds_dirty_and_reindexes(
    small_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_record(small_project, 0, 1)
    calls = tool_calls(monkeypatch)
    assert build_site(small_project) == 0
    mkdocs = [call for call in calls if "build" in call]
    assert mkdocs and all("--dirty" in call for call in mkdocs)


def test_edit_without_effect_runs_no_tool(
    small_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A comment changes the file's bytes but no page: the pages are compared, not the files.
    path = records(small_project, "events")[0]
    path.write_text(path.read_text("utf-8") + "# a comment\n", "utf-8")
    calls = tool_calls(monkeypatch)
    assert build_site(small_project) == 0
    assert calls == []


@pytest.mark.parametrize(
    "garbage",
    [b"not json", b'{"format": 1}', b"\xff\xfe", None],
    ids=["not-json", "missing-fields", "not-utf8", "foreign-toolchain"],
)
def test_corrupt_or_foreign_cache_is_ignored(
    small_project: Project,
    tmp_path: Path,
    garbage: bytes | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache = small_project.build_dir / CACHE_FILE
    if garbage is None:
        text = cache.read_text("utf-8").replace('"toolchain":"', '"toolchain":"x', 1)
        cache.write_text(text, "utf-8")
    else:
        cache.write_bytes(garbage)
    edit_record(small_project, 3, 1)
    assert build_site(small_project) == 0
    assert "ignoring it" in capsys.readouterr().err
    assert load_cache(small_project.build_dir)[0] is not None  # a good cache replaces it
    assert tree(small_project.site_dir) == cold_tree(small_project, tmp_path / "cold")[1]


def test_failed_build_keeps_site_and_forgets_cache(
    small_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(small_project.site_dir)
    edit_record(small_project, 5, 1)
    monkeypatch.setattr(
        "generator.sitebuild.mkdocs.mkdocs_command", lambda *args, **kwargs: ["false"]
    )
    assert build_site(small_project) == 1
    assert tree(small_project.site_dir) == before
    assert not (small_project.build_dir / CACHE_FILE).exists()
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build_site(small_project) == 0
    assert tree(small_project.site_dir) == cold_tree(small_project, tmp_path / "cold")[1]


def test_replaced_site_is_rebuilt_not_trusted(small_project: Project, tmp_path: Path) -> None:
    shutil.rmtree(small_project.site_dir)
    small_project.site_dir.mkdir()
    assert build_site(small_project) == 0
    assert tree(small_project.site_dir) == cold_tree(small_project, tmp_path / "cold")[1]


def test_the_entry_point_answers_an_up_to_date_build_itself(
    small_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(small_project.root)
    assert nothing_to_build(["-C", root, "build"])
    assert "nothing changed" in capsys.readouterr().out
    for other in (["build", "--full"], ["check"], ["build", "--lang", "en"], ["build", "-x"]):
        assert not nothing_to_build(["-C", root, *other]), other
    edit_record(small_project, 2, 1)
    assert not nothing_to_build(["-C", root, "build"])


def test_the_entry_point_leaves_an_unclean_lock_to_the_build(small_project: Project) -> None:
    (small_project.build_dir / LOCK_NAME).write_text("4242 2026-01-01 00:00:00 UTC\n", "utf-8")
    assert not nothing_to_build(["-C", str(small_project.root), "build"])


def add_english_sentence(project: Project) -> tuple[Path, dict[str, object]]:
    """Add a sentence to the first event's English body; the file and its new mapping."""
    event = records(project, "events")[0]
    data = load(event)
    body = data["body"]
    assert isinstance(body, dict)
    body["en"] = f"{body['en']}\nA sentence added later.\n"
    dump(event, data)
    return event, data


def test_one_edit_reindexes_only_the_part_of_its_year(
    small_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sentence of the body shows on the event's page only (its title also on others).
    event, data = add_english_sentence(small_project)
    calls = tool_calls(monkeypatch)
    assert build_site(small_project) == 0
    indexed = [Path(call[call.index("--site") + 1]) for call in calls if "pagefind" in call]
    memo = load_memo(small_project.build_dir / "search" / "en")
    assert memo is not None
    year = str(data["date"])[:4]
    page = next(rel for rel in memo.placed if rel.startswith(f"events/{year}/{event.stem}"))
    part = memo.placed[page]
    assert [(path.parents[1].name, path.name) for path in indexed] == [("en", part)]
    assert len(set(memo.placed.values())) >= 3
    manifest = json.loads((small_project.site_dir / "en/pagefind/warta-parts.json").read_text())
    assert [manifest["primary"], *manifest["parts"]] == sorted(set(memo.placed.values()))


def write_bundle(folder: Path, primary: str, others: list[str]) -> None:
    """A stand-in for an assembled search bundle: each part's name in a file."""
    folder.mkdir(parents=True)
    (folder / "part.txt").write_text(primary, "utf-8")
    for name in others:
        (folder / name).mkdir()
        (folder / name / "part.txt").write_text(name, "utf-8")
    (folder / "roots").mkdir()
    manifest = {"version": 1, "primary": primary, "parts": others}
    (folder / "warta-parts.json").write_text(json.dumps(manifest), "utf-8")


def test_a_new_primary_part_replaces_the_whole_bundle(tmp_path: Path) -> None:
    # The oldest part is gone and the next one, unchanged, becomes the primary.
    write_bundle(tmp_path / "work/id/bundle", "part-2019", ["part-2021"])
    write_bundle(tmp_path / "site/id/pagefind", "part-2017", ["part-2019", "part-2021"])
    result = LanguageIndex("id", 0, "", 0.0, 3, ("part-2021",))
    place_bundles(tmp_path / "site", tmp_path / "work", {"id": result}, seeded=True)
    assert tree_hashes(tmp_path / "site/id/pagefind") == tree_hashes(tmp_path / "work/id/bundle")


def count_calls(monkeypatch: pytest.MonkeyPatch, target: str) -> list[object]:
    """Record the first argument of every call of a module-level function (it still runs)."""
    module, name = target.rsplit(".", 1)
    real = getattr(importlib.import_module(module), name)
    calls: list[object] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, spy)
    return calls


def test_one_edit_parses_one_file_and_renders_only_the_pages_it_shows_on(
    small_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sentence of an event's English body shows on the event's English page only.
    event, _ = add_english_sentence(small_project)
    monkeypatch.setattr("generator.render.site.can_fork", lambda: False)
    parsed = count_calls(monkeypatch, "generator.records.load.load_mapping")
    rendered = count_calls(monkeypatch, "generator.render.site.tidy")
    assert build_site(small_project) == 0
    texts = {path.read_text("utf-8") for path in records(small_project)}
    assert [text for text in parsed if text in texts] == [event.read_text("utf-8")]
    assert len(rendered) == 1
    assert "A sentence added later." in str(rendered[0])


def test_a_full_build_parses_and_renders_everything_again(
    small_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.render.site.can_fork", lambda: False)
    parsed = count_calls(monkeypatch, "generator.records.load.load_mapping")
    rendered = count_calls(monkeypatch, "generator.render.site.tidy")
    assert build_site(small_project, full=True) == 0
    texts = {path.read_text("utf-8") for path in records(small_project)}
    assert len([text for text in parsed if text in texts]) == len(records(small_project))
    assert len(rendered) == sum(1 for _ in small_project.site_dir.rglob("index.html")) - 1
