"""The corpora the benchmarks measure: the seed content, or a synthetic project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.project import Project

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(out: Path, records: int) -> Project:
    """The seed project (records=0) or a synthetic one of `records` records (seed 1)."""
    dest = out / ("seed" if records == 0 else f"synth-{records}")
    if dest.exists():
        shutil.rmtree(dest)
    if records == 0:
        dest.mkdir(parents=True)
        shutil.copy2(ROOT / "site_config.yml", dest / "site_config.yml")
        for folder in ("content", "templates"):
            shutil.copytree(ROOT / folder, dest / folder)
    else:
        synth = [sys.executable, str(ROOT / "bench" / "synth.py"), str(dest)]
        subprocess.run(
            [*synth, "--records", str(records), "--seed", "1"], check=True, capture_output=True
        )
    return Project(dest)
