"""The made-up records of bench/synth.py: organisations first, so references always resolve."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from synth_data import (
    AGREEMENT_KINDS,
    COUNTRIES,
    EVENT_TITLES,
    EVENT_TYPES,
    NATIVE,
    ORG_KINDS,
    PARTNERSHIP_KINDS,
    SCOPES,
    SECTORS,
    TITLES,
    WORDS,
    WORDS2,
)

ID_MARK, EN_MARK = "[Sintetis]", "[Synthetic]"
SHARES = {"organization": 0.15, "person": 0.20, "agreement": 0.15, "partnership": 0.05}
FIRST_DAY, LAST_DAY = dt.date(2019, 1, 1), dt.date(2024, 12, 31)


@dataclass
class Corpus:
    """The records made so far as (folder, id, data), with indexes the makers draw on."""

    rng: random.Random
    drafts: float = 0.0
    files: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    orgs: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    partnerships: list[dict[str, Any]] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def unique(self, base: str) -> str:
        """A record id not used yet, derived from `base`."""
        key, n = slugify(base), 2
        while key in self.used:
            key, n = f"{slugify(base)}-{n}", n + 1
        self.used.add(key)
        return key


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by single hyphens."""
    ascii_text = text.lower().replace("ü", "u").replace("ö", "o").replace("ä", "a")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-") or "record"


def loc(id_text: str, en_text: str) -> dict[str, str]:
    """A localized text."""
    return {"id": id_text, "en": en_text}


def marked(id_text: str, en_text: str) -> dict[str, str]:
    """A localized title with the synthetic mark in front."""
    return loc(f"{ID_MARK} {id_text}", f"{EN_MARK} {en_text}")


def plan_counts(total: int) -> dict[str, int]:
    """How many records of each kind, summing to `total`; events take the rest."""
    counts = {kind: max(1, int(total * share)) for kind, share in SHARES.items()}
    counts["organization"] = max(2, counts["organization"])
    counts["event"] = total - sum(counts.values())
    if counts["event"] < 1:
        raise ValueError(f"--records must be at least {total - counts['event'] + 1}")
    return counts


def pick_country(rng: random.Random) -> str:
    """A country, Indonesia most often."""
    codes = list(COUNTRIES)
    return rng.choices(codes, weights=[COUNTRIES[c][0] for c in codes])[0]


def native_name(rng: random.Random, script: str, length: int) -> str | None:
    """A made-up name in a native script, for countries that write one."""
    if not script:
        return None
    return "".join(rng.choice(NATIVE[script]) for _ in range(length))


def make_organization(corpus: Corpus) -> None:
    """One organisation, in a believable country, type and region."""
    rng = corpus.rng
    country = pick_country(rng)
    city, region_id, region_en = rng.choice(COUNTRIES[country][1])
    kind, _, name_id, name_en = rng.choices(ORG_KINDS, weights=[k[1] for k in ORG_KINDS])[0]
    words = {
        "word": rng.choice(WORDS),
        "word2": rng.choice(WORDS2),
        "pt": "PT " if country == "ID" else "",
        "corp": "" if country == "ID" else " Corp.",
    }
    name = loc(name_id.format(region=region_id, **words), name_en.format(region=region_en, **words))
    key = corpus.unique(name["en"])
    data: dict[str, Any] = {"name": marked(name["id"], name["en"])}
    if native := native_name(rng, COUNTRIES[country][4], rng.randint(4, 7)):
        data["native_name"] = native
    data |= {
        "short_name": "".join(w[0] for w in name["en"].split() if w[0].isupper())[:6],
        "type": kind,
        "country": country,
        "region": loc(region_id, region_en),
        "website": f"https://{key}.example.org/",
        "description": loc(
            f"Organisasi rekaan di {city} untuk uji beban Warta.",
            f"A made-up organisation in {city} for Warta load tests.",
        ),
        "sectors": rng.sample(sorted(SECTORS), rng.randint(1, 3)),
    }
    corpus.orgs.append({"id": key, "country": country, "city": city, "data": data})
    corpus.files.append(("organizations", key, data))


