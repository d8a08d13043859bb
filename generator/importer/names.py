"""Organisations, people and sectors an article names: known ones by id, others for review."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.records.link import RecordGraph
from generator.records.models import Organization, Person

_LEGAL = re.compile(r"^(pt|cv|pt\.)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A record the article names, and the words it was found by."""

    kind: str
    key: str
    words: str
    position: int


def normalize(text: str) -> str:
    """Lowercase words without accents or punctuation, single-spaced, padded with spaces."""
    text = unicodedata.normalize("NFKD", text).replace("&", " and ")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def _org_names(org: Organization) -> set[str]:
    names = {*org.name.values(), *org.aliases}
    names |= {n for n in (org.short_name, org.native_name) if n}
    names |= {_LEGAL.sub("", n) for n in names if len(_LEGAL.sub("", n)) >= 4}
    return names


def _person_names(person: Person) -> set[str]:
    return {person.name, *(n for n in [person.native_name] if n), *person.aliases}


def find_mentions(text: str, graph: RecordGraph) -> list[Mention]:
    """Known organisations and people named in the text, in order of first mention."""
    haystack = normalize(text)
    hits: list[tuple[int, int, str, str, str]] = []
    for kind in ("organization", "person"):
        for key, entry in graph.entries.get(kind, {}).items():
            record = entry.record
            names = _org_names(record) if isinstance(record, Organization) else set()
            if isinstance(record, Person):
                names = _person_names(record)
            hits += [(at, end, kind, key, name) for at, end, name in _hits(haystack, names)]
    # A name inside another record's longer name (`Chungbuk` in `Chungbuk Technopark`) is
    # that other record's mention, not a mention of its own.
    hits = [h for h in hits if not any(_inside(h, other) for other in hits)]
    found: dict[tuple[str, str], Mention] = {}
    for at, _end, kind, key, name in sorted(hits):
        found.setdefault((kind, key), Mention(kind, key, name, at))
    return sorted(found.values(), key=lambda m: m.position)


def _hits(haystack: str, names: set[str]) -> list[tuple[int, int, str]]:
    """Every place a name occurs, as whole words."""
    out: list[tuple[int, int, str]] = []
    for name in sorted(names):
        needle = normalize(name)
        if len(needle.strip()) < 3:
            continue
        at = haystack.find(needle)
        while at >= 0:
            out.append((at, at + len(needle), name))
            at = haystack.find(needle, at + 1)
    return out


def _inside(hit: tuple[int, int, str, str, str], other: tuple[int, int, str, str, str]) -> bool:
    return (
        other[3] != hit[3]
        and other[0] <= hit[0]
        and hit[1] <= other[1]
        and other[1] - other[0] > hit[1] - hit[0]
    )


def find_sectors(text: str, graph: RecordGraph) -> list[str]:
    """Sector ids whose label (in any language), or a part of it, the text names."""
    haystack = normalize(text)
    sectors: list[tuple[int, str]] = []
    if True:
        for key, term in graph.sectors.items():
            phrases = {key.replace("-", " ")}
            for label in term.label.values():
                phrases |= {p for p in re.split(r",| dan | and | & |/", label) if p.strip()}
            hits = [haystack.find(normalize(p)) for p in phrases if len(p.strip()) >= 4]
            hits = [h for h in hits if h >= 0]
            if hits:
                sectors.append((min(hits), key))
    return [key for _, key in sorted(sectors)]


