"""The persistent build cache under `build/`: what the last successful build made, by content.

A rebuild compares what it is about to produce with this record and redoes only the
difference. Every key is a content digest, never a time, except the stat of MkDocs' own
output files (which only Warta's builds write). The cache is trusted only when its format,
the Warta version and the tools' versions, and a digest of Warta's own code all match; a
corrupt or foreign cache is ignored, and the build starts from scratch.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import platform
import sys
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

import generator
from generator.files import write_atomic
from generator.project import Project

CACHE_FORMAT = 1
CACHE_FILE = "warta-cache.json"
TOOLS = ("mkdocs", "mkdocs-material", "pagefind", "jinja2", "markdown", "pymdown-extensions")
Stat = tuple[int, int]
"""A file's size and modification time (ns)."""


class LanguageState(BaseModel):
    """One language's docs tree, MkDocs output and search source, as last published."""

    model_config = ConfigDict(frozen=True)

    config: str
    """Digest of the language's mkdocs.yml and of the theme overrides."""
    pages: dict[str, str]
    """Docs-relative page path -> digest of its Markdown."""
    html: dict[str, int]
    """MkDocs output file (relative to its site dir) -> its size when published.

    Only sizes: a restored CI cache has new inodes and times. Which files MkDocs rewrote
    is told by their times against the start of the MkDocs run (`incremental.py`).
    """
    search: str = ""
    """Digest of the search source tree Pagefind indexed ('' when nothing was indexed)."""


class BuildCache(BaseModel):
    """What the last successful build read and wrote."""

    model_config = ConfigDict(frozen=True)

    format: int = CACHE_FORMAT
    toolchain: str
    inputs: str
    """Digest of every input file and build option: equal means nothing to do."""
    site: tuple[str, int, int, int]
    """The published site folder's identity (path, device, inode, mtime) after publishing."""
    languages: dict[str, LanguageState]
    extras: list[str]
    """Files Warta wrote beside MkDocs' output (feeds, sitemaps, root pages), site-relative."""


def build_day() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def build_options(
    langs: Sequence[str] | None, strict: bool, include_drafts: bool, today: dt.date
) -> dict[str, object]:
    """Everything besides the files that decides what a build produces."""
    return {
        "langs": sorted(langs or []),
        "strict": strict,
        "drafts": include_drafts,
        "today": today.isoformat(),
        "epoch": os.environ.get("SOURCE_DATE_EPOCH"),
    }


def up_to_date(cache: BuildCache | None, inputs: str, site_dir: Path) -> bool:
    """Whether the last build read exactly these inputs and its site is still published."""
    return cache is not None and cache.inputs == inputs and cache.site == site_identity(site_dir)


@functools.cache  # the code a process runs cannot change under it
def toolchain() -> str:
    """Digest of Python, Warta (version and code) and the tools' versions."""
    # The environment, not the interpreter's path: `python` and `python3` are one toolchain.
    parts = [CACHE_FORMAT, generator.__version__, platform.python_version(), sys.prefix]
    for tool in TOOLS:
        try:
            parts.append(f"{tool}={metadata.version(tool)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{tool}=none")
    code = digest_files(Path(generator.__file__).parent, suffixes=(".py", ".yml"))
    return digest_text(json.dumps([*map(str, parts), code]))


def digest_text(text: str | bytes) -> str:
    """A short content digest (BLAKE2b, 128 bits) as hex."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def digest_files(root: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """Digest of every file's path and bytes under `root` (an absent folder has one too)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in walk_files(root):
        if suffixes and not path.name.endswith(suffixes):
            continue
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(digest_text(path.read_bytes()).encode("ascii"))
    return digest.hexdigest()


def walk_files(root: Path) -> list[Path]:
    """Every regular file under `root`, sorted, skipping caches of Python."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.extend(Path(folder) / name for name in sorted(files))
    return found


def input_digest(
    project: Project, options: Mapping[str, object], templates: str | None = None
) -> str:
    """Digest of the configuration, every record, every template (`templates`, if the
    caller has it already) and the build's options."""
    parts = {
        "config": digest_text(project.config_file.read_bytes())
        if project.config_file.is_file()
        else "",
        "content": digest_files(project.content),
        "templates": templates if templates is not None else digest_files(project.templates),
        "options": json.dumps(options, sort_keys=True, default=str),
    }
    return digest_text(json.dumps(parts, sort_keys=True))


def site_identity(site_dir: Path) -> tuple[str, int, int, int]:
    """Which folder is published now: a replaced or removed site/ has another identity."""
    try:
        stat = site_dir.stat()
    except OSError:
        return (str(site_dir.resolve()), 0, 0, 0)
    return (str(site_dir.resolve()), stat.st_dev, stat.st_ino, stat.st_mtime_ns)


def cache_path(work: Path) -> Path:
    """Where a work folder keeps its cache."""
    return work / CACHE_FILE


def load_cache(work: Path) -> tuple[BuildCache | None, str]:
    """The trusted cache of a work folder, or None and why it is not used."""
    path = cache_path(work)
    if not path.is_file():
        return None, ""  # a first build: nothing to say
    foreign = f"the build cache {path} is from another Warta or tool version; ignoring it"
    try:
        raw = path.read_bytes()
        head = json.loads(raw)
        if not isinstance(head, dict):
            raise ValueError("not an object")
        if head.get("format") != CACHE_FORMAT or head.get("toolchain") != toolchain():
            return None, foreign
        return BuildCache.model_validate_json(raw), ""
    except (OSError, ValueError, ValidationError):
        return None, f"the build cache {path} is unreadable; ignoring it"


def drop_cache(work: Path) -> None:
    """Forget the cache before the trees it describes change, so a failed build cannot lie."""
    cache_path(work).unlink(missing_ok=True)


def save_cache(work: Path, cache: BuildCache) -> None:
    """Write the cache atomically."""
    write_atomic(cache_path(work), cache.model_dump_json())


def stat_tree(root: Path) -> dict[str, Stat]:
    """The size and time of every file under `root`, by its `/`-separated relative path.

    Links to files count as files; linked folders are not followed. One `scandir` and one
    `stat` per entry: a language's MkDocs output has a folder per page.
    """
    result: dict[str, Stat] = {}
    folders = [(str(root), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # gone meanwhile, or not a folder: it holds no files
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink():
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue  # a dangling link
            result[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)
    return result


def changed_keys(old: Mapping[str, object], new: Mapping[str, object]) -> set[str]:
    """Keys added to or changed in `new` compared with `old`."""
    return {key for key, value in new.items() if old.get(key) != value}


def removed_keys(old: Iterable[str], new: Mapping[str, object]) -> set[str]:
    """Keys of `old` that `new` no longer has."""
    return {key for key in old if key not in new}
