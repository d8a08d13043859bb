"""Markdown safety for the render stage: escape record text, vet body Markdown, front matter."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

from generator.records.rawhtml import prose_and_code, sanitize_html


class Md(str):
    """Text that already is safe Markdown and reaches the page unchanged."""

    __slots__ = ()


# Python-Markdown honours a backslash before these; the rest are neutralised as entities,
# which work whatever extensions the build enables (tilde/caret for sub- and superscript).
_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "{": "\\{",
        "}": "\\}",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "#": "\\#",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "~": "&#126;",
        "^": "&#94;",
    }
)
_LINE_START = re.compile(r"^([-+=:]|\d+\.)")
_WHITESPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_AUTOLINK = re.compile(r"<(?=(?:https?://|mailto:)[^\s<>]+>)", re.IGNORECASE)
_UNSAFE_LINK = re.compile(
    r"(\]\(\s*<?|^[ \t]*\[[^\]\n]*\]:[ \t]*<?)\s*(?:javascript|vbscript|data|file):",
    re.IGNORECASE | re.MULTILINE,
)


def escape_markdown(text: str) -> str:
    """Plain record text as one inert Markdown line: no markup, no HTML, no block syntax."""
    line = _WHITESPACE.sub(" ", text).strip().translate(_INLINE)
    return _LINE_START.sub(_escape_line_start, line)


def _escape_line_start(match: re.Match[str]) -> str:
    # A line starting "- ", "+ ", "1.", "=" or ":" would become a list, a heading underline
    # or a definition; "=" and ":" have no backslash escape in Python-Markdown.
    token = match.group(1)
    if token in "=:":
        return f"&#{ord(token)};"
    if token[-1] == ".":
        return token[:-1] + "\\."
    return "\\" + token


def escape_paragraphs(text: str) -> Md:
    """Plain text that may hold blank-line separated paragraphs, each escaped."""
    parts = [escape_markdown(part) for part in _PARAGRAPH_BREAK.split(text.strip())]
    return Md("\n\n".join(part for part in parts if part))


_BODY_H1 = re.compile(r"^ {0,3}#[ \t]+", re.MULTILINE)


def vet_body(text: str, raw_html: str = "sanitize") -> Md:
    """An editor's Markdown body with raw HTML (per the site's `raw_html` policy),
    attribute lists and script links defused; code shows HTML as text and stays as it is."""
    return Md(
        "".join(
            piece if is_code else _vet_prose(piece, raw_html)
            for is_code, piece in prose_and_code(text.strip())
        )
    )


def _vet_prose(text: str, raw_html: str) -> str:
    if raw_html == "escape":
        text = _AUTOLINK.sub("\0", text).replace("<", "&lt;").replace("\0", "<")
    else:  # "forbid" was checked already: a body with HTML never gets here, but be safe
        text = sanitize_html(text)
    text = text.replace("{", "\\{")
    # The page title is the only h1; a `# heading` in a body becomes a section heading.
    text = _BODY_H1.sub("## ", text)
    return _UNSAFE_LINK.sub(lambda m: m.group(1) + "#", text)


def finalize(value: Any) -> str:
    """Jinja's finalize hook: every printed value is escaped unless it is already `Md`."""
    if isinstance(value, Md):
        return value
    if value is None:
        raise TypeError("a template printed None; guard optional values with {% if %}")
    return escape_markdown(str(value))


def join_markdown(parts: Iterable[str], separator: str = ", ") -> Md:
    """Join Markdown pieces, escaping the ones that are plain text."""
    return Md(separator.join(finalize(part) for part in parts))


# What YAML's reader would refuse or read as a line break inside a quoted scalar: escaped.
_NOT_YAML_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)


def render_front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter, one key a line; text is HTML-escaped because themes print it raw.

    Each value is written in JSON, which YAML reads as a flow value: `json.dumps` is a
    C function, and the YAML emitters spent a fifth of the render stage on the structured
    data of 20,000 pages.
    """
    lines = [f"{key}: {_flow(_escape_value(value))}\n" for key, value in meta.items()]
    return "---\n" + "".join(lines) + "---\n"


def _flow(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape_value(value: Any) -> Any:
    # Lists of text (a page's sectors, its countries) reach attributes just like titles.
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [_escape_html(item) for item in value]
    return _escape_html(value) if isinstance(value, str) else value


def _escape_html(text: str) -> str:
    # Quotes matter only inside attributes, which Material writes with double quotes.
    return html.escape(text, quote=False).replace('"', "&quot;")
