"""Stage 1, load: read YAML files safely, keeping every node's line and column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.buildcache import digest_text
from generator.diagnostics import Position, Report
from generator.memo import DiskMemo
from generator.records.kinds import BY_FOLDER
from generator.records.scan import scan_content

MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 32
# libyaml's composer recurses in C: it handled 5,000 levels here and crashed at 100,000.
SAFE_COMPOSE_OPENINGS = 2_000
MAX_LIST_ITEMS = 1_000
MAX_LINE_CHARS = 100_000
STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FieldPath = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file as plain data, with the position of every key and value."""

    path: Path
    kind: str
    data: dict[str, Any]
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        """The file name without its extension, which is the record's id."""
        return self.path.stem

    def position_of(self, path: FieldPath, *, key: bool = False) -> Position:
        """The closest known position of a field, walking up to its parents."""
        table = self.key_positions if key else self.positions
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or self.positions.get(path[:cut])
            if found:
                return found
        return Position()


class LoadError(Exception):
    """A file that cannot become a document; carries the diagnostic's parts."""

    def __init__(self, code: str, message: str, position: Position, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.position, self.hint = code, message, position, hint


Parsed = tuple[dict[str, Any], dict[FieldPath, Position], dict[FieldPath, Position]]


class ParseMemo:
    """Earlier parses of record files, by a digest of their text (`generator.memo`).

    A parse is a function of the text alone, and nothing downstream changes one. A file that
    fails to parse is not remembered, so its diagnostic is reported again every time.
    """

    def __init__(self, memo: DiskMemo[Parsed] | None = None) -> None:
        self._memo: DiskMemo[Parsed] = memo if memo is not None else DiskMemo()

    def parse(self, text: str) -> Parsed:
        """The text's parse: the remembered one if the same text was parsed before."""
        return self._memo.get(digest_text(text), lambda: load_mapping(text))

    def save(self) -> None:
        """Keep the parses of this load only, and store them if the memo has a file."""
        self._memo.save()


def load_documents(
    content_dir: Path,
    report: Report,
    memo: ParseMemo | None = None,
    paths: list[Path] | None = None,
) -> list[Document]:
    """Load every record file under `content_dir` (or the `paths` its scan found), reporting
    the ones that fail."""
    docs = []
    for path in scan_content(content_dir, report) if paths is None else paths:
        doc = load_document(path, folder_kind(content_dir, path), report, memo)
        if doc is not None:
            docs.append(doc)
    if memo is not None:
        memo.save()
    return docs


def folder_kind(content_dir: Path, path: Path) -> str:
    """The record kind, from the first folder below `content/` (empty if unknown)."""
    parts = path.relative_to(content_dir).parts
    kind = BY_FOLDER.get(parts[0]) if len(parts) > 1 else None
    return kind.name if kind else ""


def load_document(
    path: Path, kind: str, report: Report, memo: ParseMemo | None = None
) -> Document | None:
    """Load one file, or report why it cannot be loaded and return None."""
    try:
        text = read_text(path)
        data, positions, keys = memo.parse(text) if memo else load_mapping(text)
    except LoadError as err:
        report.add(path, err.position, err.code, err.message, hint=err.hint)
        return None
    return Document(path, kind, data, positions, keys)


def read_text(path: Path) -> str:
    """The file's text, refusing oversized and non-UTF-8 files."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                "E105",
                f"file is {size} bytes, over the limit of {MAX_FILE_BYTES}",
                Position(),
                "split the record or move long text out of it",
            )
        raw = path.read_bytes()
    except OSError as err:
        raise LoadError("E109", f"cannot read file: {err.strerror}", Position()) from err
    return decode_utf8(raw)


def decode_utf8(raw: bytes) -> str:
    """Decode UTF-8 (a BOM is allowed), pointing at the first bad byte otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        raise LoadError(
            "E106",
            f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x})",
            Position(line, column),
            "save the file as UTF-8",
        ) from err


def load_mapping(text: str) -> Parsed:
    """Parse YAML text into a mapping plus value and key positions."""
    if "\x00" in text:
        raise LoadError("E106", "file contains a NUL character", Position(), "save as UTF-8 text")
    check_line_lengths(text)
    node = compose(text)
    if node is None:
        raise LoadError("E108", "file is empty", Position(), "run `warta new KIND` for a skeleton")
    if not isinstance(node, yaml.MappingNode):
        raise LoadError(
            "E107",
            f"the top level must be a mapping of fields, not a {describe_node(node)}",
            mark_of(node),
            "write `field: value` lines at the top level",
        )
    converter = Converter()
    data = converter.convert(node, ())
    return data, converter.positions, converter.key_positions


def check_line_lengths(text: str) -> None:
    """Refuse a line so long that no editor wrote it by hand (and the YAML parser crawls)."""
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise LoadError(
                "E117",
                f"line is {len(line)} characters long, over the limit of {MAX_LINE_CHARS}",
                Position(number, MAX_LINE_CHARS + 1),
                "break long text into paragraphs in a `|` block",
            )