def make_person(corpus: Corpus) -> None:
    """One person with one or two positions at existing organisations."""
    rng = corpus.rng
    org = rng.choice(corpus.orgs)
    _, _, given, family, script = COUNTRIES[org["country"]]
    name = f"{rng.choice(given)} {rng.choice(family)}"
    key = corpus.unique(name)
    positions = []
    for place in [org, *rng.sample(corpus.orgs, 1)][: rng.randint(1, 2)]:
        title = rng.choice(TITLES)
        positions.append(
            {
                "title": loc(*title),
                "organization": place["id"],
                "from": random_day(rng, dt.date(2010, 1, 1), FIRST_DAY),
            }
        )
    data: dict[str, Any] = {"name": f"{ID_MARK} {name}"}
    if native := native_name(rng, script, 3):
        data["native_name"] = native
    data |= {
        "positions": positions,
        "description": marked("Tokoh rekaan untuk uji beban.", "A made-up person for load tests."),
    }
    corpus.people.append({"id": key, "orgs": {p["organization"] for p in positions}})
    corpus.files.append(("people", key, data))


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A day between two dates, both included."""
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def label(org: dict[str, Any]) -> tuple[str, str]:
    """An organisation's unmarked name in both languages, for use inside titles."""
    name = org["data"]["name"]
    return name["id"].removeprefix(ID_MARK + " "), name["en"].removeprefix(EN_MARK + " ")


def make_partnership(corpus: Corpus) -> None:
    """A long-running relation between two organisations of different countries."""
    rng = corpus.rng
    a, b = pick_pair(corpus)
    kind, kind_id, kind_en = rng.choice(PARTNERSHIP_KINDS)
    since = rng.randint(1995, 2018)
    (a_id, a_en), (b_id, b_en) = label(a), label(b)
    key = corpus.unique(f"{a['id'][:24]}-{b['id'][:24]}-{kind}")
    data = {
        "type": kind,
        "title": marked(f"{kind_id} {a_id}–{b_id}", f"{a_en}–{b_en} {kind_en}"),
        "summary": loc(
            f"Hubungan rekaan antara {a_id} dan {b_id} sejak {since}.",
            f"A made-up relation between {a_en} and {b_en} since {since}.",
        ),
        "body": paragraphs(rng, a_id, b_id, a_en, b_en),
        "parties": [a["id"], b["id"]],
        "since": since,
        "sectors": rng.sample(sorted(SECTORS), rng.randint(1, 3)),
    }
    corpus.partnerships.append({"id": key, "parties": {a["id"], b["id"]}})
    corpus.files.append(("partnerships", key, data))


