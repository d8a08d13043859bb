"""Dictionary roots of Indonesian words: one idea of a root for the index and the query.

Pagefind stems Indonesian with Snowball, which has no dictionary: it reads `memakan` as a
p-root (`pakan`), cuts `perintah` to `intah` and `gerakan` to `gera`. Sastrawi (the PyPI
package `pysastrawi`) strips affixes against a dictionary of 29,000 roots, so `memakan` →
`makan`, `pemerintah` → `perintah`, `berambut` → `rambut`, `tindakan-tindakan` → `tindak`.

Where a word reads two ways and both roots are in the dictionary (`berupa`: `upa` or `rupa`;
`mengunjungi`: `unjung` or `kunjung`; `gerakan`: `gera` + -kan or `gerak` + -an), Sastrawi
takes the first rule that matches. Here the site's own vocabulary settles it: a reading whose
root the site uses, as a word or as the root of another word, wins over one it never uses.

The index stage adds each word's root after it (generator/search/forms.py), and writes the
map from the site's words to their roots that the search field reads (vocabulary.py), both
from `SiteRoots`, so the two sides agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

import snowballstemmer  # type: ignore[import-untyped]
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

# A root this short matches too much (`ada`, `apa`): no form is added and no query rewritten.
MIN_ROOT = 3
LETTERS = re.compile(r"[a-z]+(?:-[a-z]+)*")
# The prefixes stripped, longest first where they share a start; meN- and peN- by allomorph.
PREFIXES = (
    "menge", "meng", "meny", "mem", "men", "me",
    "penge", "peng", "peny", "pem", "pen", "pe",
    "ber", "be", "bel", "per", "pel", "ter", "te", "di", "ke", "se",
)  # fmt: skip
# Which letters each allomorph of meN-/peN- stands before, and, before a vowel, the consonant
# it swallowed: mem- before b, f, v or a swallowed p (`memakai`: pakai, never `akai`); men-
# before c, d, j, z or a swallowed t; meng- before g, h, k, a vowel or a swallowed k;
# meny- before a swallowed s; me- before l, m, n, r, w, y; menge- before a one-syllable root.
NASAL: dict[str, tuple[str, tuple[str, ...]]] = {
    "mem": ("bfvp", ("p",)),
    "men": ("cdjzt", ("t",)),
    "meng": ("ghk", ("", "k")),
    "meny": ("", ("s",)),
    "me": ("lmnrwy", ()),
    "menge": ("bcdfghjklmnpqrstvwxyz", ()),
}
# Prefixes that may follow another one: mem-per-baiki, di-per-kirakan, ke-ber-hasilan.
INNER = ("per", "pe", "ber", "be", "ter", "te", "ke", "se")
VOWELS = "aiueo"
# What may stand before a root with nothing of it swallowed; before a consonant also ber-...
PLAIN = ("", "di", "ke", "se")
KEEPING = ("ber", "ter", "per", "memper", "diper", "keber", "ketidak")
# Suffixes in the order they follow a root: derivational, possessive, particle.
SUFFIXES = (("", "kan", "an", "i"), ("", "ku", "mu", "nya"), ("", "lah", "kah", "tah", "pun"))


@cache
def _stemmer() -> object:
    return StemmerFactory().create_stemmer()


@cache
def dictionary() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian roots."""
    return frozenset(word for word in StemmerFactory().get_words() if word)


@cache
def snowball() -> object:
    """The Snowball stemmer Pagefind uses for Indonesian."""
    return snowballstemmer.stemmer("indonesian")


def snowball_stem(word: str) -> str:
    """Snowball's stem of a lower-case word, as Pagefind indexes it."""
    return str(snowball().stemWord(word))  # type: ignore[attr-defined]


@cache
def sastrawi_root(word: str) -> str:
    """Sastrawi's root of a lower-case word (the word itself when it finds none)."""
    return str(_stemmer().stem(word)) or word  # type: ignore[attr-defined]


@cache
def candidate_roots(word: str) -> tuple[str, ...]:
    """Every dictionary root the word can be read as, by stripping affixes; sorted."""
    found: set[str] = set()
    for stem in _without_suffixes(word):
        found.update(root for root in _without_prefixes(stem, 2) if root in dictionary())
    found.discard(word)
    return tuple(sorted(found))


def _without_suffixes(word: str) -> set[str]:
    stems = {word}
    for group in reversed(SUFFIXES):
        stems |= {s[: -len(x)] for s in stems for x in group if x and s.endswith(x)}
    return {stem for stem in stems if len(stem) >= 2}


