"""A crawler over a built site: every page's links, assets, hreflang and language switch."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src"}
SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data"}


@dataclass
class ParsedPage:
    """What the tests need from one HTML file."""

    links: list[str] = field(default_factory=list)
    hreflang: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    switch: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)


class PageParser(HTMLParser):
    """Collects href/src values, head links and the language selector's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note every linking attribute of a tag."""
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        self.page.links += [values[name] for name in LINK_ATTRS if name in values]
        rel = values.get("rel", "").split()
        if tag == "link" and "alternate" in rel and "hreflang" in values:
            self.page.hreflang[values["hreflang"]] = values["href"]
        if tag == "link" and "canonical" in rel:
            self.page.canonical = values["href"]
        if tag == "a" and "md-select__link" in values.get("class", "").split():
            self.page.switch[values.get("hreflang", "")] = values["href"]


@cache
def parse_page(path: Path) -> ParsedPage:
    """Parse one HTML file (once: built sites do not change under the tests)."""
    parser = PageParser()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return parser.page


@dataclass
class Site:
    """A built site on disk, addressed as it will be served from `base_url`."""

    root: Path
    base_url: str

    @property
    def base_path(self) -> str:
        """The path part of the base URL, e.g. `/warta/`."""
        return urlsplit(self.base_url).path

    def html_files(self) -> list[Path]:
        """Every HTML file, in a stable order."""
        return sorted(self.root.rglob("*.html"))

    def url_of(self, file: Path) -> str:
        """The absolute URL a file is served at (directory URLs for index.html)."""
        rel = file.relative_to(self.root).as_posix()
        return self.base_url + rel.removesuffix("index.html")

    def resolve(self, page: Path, url: str) -> Path | None:
        """The file a link from `page` points to, or None for a link off the site."""
        parts = urlsplit(url)
        if parts.scheme in SKIPPED_SCHEMES:
            return None
        if not parts.path and not parts.netloc:
            return page  # a same-page anchor
        if parts.scheme or parts.netloc:
            if not url.startswith(self.base_url):
                return None  # another site
            path = urlsplit(url).path
        elif parts.path.startswith("/"):
            path = parts.path
        else:
            folder = posixpath.dirname(self.base_path + page.relative_to(self.root).as_posix())
            path = posixpath.normpath(posixpath.join(folder, parts.path))
            path += "/" if parts.path.endswith("/") else ""
        return self.file_at(unquote(path))

    def file_at(self, path: str) -> Path:
        """The file serving a URL path; a path outside the base path maps to nothing real."""
        if not path.startswith(self.base_path) and path + "/" != self.base_path:
            return self.root / ".outside-base-path"
        target = self.root / path[len(self.base_path) :]
        return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_links(site: Site) -> list[str]:
    """`page -> link` for every internal link, asset or anchor that leads nowhere."""
    broken = []
    for file in site.html_files():
        for link in parse_page(file).links:
            target = site.resolve(file, link)
            if target is not None and not lands(target, urlsplit(link).fragment):
                broken.append(f"{file.relative_to(site.root)} -> {link}")
    return broken


def lands(target: Path, fragment: str) -> bool:
    """The file exists and, for an HTML page, holds the element the fragment names."""
    if not target.is_file():
        return False
    if not fragment or target.suffix != ".html":
        return True
    return unquote(fragment) in parse_page(target).ids