def pick_pair(corpus: Corpus) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two different organisations, from two countries when there are such."""
    rng = corpus.rng
    a = rng.choice(corpus.orgs)
    others = [o for o in corpus.orgs if o["country"] != a["country"]] or [
        o for o in corpus.orgs if o is not a
    ]
    return a, rng.choice(others)


def paragraphs(rng: random.Random, a_id: str, b_id: str, a_en: str, b_en: str) -> dict[str, str]:
    """Two or three paragraphs of plausible, made-up body text."""
    pool = [
        (
            f"Pertemuan antara {a_id} dan {b_id} membahas peluang investasi dan alih teknologi.",
            f"The meeting between {a_en} and {b_en} covered investment and technology transfer.",
        ),
        (
            "Kedua pihak sepakat menindaklanjuti pembicaraan dalam kelompok kerja bersama.",
            "Both sides agreed to follow the talks up in a joint working group.",
        ),
        (
            f"{a_id} menyiapkan program beasiswa dan pelatihan bagi tenaga kerja setempat.",
            f"{a_en} is preparing scholarships and training for local workers.",
        ),
        (
            "Rencana pameran dagang bersama akan dibahas pada pertemuan berikutnya.",
            "Plans for a joint trade exhibition will be discussed at the next meeting.",
        ),
        (
            f"Menurut {b_id}, kerja sama ini membuka pasar baru bagi usaha kecil dan menengah.",
            f"According to {b_en}, the cooperation opens new markets for small businesses.",
        ),
    ]
    chosen = rng.sample(pool, rng.randint(2, 3))
    return loc("\n\n".join(p[0] for p in chosen) + "\n", "\n\n".join(p[1] for p in chosen) + "\n")


def make_event(corpus: Corpus) -> None:
    """One event between two organisations, with people, quotes and a source."""
    rng = corpus.rng
    etype = rng.choices([t for t, _ in EVENT_TYPES], weights=[w for _, w in EVENT_TYPES])[0]
    day = random_day(rng, FIRST_DAY, LAST_DAY)
    host, guest = pick_pair(corpus)
    (h_id, h_en), (g_id, g_en) = label(host), label(guest)
    sector = rng.choice(sorted(SECTORS))
    s_id, s_en = SECTORS[sector]
    t_id, t_en = EVENT_TITLES[etype]
    key = corpus.unique(f"{day.isoformat()}-{etype}-{host['id'][:30]}")
    data: dict[str, Any] = {
        "type": etype,
        "date": day,
        "title": marked(
            t_id.format(a=h_id, b=g_id, s=s_id), t_en.format(a=h_en, b=g_en, s=s_en.lower())
        ),
        "summary": loc(
            f"{h_id} dan {g_id} membahas kerja sama di bidang {s_id.lower()}.",
            f"{h_en} and {g_en} discussed cooperation on {s_en.lower()}.",
        ),
        "body": paragraphs(rng, h_id, g_id, h_en, g_en),
        "location": event_location(host, h_id, h_en),
        "organizations": event_organizations(rng, etype, host, guest),
    }
    people = [p for p in corpus.people if p["orgs"] & {host["id"], guest["id"]}]
    chosen = rng.sample(people, min(len(people), rng.randint(0, 3)))
    if chosen:
        data["participants"] = [
            {"person": p["id"], "role": loc("Peserta", "Participant")} for p in chosen
        ]
    data["sectors"] = sorted({sector, *rng.sample(sorted(SECTORS), rng.randint(0, 2))})
    if partnership := find_partnership(corpus, {host["id"], guest["id"]}):
        data["partnership"] = partnership
    if chosen and rng.random() < 0.5:
        data["quotes"] = [
            {
                "person": chosen[0]["id"],
                "text": loc(
                    "Kerja sama ini akan membawa manfaat bagi kedua pihak.",
                    "This cooperation will benefit both sides.",
                ),
            }
        ]
    data["sources"] = [
        {"publisher": "Kabar Rekaan", "language": "id", "url": f"https://news.example.org/{key}"}
    ]
    if rng.random() < corpus.drafts:
        data["draft"] = True
    corpus.events.append(
        {"id": key, "date": day, "type": etype, "data": data, "orgs": [host["id"], guest["id"]]}
    )
    corpus.files.append((f"events/{day.year}", key, data))


def event_location(host: dict[str, Any], h_id: str, h_en: str) -> dict[str, Any]:
    """The host's office, in the host's city."""
    return {
        "venue": loc(f"Kantor {h_id}", f"{h_en} office"),
        "city": host["city"],
        "region": host["data"]["region"],
        "country": host["country"],
    }


def event_organizations(
    rng: random.Random, etype: str, host: dict[str, Any], guest: dict[str, Any]
) -> list[dict[str, Any]]:
    """The two organisations and the parts they played."""
    roles = {
        "signing": ("signatory", "signatory"),
        "seminar": ("organizer", "participant"),
        "conference": ("organizer", "guest"),
        "exhibition": ("organizer", "participant"),
        "ceremony": ("host", "partner"),
    }
    first, second = roles.get(etype, ("host", "delegation"))
    guest_entry: dict[str, Any] = {"organization": guest["id"], "role": second}
    if second == "delegation":
        guest_entry["delegation_size"] = rng.randint(3, 30)
    return [{"organization": host["id"], "role": first}, guest_entry]


def find_partnership(corpus: Corpus, parties: set[str]) -> str | None:
    """The partnership between exactly these parties, if there is one."""
    return next((p["id"] for p in corpus.partnerships if p["parties"] == parties), None)


def make_agreement(corpus: Corpus) -> None:
    """An agreement between an event's two organisations, linked both ways to the event."""
    rng = corpus.rng
    signings = [e for e in corpus.events if e["type"] == "signing"] or corpus.events
    event = rng.choice(signings)
    parties = event["orgs"]
    kind = rng.choices(list(AGREEMENT_KINDS), weights=[70, 15, 15])[0]
    (a_id, a_en), (b_id, b_en) = (label(org_by_id(corpus, p)) for p in parties)
    sector = event["data"]["sectors"][0]
    k_id, k_en = AGREEMENT_KINDS[kind]
    key = corpus.unique(f"{parties[0][:24]}-{parties[1][:24]}-{kind}")
    status = status_history(rng, event["date"])
    data: dict[str, Any] = {
        "type": kind,
        "title": marked(
            f"{k_id} {a_id} dan {b_id} tentang {SECTORS[sector][0].lower()}",
            f"{a_en}–{b_en} {k_en} on {SECTORS[sector][1].lower()}",
        ),
        "summary": loc(
            f"Kesepakatan rekaan antara {a_id} dan {b_id}.",
            f"A made-up agreement between {a_en} and {b_en}.",
        ),
        "status": status,
        "parties": list(parties),
    }
    if signatories := pick_signatories(corpus, parties):
        data["signatories"] = signatories
    data["scope"] = [loc(*s) for s in rng.sample(SCOPES, rng.randint(1, 3))]
    data["sectors"] = list(event["data"]["sectors"])
    data["validity"] = {"from": event["date"], "years": rng.choice([2, 3, 5])}
    if "partnership" in event["data"]:
        data["partnership"] = event["data"]["partnership"]
    data["events"] = [event["id"]]
    event["data"].setdefault("agreements", []).append(key)
    corpus.files.append((f"agreements/{status[0]['date'].year}", key, data))


