"""Sample projects built into whole sites: the repository's seed content and a synthetic one."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from factories import agreement, event, minimal_records, write_project

from generator.cli import main
from generator.diagnostics import Report
from generator.pipeline import build_site
from generator.project import Project
from generator.records.validate import load_config

ROOT = Path(__file__).parents[1]
SYNTH_RECORDS = 300


@dataclass(frozen=True)
class BuiltSite:
    """A project, the exit code of its `warta build --strict`, and how long it took."""

    project: Project
    exit_code: int
    seconds: float

    @property
    def site_dir(self) -> Path:
        """The published site."""
        return self.project.site_dir

    @property
    def base_path(self) -> str:
        """The path the site lives under, e.g. `/warta/`."""
        config = load_config(self.project.root, Report())
        assert config is not None
        return config.base_path

    @property
    def base_url(self) -> str:
        """The configured base URL."""
        config = load_config(self.project.root, Report())
        assert config is not None
        return config.base_url


def copy_seed_project(dest: Path) -> Project:
    """A copy of the repository's configuration, content and templates."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "site_config.yml", dest / "site_config.yml")
    for folder in ("content", "templates"):
        shutil.copytree(ROOT / folder, dest / folder)
    return Project(dest)


def copy_search_fixture(dest: Path) -> Project:
    """The search tests' own records (tests/search_fixture/) with the repository's templates."""
    shutil.copytree(ROOT / "tests" / "search_fixture", dest)
    shutil.copytree(ROOT / "templates", dest / "templates")
    return Project(dest)


def load_synth() -> ModuleType:
    """bench/synth.py as a module (bench/ is not a package; its modules import each other)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def write_synth_project(dest: Path, records: int = SYNTH_RECORDS, seed: int = 1) -> Project:
    """A synthetic project with the repository's templates."""
    synth = load_synth()
    assert synth.main([str(dest), "--records", str(records), "--seed", str(seed)]) == 0
    return Project(dest)


def build_project(project: Project, *, site_dir: Path | None = None) -> BuiltSite:
    """Run `warta build --strict` on a project and time it."""
    start = time.monotonic()
    code = build_site(project, strict=True, site_dir=site_dir)
    return BuiltSite(project, code, time.monotonic() - start)


def tree_hashes(root: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file below a folder."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# A project for the publishing tests: a draft, an embargoed record, hostile text, and a
# deeper sub-path than the seed's, so that nothing may assume `/warta/`.
EDGE_CONFIG = """\
languages: [id, en]
default_language: id
required_languages: [id, en]
site_name: {id: Warta Uji, en: Warta Test}
base_url: https://example.net/projects/warta-edge/
"""
HOSTILE = '</script><script>alert("x")</script> & <b>Acme</b>'


def write_edge_project(dest: Path) -> Project:
    """The factories' minimal project plus a draft event, an embargoed agreement (publish
    date 2999) and an event whose title tries to break out of a `<script>` element; the
    visit has two former addresses, the embargoed deal one."""
    records = minimal_records()
    records["events/2024/2024-01-05-acme-visit.yml"] += (
        "end_date: 2024-01-07\nredirect_from: [2024-01-05-acme-call, events/2023/acme-visit-plan]\n"
    )
    records["events/2024/2024-03-01-secret-talks.yml"] = event(
        "2024-03-01", "Secret talks", extra="draft: true\n"
    )
    records["agreements/2024/embargoed-deal.yml"] = agreement(
        "2024-03-02",
        "Embargoed deal",
        extra="publish_date: 2999-01-01\nredirect_from: [secret-deal]\n",
    )
    title = HOSTILE.replace("'", "''")
    records["events/2024/2024-04-02-hostile.yml"] = (
        f"type: meeting\ndate: 2024-04-02\npublish_date: 2024-04-05\n"
        f"title: {{id: '{title} (id)', en: '{title}'}}\n"
        f"summary: {{id: 'Ringkasan {title}', en: 'Summary {title}'}}\n"
        "location: {venue: {id: Gedung Acme, en: Acme Building}, city: Jakarta, country: ID}\n"
        "organizations:\n  - {organization: acme, role: host}\n"
        "  - {organization: globex, role: delegation, delegation_size: 4}\n"
        "participants:\n  - {person: jane-doe}\n"
        "sectors: [energy]\n"
    )
    project = write_project(dest, records, config=EDGE_CONFIG)
    shutil.copytree(ROOT / "templates", dest / "templates")
    return project


# The third language of the trilingual fixture, Korean, for the records about North
# Chungcheong; every other text falls back to Indonesian with a notice.
KOREAN = {
    ("event/2023-07-07-kitb-chungbuk-technopark-mou-signing", "title"): (
        "바탕 통합산업단지, 충북테크노파크와 과학기술 양해각서 체결"
    ),
    ("event/2023-07-07-kitb-chungbuk-technopark-mou-signing", "summary"): (
        "바탕 통합산업단지(KITB)와 한국의 충북테크노파크가 스마랑에서 과학기술 협력 "
        "양해각서(MoU)를 체결했다. 중부자바주와 충청북도의 자매 결연 19주년을 기념하는 "
        "자리였다."
    ),
    ("partnership/central-java-chungcheongbuk-do-sister-province", "title"): (
        "중부자바주–충청북도 자매 결연"
    ),
    ("partnership/central-java-chungcheongbuk-do-sister-province", "summary"): (
        "2004년부터 이어진 인도네시아 중부자바주와 한국 충청북도의 자매 결연 관계."
    ),
    ("organization/chungcheongbuk-do-provincial-government", "name"): "충청북도청",
    ("organization/chungbuk-technopark", "name"): "충북테크노파크",
}


def write_trilingual_project(dest: Path) -> Project:
    """The seed project with Korean added as a third, incomplete language: its UI strings
    file, the language in site_config.yml, and the texts of `KOREAN`, put in through the
    translators' round trip (export a sheet, fill it, import it)."""
    project = copy_seed_project(dest)
    config = project.config_file.read_text("utf-8")
    config = config.replace("[id, en]\n", "[id, en, ko]\n", 1)
    config = config.replace(
        "  en: Warta Partnerships\n", "  en: Warta Partnerships\n  ko: 와르타 협력 소식\n"
    )
    project.config_file.write_text(config, "utf-8")
    sheet = dest / "ko.csv"
    assert main(["-C", str(dest), "translations", "export", "--lang", "ko", str(sheet)]) == 0
    rows = list(csv.DictReader(io.StringIO(sheet.read_bytes().decode("utf-8-sig"))))
    for row in rows:
        row["translation"] = KOREAN.get((row["record"], row["field"]), "")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    sheet.write_bytes(out.getvalue().encode("utf-8-sig"))
    assert main(["-C", str(dest), "translations", "import", str(sheet)]) == 0
    return project
