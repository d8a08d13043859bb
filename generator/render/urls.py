"""Where pages live: page paths, their addresses, and links between them.

Record pages take their paths from the kind registry (`RecordKind.page_path`); the pages
that gather records (sections, sectors, countries, archives, news) are placed here.
"""

from __future__ import annotations

import posixpath

from generator.config import SiteConfig
from generator.records.kinds import page_kinds

SECTORS, COUNTRIES = "sectors", "countries"


def sections() -> list[str]:
    """The top-level sections in navigation order: home, news, each page kind, facets."""
    return ["home", "news", *(kind.folder for kind in page_kinds()), SECTORS, COUNTRIES]


def section_path(section: str) -> str:
    """The index page of a top-level section, e.g. `people/index.md`."""
    return "index.md" if section == "home" else f"{section}/index.md"


def sector_path(key: str) -> str:
    """The page of one sector."""
    return f"{SECTORS}/{key}.md"


def country_path(code: str) -> str:
    """The page of one country, named by its lowercase ISO code."""
    return f"{COUNTRIES}/{code.lower()}.md"


def archive_path(year: int) -> str:
    """The archive page of one year."""
    return f"archive/{year}.md"


def news_path(number: int) -> str:
    """The path of page `number` (1-based) of the news list."""
    return "news/index.md" if number == 1 else f"news/page-{number}.md"


def page_url(path: str) -> str:
    """A page's address below its language root, as MkDocs writes it: `events/2023/x/`."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def language_root(config: SiteConfig, lang: str) -> str:
    """The absolute address of a language's home page, e.g. `https://example.org/warta/id/`."""
    return f"{config.base_url.rstrip('/')}/{lang}/"


def absolute_url(config: SiteConfig, lang: str, path: str) -> str:
    """The absolute address of a docs page in a language."""
    return language_root(config, lang) + page_url(path)


def relative_link(from_path: str, to_path: str) -> str:
    """A link from one docs page to another that works under any base path."""
    start = posixpath.dirname(from_path)
    if not (_plain(start) and _plain(to_path)):
        return posixpath.relpath(to_path, start or ".")
    # Both are plain docs paths, so the common folders are a common prefix of their parts;
    # posixpath.relpath would resolve both against the working folder first, once a link.
    here, there = start.split("/") if start else [], to_path.split("/")
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def _plain(path: str) -> bool:
    """A relative path with no empty, `.` or `..` part: `events/2023/x.md`."""
    return not path or (
        not path.startswith("/") and all(part not in ("", ".", "..") for part in path.split("/"))
    )
