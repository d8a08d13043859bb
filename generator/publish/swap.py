"""Stage 6, publish: swap a finished build into `site/`, or leave the last good site alone."""

from __future__ import annotations

import ctypes
import errno as _errno
import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.files import discard_tree, link_or_copy

STAGING_PREFIX = ".warta-staging-"  # `.warta-*/` is in .gitignore
RETIRED_PREFIX = ".warta-retired-"
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2  # <fcntl.h>, <linux/fs.h>
_RENAME_SWAP = 2  # <stdio.h> on macOS


@contextmanager
def staged_site(site_dir: Path, trash: Path | None = None) -> Iterator[Path]:
    """A fresh staging folder next to `site_dir`, removed afterwards unless published
    (through `trash`, if given: see `discard_tree`)."""
    staging = make_staging(site_dir)
    try:
        yield staging
    finally:
        # After a successful publish the folder has been renamed away: nothing to remove.
        if staging.exists():
            discard_tree(staging, trash)


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


def publish_site(staging: Path, site_dir: Path, trash: Path | None = None) -> None:
    """Put `staging` in place of `site_dir` so that readers only ever see a whole site.

    The old site is deleted through `trash` (see `discard_tree`) when one is given.

    Where the kernel can exchange two names in one step (Linux `renameat2`, macOS
    `renamex_np`), `site_dir` is never missing, not even for an instant; the old site ends
    up under the staging name and is removed. Elsewhere two renames leave a short window,
    which `recover_site` closes on the next start if the build is killed inside it.
    """
    if not site_dir.exists():
        staging.rename(site_dir)
    elif exchange(staging, site_dir):
        discard_tree(staging, trash)  # the old site, now under staging's name
    else:
        swap_by_renames(staging, site_dir, trash)


def swap_by_renames(staging: Path, site_dir: Path, trash: Path | None = None) -> None:
    """Retire the old site, rename staging into place, and only then delete the old one."""
    retired = Path(
        tempfile.mkdtemp(prefix=f"{RETIRED_PREFIX}{site_dir.name}-", dir=site_dir.parent)
    )
    retired.rmdir()  # only the unique name is wanted; rename creates it again
    site_dir.rename(retired)
    try:
        staging.rename(site_dir)
    except OSError:
        retired.rename(site_dir)  # put the last good site back
        raise
    discard_tree(retired, trash)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False when the system or filesystem cannot."""
    call = _exchange_call()
    if call is None:
        return False
    if call(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (_errno.EINVAL, _errno.ENOSYS, _errno.ENOTSUP, _errno.EXDEV):
        return False  # e.g. a filesystem without exchange support: fall back to renames
    raise OSError(errno, os.strerror(errno), str(first), None, str(second))


@functools.cache
def _exchange_call() -> Callable[[bytes, bytes], int] | None:
    """The C library's atomic exchange, bound with ctypes, or None if it has none."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    renameat2 = getattr(libc, "renameat2", None)  # Linux, glibc 2.28+
    if renameat2 is not None:
        renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        renameat2.argtypes.append(ctypes.c_uint)
        return lambda a, b: int(renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE))
    renamex_np = getattr(libc, "renamex_np", None)  # macOS 10.12+
    if renamex_np is not None:
        renamex_np.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        return lambda a, b: int(renamex_np(a, b, _RENAME_SWAP))
    return None


def leftovers(site_dir: Path) -> list[Path]:
    """Staging and retired folders that a killed build left next to `site_dir`."""
    prefixes = (f"{STAGING_PREFIX}{site_dir.name}-", f"{RETIRED_PREFIX}{site_dir.name}-")
    if not site_dir.parent.is_dir():
        return []
    return sorted(p for p in site_dir.parent.iterdir() if p.name.startswith(prefixes))


def recover_site(site_dir: Path) -> list[Path]:
    """Undo what a killed build left: restore a retired site if `site_dir` is missing,
    then remove every staging and retired folder. Call it only while holding the build
    lock, when no other build can be using them. Returns what it removed."""
    found = leftovers(site_dir)
    retired = [p for p in found if p.name.startswith(RETIRED_PREFIX)]
    if retired and not site_dir.exists():
        # Killed between the two renames: the retired folder is the last complete site.
        newest = max(retired, key=lambda path: path.stat().st_mtime)
        newest.rename(site_dir)
        found.remove(newest)
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return found


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
