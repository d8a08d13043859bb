"""Stage 6, publish: swap a finished build into `site/`, or leave the last good site alone."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

STAGING_PREFIX = ".warta-staging-"  # `.warta-*/` is in .gitignore
RETIRED_PREFIX = ".warta-retired-"


@contextmanager
def staged_site(site_dir: Path) -> Iterator[Path]:
    """A fresh staging folder next to `site_dir`, removed afterwards unless published."""
    staging = make_staging(site_dir)
    try:
        yield staging
    finally:
        # After a successful publish the folder has been renamed away: nothing to remove.
        shutil.rmtree(staging, ignore_errors=True)


def make_staging(site_dir: Path) -> Path:
    """An empty folder on the same filesystem as `site_dir`, so publishing is a rename."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{site_dir.name}-", dir=site_dir.parent)
    )
    # mkdtemp makes the folder private (0700); a published site must be readable.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def publish_site(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `staging` with renames; the old site is kept until then."""
    retired = None
    if site_dir.exists():
        retired = Path(
            tempfile.mkdtemp(prefix=f"{RETIRED_PREFIX}{site_dir.name}-", dir=site_dir.parent)
        )
        retired.rmdir()  # only the unique name is wanted; rename creates it again
        site_dir.rename(retired)
    try:
        staging.rename(site_dir)
    except OSError:
        if retired is not None:
            retired.rename(site_dir)  # put the last good site back
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def carry_over(site_dir: Path, staging: Path, names: Iterable[str]) -> list[str]:
    """Copy folders not rebuilt this time from the published site into staging.

    Files are hard-linked where the filesystem allows it, which is cheap and safe: the
    old site is only ever renamed and unlinked, never written in place.
    """
    carried = []
    for name in names:
        source = site_dir / name
        if source.is_dir() and not (staging / name).exists():
            shutil.copytree(source, staging / name, copy_function=link_or_copy)
            carried.append(name)
    return carried


def link_or_copy(src: str, dst: str) -> str:
    """Hard-link a file, copying it when links are not possible."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst
