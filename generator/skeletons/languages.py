"""Skeletons in the site's languages: each `id:`/`en:` pair becomes one key per language.

The skeleton files are written for the seed site, with an Indonesian example under `id:`
and an English one under `en:`. A site's `languages` decide what `warta new` writes: the
Indonesian example for `id`, the English one for `en` and as the placeholder of every other
language, in the configured order, in block form and in `{id: ..., en: ...}` flow form alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

EXAMPLES = ("id", "en")
_FLOW_PAIR = re.compile(r"\bid: ((?:\"[^\"]*\"|[^,{}])*), en: ((?:\"[^\"]*\"|[^,{}])*?)(?=\s*})")
_KEY = re.compile(r"^(\s*)(id|en):(.*)$")


def localize_skeleton(text: str, languages: Sequence[str]) -> str:
    """The skeleton with one text per configured language wherever it has an id/en pair."""
    if list(languages) == list(EXAMPLES):
        return text
    text = _FLOW_PAIR.sub(lambda m: _flow(m.group(1), m.group(2), languages), text)
    return "\n".join(_blocks(text.split("\n"), languages))


def _flow(indonesian: str, english: str, languages: Sequence[str]) -> str:
    return ", ".join(f"{lang}: {indonesian if lang == 'id' else english}" for lang in languages)


def _blocks(lines: list[str], languages: Sequence[str]) -> list[str]:
    """Replace each block `id:` entry and the `en:` entry after it, with their sub-lines."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _KEY.match(lines[i])
        if not found or found.group(2) != "id":
            out.append(lines[i])
            i += 1
            continue
        indent = found.group(1)
        first = _entry(lines, i, indent)
        second = _entry(lines, i + len(first), indent)
        if not second or not second[0].startswith(f"{indent}en:"):
            out.extend(first)
            i += len(first)
            continue
        examples = {"id": first, "en": second}
        for lang in languages:
            block = examples.get(lang, second)
            out.append(f"{indent}{lang}:{block[0].split(':', 1)[1]}")
            out.extend(block[1:])
        i += len(first) + len(second)
    return out


def _entry(lines: list[str], start: int, indent: str) -> list[str]:
    """A key's line and the more-indented lines below it (a block scalar's text)."""
    if start >= len(lines):
        return []
    end = start + 1
    while end < len(lines) and _depth(lines[end]) > len(indent):
        end += 1
    return lines[start:end]


def _depth(line: str) -> int:
    """A line's indentation; a blank line counts as not indented."""
    return len(line) - len(line.lstrip(" ")) if line.strip() else 0
