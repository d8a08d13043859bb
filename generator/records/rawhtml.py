"""Raw HTML in Markdown bodies, under the site's `raw_html` policy.

`sanitize` (the default) keeps a small allowlist of inline tags and drops everything else
with nh3 (the Ammonia sanitizer): scripts, styles, frames, forms, event handlers and any
link that is not http(s) or mailto. `escape` shows every tag as text. `forbid` makes each
tag a diagnostic (E601), for sites whose editors should write Markdown only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import nh3

from generator.config import SiteConfig
from generator.diagnostics import Report
from generator.records.validate import Entry

ALLOWED_TAGS = frozenset(
    "a abbr b br cite code del em i ins kbd mark q s small strong sub sup u".split()  # noqa: SIM905
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "q": {"cite"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Fenced blocks and code spans show HTML as text, so they are left alone.
CODE = re.compile(r"(^```.*?^```[ \t]*$|`[^`\n]+`)", re.MULTILINE | re.DOTALL)
AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>", re.IGNORECASE)
TAG = re.compile(r"<(!--|/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_PROTECT_OPEN, _PROTECT_CLOSE = "\ue000", "\ue001"  # private use: never in real text


def prose_and_code(text: str) -> Iterator[tuple[bool, str]]:
    """The text cut into (is_code, piece) runs."""
    # split() with one group alternates prose (even) and code (odd).
    for index, piece in enumerate(CODE.split(text)):
        yield index % 2 == 1, piece


def find_raw_html(text: str) -> list[str]:
    """The distinct tags (`<script`, `<b`, `<!--`) in a body's prose, in order of appearance;
    a closing tag counts as its opening one."""
    found: dict[str, None] = {}
    for is_code, piece in prose_and_code(text):
        if not is_code:
            for match in TAG.finditer(AUTOLINK.sub("", piece)):
                found.setdefault(f"<{match.group(1).lower().lstrip('/')}")
    return list(found)


def sanitize_html(prose: str) -> str:
    """Markdown prose with its raw HTML cut down to the allowlist; Markdown is kept intact."""
    if "<" not in prose:
        return prose
    shielded = AUTOLINK.sub(rf"{_PROTECT_OPEN}\1{_PROTECT_CLOSE}", prose)
    clean = nh3.clean(
        shielded,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # nh3 escapes `>` and `&` in text; Markdown needs `>` for quotes, and neither can open
    # a tag. Every `<` that is not an allowed tag stays `&lt;`.
    clean = clean.replace("&gt;", ">").replace("&amp;", "&")
    return clean.replace(_PROTECT_OPEN, "<").replace(_PROTECT_CLOSE, ">")


def check_raw_html(entries: list[Entry], config: SiteConfig, report: Report) -> None:
    """Under `raw_html: forbid`, report each body that holds raw HTML (E601)."""
    if config.raw_html != "forbid":
        return
    for entry in entries:
        body = getattr(entry.record, "body", None) or {}
        for lang, text in body.items():
            tags = find_raw_html(text)
            if tags:
                report.add(
                    entry.doc.path,
                    entry.doc.position_of(("body", lang)),
                    "E601",
                    f"raw HTML ({', '.join(tags[:3])}{', …' if len(tags) > 3 else ''}) is not "
                    "allowed: site_config.yml sets `raw_html: forbid`",
                    field=f"body.{lang}",
                    hint="write Markdown instead, or show the HTML as `code`",
                )
