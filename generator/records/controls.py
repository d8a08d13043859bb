"""Stage 1, load: invisible characters that make text display other than it reads.

Bidirectional overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069) reorder
the letters around them on screen: a title can show a different name or address than the
one written ("Trojan Source"). Real Indonesian and English text never needs them, so each
one is reported (W601); a right-to-left language would use plain letters, which need none.
Control characters (a YAML escape such as `\\a` or `\\x1b` lets them in) have no place in
text at all and are errors (E118); tabs and line breaks are fine.
"""

from __future__ import annotations

import unicodedata

from generator.diagnostics import Report
from generator.records.load import Document, iter_texts
from generator.records.validate import dotted

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


ALLOWED_CONTROLS = frozenset("\t\n\r")


def check_controls(docs: list[Document], report: Report) -> None:
    """Report every text value that holds a control or bidirectional control character."""
    for doc in docs:
        for path, text in iter_texts(doc.data, ()):
            controls = sorted({c for c in text if is_control(c)})
            if controls:
                report.add(
                    doc.path,
                    doc.position_of(path),
                    "E118",
                    f"text holds control characters ({describe(controls)})",
                    field=dotted(path),
                    hint="delete them; write line breaks as real new lines",
                )
            bidi = sorted({c for c in text if c in BIDI_CONTROLS})
            if bidi:
                report.add(
                    doc.path,
                    doc.position_of(path),
                    "W601",
                    f"text holds invisible bidirectional control characters ({describe(bidi)})",
                    field=dotted(path),
                    hint="delete them: they make the text display differently from what it says",
                )


def is_control(char: str) -> bool:
    """A C0 or C1 control character other than tab and line breaks."""
    return unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS


def describe(chars: list[str]) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE, ...`; control characters have no Unicode name."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control')}".rstrip() for c in chars)
