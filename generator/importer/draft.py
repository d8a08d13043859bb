"""One draft record from an article: kind, date, names, sectors, and what to double-check."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.importer.dates import DateFinding, find_event_date
from generator.importer.extract import Article, first_sentence
from generator.importer.names import (
    Mention,
    find_mentions,
    find_sectors,
    normalize,
    unknown_names,
)
from generator.records.link import RecordGraph
from generator.records.models import Organization

AGREEMENT_WORDS = re.compile(
    r"\b(mou|m\.o\.u|nota\s+kese(pa|pema)haman|memorandum\s+of\s+understanding|loi|"
    r"letter\s+of\s+intent|surat\s+pernyataan\s+kehendak|perjanjian(\s+kerja\s*sama)?|"
    r"agreement|penandatanganan|menandatangani|ditandatangani|signed|signing|pks)\b",
    re.IGNORECASE,
)
EVENT_TYPES = (
    ("signing", r"penandatanganan|menandatangani|ditandatangani|signing|signed"),
    ("exhibition", r"pameran|expo|exhibition|trade\s+fair|bazar"),
    ("conference", r"konferensi|conference|forum|summit|kongres"),
    ("seminar", r"seminar|webinar|lokakarya|workshop|pelatihan|training|sosialisasi"),
    ("delegation-visit", r"delegasi|kunjungan|berkunjung|mengunjungi|delegation|visit"),
    ("ceremony", r"upacara|peresmian|meresmikan|ceremony|inaugurat\w*|perayaan|peringatan"),
    ("meeting", r"pertemuan|rapat|audiensi|bertemu|meeting|met\s+with|talks"),
)
_ID_WORDS = set(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "ini",
        "itu",
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "an",
        "for",
        "on",
    ]
)
_EN = set(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "was",
        "with",
        "for",
        "on",
        "that",
        "by",
        "at",
        "from",
        "said",
    ]
)
_ID = set(
    [
        "yang",
        "dan",
        "di",
        "dengan",
        "untuk",
        "pada",
        "ini",
        "dari",
        "dalam",
        "itu",
        "tersebut",
        "akan",
        "kata",
        "adalah",
    ]
)


@dataclass
class Draft:
    """The record to write, its id and kind, and the notes for the editor."""

    kind: str
    key: str
    year: int
    data: dict[str, Any]
    language: str
    unsure: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)
    guessed_kind: str = ""


def article_language(text: str) -> str:
    """`id` or `en`, by counting the commonest short words of each."""
    words = re.findall(r"[a-z]+", text.lower())
    indonesian = sum(1 for w in words if w in _ID)
    english = sum(1 for w in words if w in _EN)
    return "en" if english > indonesian else "id"


def guess_kind(article: Article) -> tuple[str, str]:
    """`agreement` when the title or lead reports an agreement, else `event`.

    An agreement mentioned further down (a plan to sign one later) does not make a
    meeting's report an agreement.
    """
    found = AGREEMENT_WORDS.search("\n".join([article.title, *article.paragraphs[:1]]))
    if found:
        return "agreement", f"it mentions '{found.group(0)}'"
    return "event", "it names no agreement (MoU, LoI, signing)"


def agreement_type(text: str) -> str:
    """The agreement's legal form from the words the article uses."""
    lowered = text.lower()
    if re.search(r"\b(loi|letter of intent)\b", lowered):
        return "loi"
    if re.search(r"\b(mou|nota kese(pa|pema)haman|memorandum of understanding)\b", lowered):
        return "mou"
    if re.search(r"\b(kontrak|contract|perjanjian jual beli)\b", lowered):
        return "contract"
    return "other"


def event_type(text: str) -> str:
    """The event's type from the first kind of word the article uses for it."""
    hits = [(m.start(), name) for name, words in EVENT_TYPES if (m := re.search(words, text, re.I))]
    return min(hits)[1] if hits else "other"


