"""Shared pytest options and fixtures."""

from __future__ import annotations

import pytest
from sites import BuiltSite, build_project, copy_seed_project, write_synth_project


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the render stage's golden pages instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/<lang>/<path>.md from the current rendering",
    )


# Whole sites take seconds to build, so each sample is built once per session and shared
# by the build, publish and crawler tests, which only read it.


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's own content, built with `--strict` in a copy of the project."""
    return build_project(copy_seed_project(tmp_path_factory.mktemp("seed")))


@pytest.fixture(scope="session")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A 300-record synthetic project (bench/synth.py), built with `--strict`."""
    return build_project(write_synth_project(tmp_path_factory.mktemp("synth")))
