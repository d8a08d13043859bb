"""Make Pagefind's bundle reproducible: its filter and metadata files, in a stable order.

Pagefind 1.5 writes the values of each filter, and the list of filters in its metadata file,
in hash-map order, which changes from run to run (upstream issue #638: fragments became
stable in 1.3, the filter and metadata indexes did not). Two builds of one site must be
byte-identical, so this rewrites those files sorted and names them after their content, as
Pagefind does. The files are gzip'd CBOR after a signature; the small codec below covers the
types Pagefind writes there (integers, text, arrays).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# Positions in the metadata file: [version, pages, chunks, filters, sorts, meta fields].
FILTERS, SORTS = 3, 4


def canonicalize_bundle(bundle: Path) -> None:
    """Sort every language's filters and rename the rewritten files after their content."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text("utf-8"))
    for lang, info in entry["languages"].items():
        info["hash"] = canonicalize_meta(bundle, lang, info["hash"])
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def canonicalize_meta(bundle: Path, lang: str, old_hash: str) -> str:
    """Rewrite one language's metadata file with sorted filters; returns its new hash."""
    old = bundle / f"pagefind.{old_hash}.pf_meta"
    meta = read_file(old)
    filters = [[name, canonicalize_filter(bundle, lang, key)] for name, key in meta[FILTERS]]
    meta[FILTERS] = sorted(filters)
    meta[SORTS] = sorted(meta[SORTS], key=lambda sort: str(sort[0]))
    old.unlink()
    new_hash = write_file(bundle, meta, lambda digest: f"pagefind.{lang}_{digest[:10]}.pf_meta")
    return new_hash.removeprefix("pagefind.").removesuffix(".pf_meta")


def canonicalize_filter(bundle: Path, lang: str, key: str) -> str:
    """Rewrite one filter file with its values sorted; returns its new name's hash."""
    old = bundle / "filter" / f"{key}.pf_filter"
    name, values = read_file(old)
    old.unlink()
    data = [name, sorted(values, key=lambda value: str(value[0]))]
    written = write_file(bundle / "filter", data, lambda digest: f"{lang}_{digest[:7]}.pf_filter")
    return written.removesuffix(".pf_filter")


def read_file(path: Path) -> Any:
    """A Pagefind data file's content."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind data file")
    value, end = decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise ValueError(f"{path} has trailing bytes")
    return value


def write_file(folder: Path, value: Any, name_of: Callable[[str], str]) -> str:
    """Write a value as a Pagefind data file named after its content; returns the name."""
    raw = SIGNATURE + encode(value)
    name = name_of(hashlib.sha256(raw).hexdigest())
    (folder / name).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def encode(value: Any) -> bytes:
    """CBOR of an integer, text, bytes or array, with the shortest lengths."""
    if isinstance(value, bool) or value is None:
        return bytes([{False: 0xF4, True: 0xF5, None: 0xF6}[value]])
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return head(3, len(data)) + data
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(encode(item) for item in value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def head(major: int, number: int) -> bytes:
    """A CBOR item head: major type and argument."""
    if number < 24:
        return bytes([major << 5 | number])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | extra]) + number.to_bytes(size, "big")
    raise ValueError("number too large for CBOR")


def decode(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR item at an offset, and the offset after it."""
    major, extra = data[at] >> 5, data[at] & 31
    at += 1
    if major == 7:
        return {20: False, 21: True, 22: None}[extra], at
    if extra < 24:
        number = extra
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[extra]
        number, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major in (0, 1):
        return (number if major == 0 else -1 - number), at
    if major in (2, 3):
        chunk = data[at : at + number]
        return (chunk.decode("utf-8") if major == 3 else chunk), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unsupported CBOR major type {major}")
