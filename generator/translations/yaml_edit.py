"""Set localized texts inside a YAML file, changing no byte but the ones set.

ruamel.yaml composes the file into nodes that keep the exact start and end of every value;
the new text is spliced in at that place, written in the style the old value had (plain,
quoted, literal block) and with the file's own line endings. Comments, key order, quoting,
flow mappings and everything else are the file's own bytes, untouched. Every edited file is
parsed again and compared with what was intended before anything is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.records.load import FieldPath

BOM = "\ufeff"
_TRAILING_BREAKS = re.compile(r"\r?\n(?:[ \t]*\r?\n)*\Z")
_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|:\s|\s#|:$|\s$|^$")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


class EditError(Exception):
    """A text that cannot be placed in the file; the message says why."""


@dataclass(frozen=True)
class TextEdit:
    """Set `path` + `lang` (a localized text's language key) to `text`."""

    path: FieldPath
    lang: str
    text: str


@dataclass(frozen=True)
class _Splice:
    start: int
    end: int
    text: str
    order: int


def apply_edits(source: str, edits: list[TextEdit]) -> str:
    """The file's text with every edit made; raises EditError if one cannot be placed."""
    bom = source.startswith(BOM)
    text = source[1:] if bom else source
    try:
        root = YAML(typ="rt").compose(text)
    except RuamelError as err:
        raise EditError(f"the file is not valid YAML any more: {err}") from err
    newline = "\r\n" if "\r\n" in text else "\n"
    splices = [_plan(text, root, edit, newline, i) for i, edit in enumerate(edits)]
    for splice in sorted(splices, key=lambda s: (s.start, s.order), reverse=True):
        text = text[: splice.start] + splice.text + text[splice.end :]
    _verify(source.removeprefix(BOM), text, edits)
    return (BOM if bom else "") + text


def _plan(text: str, root: Node | None, edit: TextEdit, newline: str, order: int) -> _Splice:
    node = _find(root, edit.path)
    if not isinstance(node, MappingNode):
        raise EditError("the field is no longer a text per language")
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == edit.lang:
            return _replace(text, key, value, edit.text, newline, bool(node.flow_style), order)
    if not node.value:
        raise EditError("the text has no language in it")
    return _insert(text, node, edit, newline, order)


def _find(node: Node | None, path: FieldPath) -> Node | None:
    for part in path:
        if isinstance(part, int) and isinstance(node, SequenceNode) and part < len(node.value):
            node = node.value[part]
        elif isinstance(part, str) and isinstance(node, MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        else:
            return None
    return node


def _replace(
    text: str, key: Node, value: Node, new: str, newline: str, flow: bool, order: int
) -> _Splice:
    if not isinstance(value, ScalarNode):
        raise EditError("the translation is not a single text")
    start, end = value.start_mark.index, value.end_mark.index
    style = value.style or ""
    trailing = ""
    if style in ("|", ">"):
        found = _TRAILING_BREAKS.search(text[start:end])
        trailing = found.group(0) if found else ""
    # What follows an inline value on its line (a comment) would end up inside a block.
    rest_of_line = "" if trailing else text[end:].split("\n", 1)[0].strip()
    block_ok = not flow and not rest_of_line
    rendered = render_scalar(new, style, key.start_mark.column + 2, newline, flow, block_ok)
    if rendered.startswith("|") and not trailing and end == len(text):
        trailing = newline  # a block scalar at the very end of a file ends its line
    return _Splice(start, end, rendered + trailing if trailing else rendered, order)


def _insert(text: str, node: MappingNode, edit: TextEdit, newline: str, order: int) -> _Splice:
    last = node.value[-1][1]
    if node.flow_style:
        value = render_scalar(edit.text, "", 0, newline, True, False)
        return _Splice(last.end_mark.index, last.end_mark.index, f", {edit.lang}: {value}", order)
    column = node.value[0][0].start_mark.column
    value = render_scalar(edit.text, "", column + 2, newline, False, True)
    line = " " * column + f"{edit.lang}: {value}"
    at = last.end_mark.index
    if text[at - 1 : at] != "\n":  # the last value ends inside a line: go past its end
        cut = text.find("\n", at)
        if cut == -1:
            return _Splice(len(text), len(text), newline + line + newline, order)
        at = cut + 1
    return _Splice(at, at, line + newline, order)


def render_scalar(
    text: str, style: str, indent: int, newline: str, flow: bool, block_ok: bool
) -> str:
    """A YAML scalar holding `text`, in the old value's style where that can hold it."""
    if "\n" in text:
        if block_ok and not text[0].isspace():
            lines = text.rstrip("\n").split("\n")
            body = newline.join(" " * indent + line if line else "" for line in lines)
            return "|" + newline + body
        return _double(text)
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style != '"' and _plain_ok(text, flow):
        return text
    return _double(text)


def _double(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar with the same value.
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, flow: bool) -> bool:
    if _PLAIN_UNSAFE.search(text) or (flow and _FLOW_UNSAFE.search(text)):
        return False
    probe = f"{{k: {text}}}" if flow else f"k: {text}"
    try:
        return bool(yaml.safe_load(probe) == {"k": text})
    except yaml.YAMLError:
        return False


def _verify(before: str, after: str, edits: list[TextEdit]) -> None:
    """Parse both texts; they must differ exactly by the edits."""
    try:
        old, new = _plain_data(before), _plain_data(after)
    except yaml.YAMLError as err:
        raise EditError(f"the edit would break the YAML: {err}") from err
    for edit in edits:
        _set(old, (*edit.path, edit.lang), edit.text)
    if _normal(old) != _normal(new):
        raise EditError("the edit would change more than the translation")


def _plain_data(text: str) -> Any:
    """The file's data with no shared parts: an alias becomes a copy of its anchor's value,
    so an edit through one of them shows up as a change of the other."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def _set(data: Any, path: FieldPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _normal(data: Any) -> Any:
    """Compare texts as the records see them: with outer white space trimmed."""
    if isinstance(data, dict):
        return {k: _normal(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normal(v) for v in data]
    return data.strip() if isinstance(data, str) else data
