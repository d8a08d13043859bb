"""Stage 1, load: invisible characters that make text display other than it reads.

Bidirectional overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069) reorder
the letters around them on screen: a title can show a different name or address than the
one written ("Trojan Source"). Real Indonesian and English text never needs them, so each
one is reported (W601); a right-to-left language would use plain letters, which need none.
Control characters (a YAML escape such as `\\a` or `\\x1b` lets them in) have no place in
text at all and are errors (E118); tabs and line breaks are fine.
"""

from __future__ import annotations

import re
import unicodedata

from generator.diagnostics import Report
from generator.records.load import Document, iter_texts
from generator.records.validate import dotted

# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


# Each kind of character: what finds it, its code, what the message says it is, the fix.
RULES = (
    (CONTROLS, "E118", "control characters", "delete them; write line breaks as real new lines"),
    (
        BIDI_CONTROLS,
        "W601",
        "invisible bidirectional control characters",
        "delete them: they make the text display differently from what it says",
    ),
)


# Any of them: almost no text has one, and one search rules it out.
ANY_RULE = re.compile("|".join(pattern.pattern for pattern, *_ in RULES))


def check_controls(docs: list[Document], report: Report) -> None:
    """Report every text value that holds a control or bidirectional control character."""
    for doc in docs:
        for path, text in iter_texts(doc.data, ()):
            if ANY_RULE.search(text) is None:
                continue
            for pattern, code, what, hint in RULES:
                if found := sorted(set(pattern.findall(text))):
                    report.add(
                        doc.path,
                        doc.position_of(path),
                        code,
                        f"text holds {what} ({describe(found)})",
                        field=dotted(path),
                        hint=hint,
                    )


def describe(chars: list[str]) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE, ...`; control characters have no Unicode name."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control')}".rstrip() for c in chars)
