"""The map from a site's words to their roots that the search field reads, in small shards.

Pagefind stems a reader's query with Snowball, so `pemerintah` never reaches the page that
says only `perintah`. The search field (assets/warta/search-roots.js) therefore looks up
each word the reader typed in this map and searches for its root instead, the same root the
index carries after the word (generator/search/forms.py). The map holds only the site's own
words whose root Snowball stems differently, split by a hash of the word into shards of
about `SHARD_SIZE` entries, so a query fetches `roots/index.json` and one small shard per
word. A reader who never searches fetches none of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.search.roots import SiteRoots

FOLDER = "roots"
INDEX = "index.json"
SHARD_SIZE = 256
VERSION = 1


def fnv1a(word: str) -> int:
    """32-bit FNV-1a over the word's UTF-16 code units, as the search field computes it."""
    value = 0x811C9DC5
    data = word.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | data[i + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def shard_count(entries: int) -> int:
    """The smallest power of two that keeps shards at about `SHARD_SIZE` entries."""
    count = 1
    while count * SHARD_SIZE < entries:
        count *= 2
    return count


def root_map(roots: SiteRoots) -> dict[str, str]:
    """Each site word whose query should be rewritten, with its root; sorted."""
    pairs = ((word, roots.added_form(word)) for word in sorted(roots.words))
    return {word: root for word, root in pairs if root}


def write_vocabulary(bundle: Path, roots: SiteRoots | None) -> int:
    """Write the sharded word → root map into `bundle/roots/`; returns its entries.

    A language without roots gets an empty map (no shards), which the field reads as such.
    """
    entries = root_map(roots) if roots else {}
    count = shard_count(len(entries)) if entries else 0
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for word, root in entries.items():
        shards[fnv1a(word) % count][word] = root
    folder = bundle / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for number, shard in enumerate(shards):
        write_json(folder / f"{number}.json", shard)
    write_json(folder / INDEX, {"version": VERSION, "shards": count})
    return len(entries)


def write_json(path: Path, value: object) -> None:
    """Compact, key-sorted JSON: two builds of one site write the same bytes."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text, "utf-8")
