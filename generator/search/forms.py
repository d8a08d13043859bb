"""Extra word forms for the search index, where Pagefind's Indonesian stemmer splits a family.

Pagefind stems Indonesian with Snowball, which has no dictionary: `memakan` stems to `pakan`,
`pemerintah` and `perintah` to different stems, `gerakan` to `gera`, `mengunjungi` to
`unjung` but `berkunjung` to `kunjung`. The copy of a page that Pagefind indexes therefore
carries, right after each word whose dictionary root (generator/search/roots.py) Snowball
would stem differently, that root between ⸨ and ⸩: `memakan ⸨makan⸩`, `anak-anak ⸨anak⸩`.
A reader who types `makan` then finds the page that only says `memakan`; the search field
maps the reader's words to the same roots (generator/search/vocabulary.py), so `pemerintah`
finds the page that only says `perintah`. The brackets are not letters, so Pagefind indexes
the bare word, and they let the search field take the added forms back out of the excerpts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial

OPEN, CLOSE = "\u2e28", "\u2e29"  # ⸨ ⸩
# A word, hyphenated reduplication included: `anak-anak`, `tindakan-tindakan` take one form.
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Markup, scripts, styles and comments are kept as they are; only text between them changes.
MARKUP = re.compile(
    r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)

WordForm = Callable[[str], str | None]


def text_words(html: str) -> Iterator[str]:
    """The words of a page's text, outside its markup."""
    for i, piece in enumerate(MARKUP.split(html)):
        if i % 2 == 0:
            yield from WORD.findall(piece)


# The languages whose stemmer needs dictionary roots, by code; the others are indexed as they are.
ROOTED = frozenset({"id"})
# Compounds the press writes both open and closed (`kerja sama` and `kerjasama`, also with
# affixes: `bekerja sama`, `bekerjasama`); a reader may type either.
COMPOUNDS: dict[str, tuple[tuple[str, str], ...]] = {
    "id": (("kerja", "sama"), ("tanda", "tangan")),
}
BRACKETED = re.compile(f"({OPEN}[^{CLOSE}]*{CLOSE})")


def add_word_forms(html: str, form: WordForm, compounds: tuple[tuple[str, str], ...] = ()) -> str:
    """The page with each word's extra forms, bracketed, after the word in its text."""
    pieces = MARKUP.split(html)
    # split() with one group alternates text (even) and markup (odd).
    return "".join(
        piece if i % 2 else add_to_text(add_compounds(piece, compounds), form)
        for i, piece in enumerate(pieces)
    )


def add_compounds(text: str, compounds: tuple[tuple[str, str], ...]) -> str:
    """Each open compound followed by its closed spelling, and each closed one by its parts."""
    # Closed spellings first: the open spelling's added form is closed, and must stay as it is.
    for first, second in compounds:
        joined = re.compile(rf"\b(\w*){first}{second}(\w*)", re.IGNORECASE)
        text = joined.sub(partial(_opened, first=first, second=second), text)
        spaced = re.compile(rf"\b(\w*){first}\s+{second}(\w*)", re.IGNORECASE)
        text = spaced.sub(partial(_closed, word=first + second), text)
    return text


def _closed(match: re.Match[str], word: str) -> str:
    closed = f"{match.group(1)}{word}{match.group(2)}".lower()
    return f"{match.group()} {OPEN}{closed}{CLOSE}"


def _opened(match: re.Match[str], first: str, second: str) -> str:
    # One bracket per word: the search field drops a bracketed form together with its word.
    head, tail = f"{match.group(1)}{first}".lower(), f"{second}{match.group(2)}".lower()
    return f"{match.group()} {OPEN}{head}{CLOSE} {OPEN}{tail}{CLOSE}"


def add_to_text(text: str, form: WordForm) -> str:
    """Plain text with each word's extra form after it; bracketed forms are left alone."""

    def one(match: re.Match[str]) -> str:
        extra = form(match.group())
        return f"{match.group()} {OPEN}{extra}{CLOSE}" if extra else match.group()

    pieces = BRACKETED.split(text)
    return "".join(piece if i % 2 else WORD.sub(one, piece) for i, piece in enumerate(pieces))