def _without_prefixes(stem: str, depth: int) -> set[str]:
    roots = {stem}
    if depth == 0:
        return roots
    for prefix in PREFIXES:
        if depth == 1 and prefix not in INNER:
            continue
        rest = stem[len(prefix) :]
        if stem.startswith(prefix) and len(rest) >= 2:
            for consonant in restorations(prefix, rest):
                roots |= _without_prefixes(consonant + rest, depth - 1)
    return roots


def restorations(prefix: str, rest: str) -> tuple[str, ...]:
    """What a prefix can have swallowed of the root that `rest` begins: ("",) if nothing."""
    nasal = NASAL.get("me" + prefix[2:] if prefix.startswith("pe") else prefix)
    if nasal is None:
        return ("",)
    before, swallowed = nasal
    if rest[0] in VOWELS:
        return swallowed
    return ("",) if rest[0] in before or (prefix == "pe" and before) else ()


def shows_root(word: str) -> bool:
    """Whether Sastrawi's root stands in the word as it is, with no letter swallowed."""
    root = sastrawi_root(word)
    start = word.find(root)
    if start < 0 or root == word:
        return False
    keeps = PLAIN if root[0] in VOWELS else PLAIN + KEEPING
    return word[:start] in keeps


class SiteRoots:
    """The roots of one site's Indonesian words, read with that site's vocabulary."""

    def __init__(self, words: Iterable[str]) -> None:
        written = set(words)
        self.words = frozenset(word.lower() for word in written)
        # A word the site always capitalizes is a name: `Bali` is no `bal` + -i.
        lower_case = {word for word in written if not word[:1].isupper()}
        self.names = self.words - lower_case
        # How many of the site's words show each root plainly, where no prefix can have
        # swallowed a letter of it: `berkunjung` and `kunjungan` show kunjung, `mengunjungi`
        # shows nothing (kunjung or unjung?), nor does `beragam` (ragam or agam?).
        single = (word for word in self.words if "-" not in word and LETTERS.fullmatch(word))
        self.shown = Counter(sastrawi_root(word) for word in single if shows_root(word))
        self._roots: dict[str, str] = {}
        self._forms: dict[str, str | None] = {}

    def root(self, word: str) -> str:
        """The word's root, or the word itself; lower case."""
        lower = word.lower()
        if lower not in self._roots:
            self._roots[lower] = self._find(lower)
        return self._roots[lower]

    def _find(self, lower: str) -> str:
        if not LETTERS.fullmatch(lower):
            return lower
        if "-" in lower:
            return self._reduplicated(lower)
        found = sastrawi_root(lower)
        if found != lower:
            found = self._choose(lower, found)
        if lower in self.names and lower.startswith(found):
            return lower  # only an ending stripped off a name
        return found if len(found) >= MIN_ROOT else lower

    def _choose(self, lower: str, found: str) -> str:
        """Sastrawi's reading, unless the site's words speak for another one."""
        readings = (*candidate_roots(lower), found)
        # The longest reading strips least (`gerakan` is gerak + -an, not gera + -kan); on a
        # tie, Sastrawi's (`berikan` is beri + -kan, not ber- + ikan).

        def rank(root: str) -> tuple[int, bool, str]:
            return len(root), root == found, root

        words = [root for root in readings if root in self.words]
        if found in self.words:
            # Only a reading that strips less of the end beats Sastrawi's: `mengakui` stays
            # aku + -i even where the site also says `kaku`.
            words = [root for root in words if root.startswith(found)]
        if words:
            return max(words, key=rank)
        # Otherwise the reading whose root the site's other words show most.
        shown = [root for root in readings if self.shown[root]]
        return max(shown, key=lambda root: (self.shown[root], rank(root))) if shown else found

    def _reduplicated(self, lower: str) -> str:
        # anak-anak, tindakan-tindakan, bermain-main, tolong-menolong, sayur-sayuran.
        first, _, second = lower.partition("-")
        if "-" not in second and self.root(first) in (self.root(second), self.root("me" + second)):
            return self.root(first)
        return lower

    def added_form(self, word: str) -> str | None:
        """The root to index after the word, where Pagefind's own stem misses it; or None."""
        lower = word.lower()
        if lower not in self._forms:
            root = self.root(lower)
            missed = root != lower and snowball_stem(root) != snowball_stem(lower)
            self._forms[lower] = root if missed else None
        return self._forms[lower]