def org_by_id(corpus: Corpus, key: str) -> dict[str, Any]:
    """An organisation made earlier."""
    return next(org for org in corpus.orgs if org["id"] == key)


def status_history(rng: random.Random, signed: dt.date) -> list[dict[str, Any]]:
    """Proposed, negotiating, signed (on the event's day), sometimes in force later."""
    proposed = signed - dt.timedelta(days=rng.randint(60, 240))
    steps = [
        {"status": "proposed", "date": proposed},
        {"status": "negotiating", "date": proposed + dt.timedelta(days=rng.randint(1, 50))},
        {"status": "signed", "date": signed},
    ]
    if rng.random() < 0.4:
        steps.append({"status": "in-force", "date": signed + dt.timedelta(days=rng.randint(0, 30))})
    return steps


def pick_signatories(corpus: Corpus, parties: Sequence[str]) -> list[dict[str, str]]:
    """One person holding a position at each party, where there is one."""
    out = []
    for party in parties:
        person = next((p for p in corpus.people if party in p["orgs"]), None)
        if person:
            out.append({"person": person["id"], "organization": party})
    return out


def generate(records: int, seed: int, drafts: float = 0.0) -> Corpus:
    """The whole corpus: organisations first, so every reference has a target."""
    counts = plan_counts(records)
    corpus = Corpus(random.Random(seed), drafts)
    makers = [
        ("organization", make_organization),
        ("person", make_person),
        ("partnership", make_partnership),
        ("event", make_event),
        ("agreement", make_agreement),
    ]
    for kind, maker in makers:
        for _ in range(counts[kind]):
            maker(corpus)
    return corpus