_ORG_HEAD = (
    r"PT\.?|CV|Kadin|Pemerintah|Pemprov|Pemkab|Pemkot|Kementerian|Kemenko|Dinas|Badan|Universitas|"
    r"Institut|Politeknik|Bank|Kamar Dagang|Asosiasi|Himpunan|Persatuan|Perusahaan|Ministry|"
    r"Department|University|Chamber|Association|Council|Embassy|Kedutaan|Konsulat|Yayasan"
)
_ORG_TAIL = (
    r"Ltd\.?|Co\.?|Corp\.?|Corporation|Inc\.?|Group|Council|University|Department|Ministry|"
    r"Association|Technopark|Agency|Institute|Foundation|Bank|Company|Tbk\.?|Holdings?"
)
_NAME = r"[A-Z][\w&'-]*"
_GIVEN = r"[A-Z][a-z][\w'-]*"  # a word of a person's name: not an acronym
_ORG = re.compile(
    rf"\b(?:(?:{_ORG_HEAD})(?:[ \t]+(?:of[ \t]+|&[ \t]+)?{_NAME}){{1,6}}|"
    rf"(?:{_NAME}[ \t]+){{1,5}}(?:{_ORG_TAIL}))\b"
)
_TITLES = (
    r"Gubernur|Wakil Gubernur|Bupati|Wakil Bupati|Wali ?kota|Wakil Wali ?kota|Menteri|"
    r"Wakil Menteri|Direktur Utama|Direktur|Dirut|Ketua Umum|Ketua Harian|Ketua|Wakil Ketua|"
    r"Sekretaris Daerah|Sekda|Sekretaris Jenderal|Sekjen|Wakil Sekjen|Kepala|Presiden|"
    r"Duta Besar|Dubes|Konsul Jenderal|Rektor|CEO|Chairman|Governor|Vice Governor|Mayor|"
    r"Minister|President|Director|Deputy Director|Ambassador|Manajer|Manager"
)
_TITLE_PREFIX = re.compile(rf"^(?:(?:{_TITLES})[ \t]+)+")
# "kata Direktur Utama PT KITB Ngurah Wirawan": a title, then capitalised words; the
# person's name is the run of name-like words that ends the phrase (after its last comma).
_PERSON = re.compile(rf"\b(?:{_TITLES})\b(?P<phrase>(?:,?[ \t]+{_NAME})+)")
_GIVEN_RE = re.compile(_GIVEN + "$")
_ORG_HEAD_RE = re.compile(rf"\b(?:{_ORG_HEAD})(?=\s)")


def _person_in(phrase: str) -> str:
    """The trailing two to four name-like words of a title phrase, or ''."""
    words = phrase.split(",")[-1].split()
    name: list[str] = []
    # After an organisation (`Direktur Utama PT Maju Sentosa Hendra Gunawan`) the name's
    # length cannot be told from the words; two is the common case and is checked anyway.
    longest = 2 if _ORG_HEAD_RE.search(phrase.split(",")[-1]) else 4
    while words and _GIVEN_RE.match(words[-1]) and len(name) < longest:
        name.insert(0, words.pop())
    return " ".join(name) if len(name) >= 2 else ""


def unknown_names(text: str, mentions: list[Mention], graph: RecordGraph) -> dict[str, list[str]]:
    """Names that look like organisations or people and match no record in `content/`."""
    known = [n for n in _known_words(graph) if n]
    out: dict[str, list[str]] = {"organization": [], "person": []}
    for kind, pattern in (("person", _PERSON), ("organization", _ORG)):
        for match in pattern.finditer(text):
            name = (_person_in(match["phrase"]) if kind == "person" else match[0]).strip(" .")
            if kind == "person":
                name = _drop_place_words(name, known)
                if {w.lower() for w in name.split()} & _PLACE_WORDS:
                    continue
            else:
                name = _TITLE_PREFIX.sub("", name)
                for person in out["person"]:  # `PT Maju Sentosa Hendra Gunawan`
                    name = name.removesuffix(f" {person}")
            norm = normalize(name).strip()
            if not norm or any(norm in k or f" {k} " in f" {norm} " for k in known):
                continue
            if any(norm in normalize(other) for other in out[kind]):
                continue
            out[kind].append(name)
    return {"organization": out["organization"], "person": out["person"]}


def _known_words(graph: RecordGraph) -> set[str]:
    """Names of the organisations, people and regions already in content/."""
    words: set[str] = set()
    for entry in graph.entries.get("organization", {}).values():
        record = entry.record
        assert isinstance(record, Organization)
        for name in _org_names(record) | set((record.region or {}).values()):
            words.add(normalize(name).strip())
    for entry in graph.entries.get("person", {}).values():
        assert isinstance(entry.record, Person)
        words |= {normalize(name).strip() for name in _person_names(entry.record)}
    return words


_PLACE_WORDS = set(
    [
        "jawa",
        "tengah",
        "barat",
        "timur",
        "utara",
        "selatan",
        "provinsi",
        "kota",
        "kabupaten",
        "daerah",
    ]
)


def _drop_place_words(name: str, known: list[str]) -> str:
    """A captured name without the place words before it (`Tengah Taj Yasin` → `Taj Yasin`)."""
    words = name.split()
    known_words = {w for k in known for w in k.split()}
    while len(words) > 2 and words[0].lower() in _PLACE_WORDS | known_words:
        words.pop(0)
    return " ".join(words)
