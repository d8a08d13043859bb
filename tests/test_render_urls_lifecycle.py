"""URLs never move: an agreement advancing through its life over three years, with a new
title, keeps its page path, its Atom entry id and its sitemap entry; an event with a new
date and title keeps its page and its iCalendar UID."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
from factories import CONFIG, TEMPLATES, build_graph, minimal_records, write_project
from icalendar import Calendar

from generator.publish.feeds import render_atom, render_calendar
from generator.publish.sitemap import render_sitemap
from generator.render.catalog import Catalog
from generator.render.context import RenderContext
from generator.render.i18n import Localizer, load_strings
from generator.render.site import render_site

TODAY = dt.date(2025, 6, 1)
AGREEMENT = "agreements/2023/acme-globex-mou.yml"
EVENT = "events/2024/2024-01-05-acme-visit.yml"
ROOT = "https://example.org/warta/"
STEPS = [
    ("proposed", "2023-05-02", "Draft energy MoU"),
    ("negotiating", "2023-10-01", "Draft energy MoU"),
    ("signed", "2024-03-01", "Acme–Globex energy MoU"),
    ("in-force", "2025-01-01", "Acme–Globex energy MoU, in force"),
]


def agreement_at(step: int) -> str:
    """The agreement as its editors would have it after `step` steps of its history."""
    history = "".join(
        f"  - {{status: {status}, date: {date}}}\n" for status, date, _ in STEPS[: step + 1]
    )
    title = STEPS[step][2]
    return (
        f"type: mou\ntitle: {{id: '{title} (id)', en: '{title}'}}\n"
        "summary: {id: Ringkasan, en: Summary}\n"
        f"status:\n{history}parties: [acme, globex]\nsectors: [energy]\n"
    )


def event_at(step: int) -> str:
    """The event, moved within its year and renamed at the second step."""
    date, title = ("2024-01-05", "Acme visit") if step == 0 else ("2024-02-20", "Acme tour")
    return (
        f"type: meeting\ndate: {date}\ntitle: {{id: {title} (id), en: {title}}}\n"
        "summary: {id: Ringkasan, en: Summary}\nlocation: {city: Jakarta, country: ID}\n"
        "organizations:\n  - {organization: acme, role: host}\nsectors: [energy]\n"
    )


def published(tmp_path: Path, step: int) -> dict[str, dict[str, str]]:
    """Per language: the pages' paths, the agreement's Atom entry, the event's calendar UID
    and the sitemap, as the records stand after `step` steps."""
    records = minimal_records()
    del records["agreements/2024/acme-globex-mou.yml"]
    records[AGREEMENT], records[EVENT] = agreement_at(step), event_at(min(step, 1))
    graph = build_graph(write_project(tmp_path / f"step-{step}", records, config=CONFIG))
    site = render_site(graph, TEMPLATES, today=TODAY)
    found = {}
    for lang in ("id", "en"):
        loc = Localizer(lang, graph.config, load_strings(TEMPLATES, lang))
        ctx = RenderContext(Catalog(graph, TODAY), loc)
        [entry] = [e for e in feedparser.parse(render_atom(ctx)).entries if "mou" in e.id]
        [event] = Calendar.from_ical(render_calendar(ctx)).walk("VEVENT")
        found[lang] = {
            "path": graph.entries["agreement"]["acme-globex-mou"].page_path,
            "event path": graph.entries["event"]["2024-01-05-acme-visit"].page_path,
            "atom id": entry.id,
            "atom title": entry.title,
            "uid": str(event["UID"]),
            "sitemap": render_sitemap(graph.config, lang, site.pages[lang]),
        }
    return found


def test_an_agreement_keeps_its_address_through_its_whole_life(tmp_path: Path) -> None:
    for step, (_, _, title) in enumerate(STEPS):
        for lang, seen in published(tmp_path, step).items():
            url = f"{ROOT}{lang}/agreements/2023/acme-globex-mou/"
            assert seen["path"] == "agreements/2023/acme-globex-mou.md", step
            assert seen["atom id"] == url, step
            assert seen["atom title"] == (title if lang == "en" else f"{title} (id)")
            assert f"<loc>{url}</loc>" in seen["sitemap"], step


def test_an_event_keeps_its_address_and_uid_with_a_new_date_and_title(tmp_path: Path) -> None:
    for step in (0, 1):
        for lang, seen in published(tmp_path, step).items():
            assert seen["event path"] == "events/2024/2024-01-05-acme-visit.md"
            assert seen["uid"] == f"2024-01-05-acme-visit.{lang}@example.org"
            url = f"{ROOT}{lang}/events/2024/2024-01-05-acme-visit/"
            assert f"<loc>{url}</loc>" in seen["sitemap"]
