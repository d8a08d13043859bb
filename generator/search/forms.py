"""Extra word forms for the search index, where Pagefind's Indonesian stemmer splits a family.

Pagefind stems Indonesian with Snowball, which strips the prefixes meN- and peN- but cannot
tell which consonant the prefix swallowed before a vowel. So `mengunjungi` and `pengunjung`
stem to `unjung` while `kunjungan` and `berkunjung` stem to `kunjung`; `menulis` to `ulis` but
`tulis`; `penandatanganan` to `andatangan` but `ditandatangani` to `tandatangan`. (`memakai`
and `menyepakati` are fine: Snowball puts their p and s back itself.)

The copy of a page that Pagefind indexes therefore carries, right after each such word, the
word with a k or t put back, between ⸨ and ⸩: `mengunjungi ⸨kunjungi⸩`. A reader who types
`kunjungan` then finds the page that only says `mengunjungi`. The other way round, a word
whose root starts with k or t and a vowel (`berkunjung`, `ditandatangani`) carries its meN-
form with the consonant swallowed (`berkunjung ⸨mengunjung⸩`), so a reader who types
`mengunjungi` finds the page that only says `berkunjung`. Where the prefix swallowed nothing
(`mengambil`), the added form (`kambil`) is a non-word nobody searches for. The brackets are
not letters, so Pagefind indexes the bare word, and they let the search field take the added
forms back out of the excerpts it shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

OPEN, CLOSE = "\u2e28", "\u2e29"  # ⸨ ⸩
VOWELS = "aiueo"
# meN-/peN- before a vowel: `meng`/`peng` swallowed a k (or nothing), `men`/`pen` a t.
ELIDED = (("meng", "k"), ("peng", "k"), ("men", "t"), ("pen", "t"))
# The meN- prefix that swallows a root's first consonant, and the prefixes that keep it.
SWALLOWING = {"k": "meng", "t": "men"}
# Prefixes first: `terkenal` is ter- + kenal; a bare root (`terima`) is the last resort.
KEEPING = ("di", "ber", "ter", "ke", "se", "")
SWALLOWED_START = {consonant + vowel for consonant in SWALLOWING for vowel in VOWELS}
WORD = re.compile(r"[^\W\d_]+")
# Markup, scripts, styles and comments are kept as they are; only text between them changes.
MARKUP = re.compile(
    r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)

WordForm = Callable[[str], str | None]


def indonesian_form(word: str) -> str | None:
    """The other side of a swallowed consonant, or None.

    `mengunjungi` → `kunjungi`, `penandatanganan` → `tandatanganan`, `menulis` → `tulis`;
    and back: `berkunjung` → `mengunjung`, `ditandatangani` → `menandatangani`.
    """
    lower = word.lower()
    for prefix, consonant in ELIDED:
        rest = lower[len(prefix) :]
        if lower.startswith(prefix) and len(rest) >= 3 and rest[0] in VOWELS:
            return consonant + rest
    return swallowed_form(lower)


def swallowed_form(lower: str) -> str | None:
    """The meN- form of a word whose root starts with k or t and a vowel, or None."""
    for prefix in KEEPING:
        root = lower[len(prefix) :]
        if lower.startswith(prefix) and len(root) >= 4 and root[:2] in SWALLOWED_START:
            return SWALLOWING[root[0]] + root[1:]
    return None


# The languages whose stemmer needs help, by code; the others are indexed as they are.
WORD_FORMS: dict[str, WordForm] = {"id": indonesian_form}
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