def slug(text: str, words: int = 7) -> str:
    """An id from a title: ASCII, lowercase, hyphens, the first few meaningful words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in _ID_WORDS]
    return "-".join(parts[:words]) or "imported"


def build_draft(
    article: Article,
    graph: RecordGraph,
    *,
    kind: str | None = None,
    today: dt.date | None = None,
    date: dt.date | None = None,
) -> Draft:
    """The draft record for an article, with every guess the editor should check listed."""
    text = article.text
    lang = article_language(text)
    # The page's own date goes first, marked as such, for the year of `Jumat (7/7)`.
    header = f"Diterbitkan {article.page_date}\n" if article.page_date else ""
    found = find_event_date(header + text, today)
    if date is not None:  # the editor's --date
        found = DateFinding(date, date.isoformat())
    unsure = list(found.unsure)
    day = found.date or (today or dt.date.today())
    guessed, reason = guess_kind(article)
    chosen = kind or guessed
    mentions = find_mentions(text, graph)
    # Not the headline: its Title Case would make every word look like a name.
    missing = unknown_names("\n".join(article.paragraphs), mentions, graph)
    orgs = [m.key for m in mentions if m.kind == "organization"]
    people = [m.key for m in mentions if m.kind == "person"]
    common = _common(article, lang, graph, text)
    if chosen == "event":
        data = _event(article, graph, lang, day, orgs, people, text, mentions)
        key = f"{day.isoformat()}-{slug(article.title)}"
    else:
        lead = {
            m.key for m in find_mentions("\n".join([article.title, *article.paragraphs[:1]]), graph)
        }
        parties = [key for key in orgs if key in lead]
        data = _agreement(article, lang, day, parties if len(parties) >= 2 else orgs, text)
        key = slug(article.title)
    data.update(common)
    draft = Draft(chosen, key, day.year, data, lang, unsure, missing)
    draft.guessed_kind = "" if kind else f"guessed the kind '{chosen}': {reason}"
    if chosen == "event" and orgs:
        unsure.append("the organisations' roles are guesses (host, delegation, signatory, partner)")
    if found.date is None:
        unsure.append(f"no date found: {day.isoformat()} (today) is a placeholder")
    return draft


def _texts(article: Article, lang: str) -> dict[str, Any]:
    summary = first_sentence(article.paragraphs[0])[0] if article.paragraphs else article.title
    body = "\n\n".join(article.paragraphs) + "\n"
    return {
        "title": {lang: _short_title(article.title)},
        "summary": {lang: summary},
        "body": {lang: body},
    }


def _short_title(title: str, limit: int = 110) -> str:
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _event(
    article: Article,
    graph: RecordGraph,
    lang: str,
    day: dt.date,
    orgs: list[str],
    people: list[str],
    text: str,
    mentions: list[Mention],
) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if article.city:
        location["city"] = article.city
    location["country"] = _country(graph, orgs, lang)
    kind = event_type(text)
    return {
        "type": kind,
        "date": day,
        **_texts(article, lang),
        "location": location,
        "organizations": [
            {"organization": key, "role": role}
            for key, role in zip(orgs, guess_roles(orgs, mentions, text, kind), strict=True)
        ],
        "participants": [{"person": key} for key in people],
    }


VISITING = r"(?:delegasi|rombongan|delegation|kunjungan|visit\w*)\W+(?:\w+\W+){0,3}"


def guess_roles(orgs: list[str], mentions: list[Mention], text: str, kind: str) -> list[str]:
    """Each organisation's part, guessed: the visitors are the delegation (`delegasi X`,
    `X delegation`), the first two at a signing sign, the first other one hosts, the rest
    are partners. `warta import` says the roles are guesses."""
    haystack = normalize(text)
    words = {m.key: re.escape(normalize(m.words).strip()) for m in mentions}
    roles: list[str] = []
    for index, key in enumerate(orgs):
        name = words.get(key, re.escape(key))
        if re.search(VISITING + name, haystack) or re.search(
            name + r"\W+(?:delegation|delegasi)\b", haystack
        ):
            roles.append("delegation")
        elif kind == "signing" and index < 2:
            roles.append("signatory")
        else:
            roles.append("partner" if "host" in roles else "host")
    return roles


def _agreement(
    article: Article, lang: str, day: dt.date, orgs: list[str], text: str
) -> dict[str, Any]:
    signed = re.search(r"penandatanganan|menandatangani|ditandatangani|signed|signing", text, re.I)
    return {
        "type": agreement_type(text),
        **_texts(article, lang),
        "status": [{"status": "signed" if signed else "proposed", "date": day}],
        "parties": orgs,
    }


def _country(graph: RecordGraph, orgs: list[str], lang: str) -> str:
    """The country of the first organisation named, else Indonesia for Indonesian news."""
    for key in orgs:
        record = graph.entries["organization"][key].record
        if isinstance(record, Organization):
            return record.country
    return "ID"  # Indonesian press: an event in Indonesia unless an organisation says otherwise


def _common(article: Article, lang: str, graph: RecordGraph, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"sectors": find_sectors(text, graph)}
    if article.publisher:
        source: dict[str, Any] = {"publisher": article.publisher}
        if article.url.startswith(("http://", "https://")):
            source["url"] = article.url
        source["language"] = lang
        source["title"] = article.title
        out["sources"] = [source]
    out["draft"] = True
    return out


class _Dumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, everything else as PyYAML writes it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def render_draft(draft: Draft, schema: str, source: str) -> str:
    """The record's YAML text, with the modeline and the editor's notes as comments."""
    lines = [f"# yaml-language-server: $schema={schema}"]
    lines.append(f"# Imported by `warta import` from {source}. Check every field against the")
    lines.append("# article, translate the texts, then set `draft: false`.")
    for note in ([draft.guessed_kind] if draft.guessed_kind else []) + draft.unsure:
        lines.append(f"# unsure: {' '.join(note.split())}")
    for kind, names in draft.missing.items():
        for name in names:
            lines.append(f"# not in content/ ({kind}): {' '.join(name.split())}")
    body = yaml.dump(draft.data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=96)
    return "\n".join(lines) + "\n" + body