def compose(text: str) -> yaml.Node | None:
    """Build the YAML node tree, turning parser errors into load errors."""
    try:
        if sum(map(text.count, "[{-:?")) > SAFE_COMPOSE_OPENINGS:
            check_depth(text)
        return yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if "nesting depth" in (err.problem or ""):
            # libyaml's own limit (PyYAML 6.0.4+: 1,000 levels); report where ours is passed.
            check_depth(text)
            raise too_deep(mark) from err
        position = Position(mark.line + 1, mark.column + 1) if mark else Position()
        problem = err.problem or "invalid YAML"
        if (
            mark
            and text.splitlines()[mark.line : mark.line + 1]
            and "\t" in _indent(text, mark.line)
        ):
            problem = "a tab character is used for indentation"
        raise LoadError(
            "E101", f"YAML syntax error: {problem}", position, syntax_hint(problem)
        ) from err
    except yaml.YAMLError as err:
        raise LoadError("E101", f"YAML syntax error: {err}", Position()) from err


def check_depth(text: str) -> None:
    """Refuse deep nesting from the parser's events, before the composer's C stack can fail.

    Every level of nesting needs one of `[{-:?`, so a text with few of them is composed
    directly and its depth checked while converting.
    """
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise too_deep(event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def too_deep(mark: Any) -> LoadError:
    """The E111 error for a value nested past `MAX_DEPTH` levels."""
    return LoadError(
        "E111",
        f"values are nested more than {MAX_DEPTH} levels deep",
        Position(mark.line + 1, mark.column + 1) if mark else Position(),
        "a record needs only a few levels; check the brackets and the indentation",
    )


def _indent(text: str, line: int) -> str:
    """The leading white space of a 0-based line (empty past the end)."""
    rows = text.splitlines()
    row = rows[line] if line < len(rows) else ""
    return row[: len(row) - len(row.lstrip())]


def syntax_hint(problem: str) -> str:
    """A likely fix for the most common YAML slips."""
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values" in problem:
        return "quote text that contains ': '"
    if "alias" in problem or "anchor" in problem:
        return "define the anchor (&name) before using it (*name)"
    return "check indentation and quoting near this line"


def mark_of(node: yaml.Node) -> Position:
    """The 1-based start position of a node."""
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def check_list_length(node: yaml.SequenceNode) -> None:
    """A list longer than any record needs is refused before its items are looked at."""
    if len(node.value) > MAX_LIST_ITEMS:
        raise LoadError(
            "E116",
            f"list has {len(node.value)} items, over the limit of {MAX_LIST_ITEMS}",
            mark_of(node),
            "split the record; no field needs this many entries",
        )


def describe_node(node: yaml.Node) -> str:
    """A word for what kind of YAML value a node holds."""
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return "single value"


class Converter:
    """Turns a node tree into plain data, enforcing our safety rules on the way."""

    def __init__(self) -> None:
        self.positions: dict[FieldPath, Position] = {}
        self.key_positions: dict[FieldPath, Position] = {}
        self.nodes = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, path: FieldPath) -> Any:
        """Convert one node (recursively) and remember where it stood."""
        self.count(node)
        if len(path) >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            raise too_deep(node.start_mark)
        if node.tag not in STANDARD_TAGS:
            raise LoadError(
                "E104",
                f"custom tag '{node.tag}' is not allowed",
                mark_of(node),
                "remove the tag; write plain values",
            )
        self.positions[path] = mark_of(node)
        if isinstance(node, yaml.MappingNode):
            return self.convert_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            check_list_length(node)
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.convert_scalar(node)

    def count(self, node: yaml.Node) -> None:
        """Stop alias bombs: the expanded tree may hold only so many nodes."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise LoadError(
                "E103",
                f"document expands to more than {MAX_NODES} values (aliases?)",
                mark_of(node),
                "write the values out instead of repeating anchors",
            )

    def convert_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        """Convert a mapping, refusing merge keys, non-text keys and duplicates."""
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.convert_key(key_node)
            if key in result:
                first = self.key_positions[(*path, key)]
                raise LoadError(
                    "E102",
                    f"duplicate key '{key}' (first at line {first.line})",
                    mark_of(key_node),
                    "remove one of the two entries",
                )
            self.key_positions[(*path, key)] = mark_of(key_node)
            result[key] = self.convert(value_node, (*path, key))
        return result

    def convert_key(self, node: yaml.Node) -> str:
        """A mapping key must be plain text."""
        if node.tag == "tag:yaml.org,2002:merge":
            raise LoadError(
                "E104", "merge keys (<<) are not allowed", mark_of(node), "write fields out in full"
            )
        if not isinstance(node, yaml.ScalarNode) or node.tag not in STANDARD_TAGS:
            raise LoadError(
                "E110", "a key must be plain text", mark_of(node), "write `name: value`"
            )
        value = self.convert_scalar(node)
        return value if isinstance(value, str) else str(node.value)

    def convert_scalar(self, node: yaml.ScalarNode) -> Any:
        """A scalar as Python; an impossible date stays text so validation can place it."""
        try:
            value = self.scalars.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            return node.value
        if isinstance(value, dt.datetime):
            return node.value
        if isinstance(value, float) and value != value:  # NaN never means anything here
            return node.value
        return value


def iter_texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Every string in a loaded document (keys included), with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), key
            yield from iter_texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_texts(item, (*path, index))
