"""The feeds: Atom per language (read back with feedparser) and iCalendar per language (read
back with icalendar), with their dates from the records and never a draft in them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import pytest
from factories import CONFIG, TEMPLATES, build_graph, minimal_records, write_project
from icalendar import Calendar
from sites import BuiltSite, write_edge_project

from generator.project import Project
from generator.publish.feeds import CALENDAR, FEED, render_atom, render_calendar
from generator.records.models import Event
from generator.records.validate import Entry
from generator.render.catalog import Catalog, default_today, published_on
from generator.render.context import RenderContext
from generator.render.i18n import Localizer, load_strings
from generator.render.urls import absolute_url

TODAY = dt.date(2024, 6, 1)
EDGE_ROOT = "https://example.net/projects/warta-edge/"


def context(project: Project, lang: str, today: dt.date = TODAY) -> RenderContext:
    """One language's view of a project's published records."""
    graph = build_graph(project)
    strings = load_strings(TEMPLATES, lang)
    return RenderContext(Catalog(graph, today), Localizer(lang, graph.config, strings))


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The edge project (sites.py), not built: the render functions are enough here."""
    return write_edge_project(tmp_path_factory.mktemp("edge-feeds"))


def calendar_events(data: bytes) -> list[Calendar]:
    """The VEVENTs of an iCalendar file, parsed by the icalendar library."""
    return list(Calendar.from_ical(data).walk("VEVENT"))


# --- Atom ---------------------------------------------------------------------------------


def test_atom_lists_published_news_newest_first(edge: Project) -> None:
    feed = feedparser.parse(render_atom(context(edge, "en")))
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == [
        '</script><script>alert("x")</script> & <b>Acme</b>',
        "Acme Globex MoU",
        "Acme visit",
    ]
    assert feed.feed.title == "Warta Test: News"
    assert feed.feed.language == "en"
    assert feed.entries[2].link == f"{EDGE_ROOT}en/events/2024/2024-01-05-acme-visit/"
    assert feed.entries[2].summary == "Summary of Acme visit"
    assert {tag.term for tag in feed.entries[2].tags} == {"event", "energy"}


def test_atom_never_carries_drafts_or_embargoed_records(edge: Project) -> None:
    for lang in ("id", "en"):
        data = render_atom(context(edge, lang))
        assert b"Secret talks" not in data and b"Embargoed deal" not in data


def test_atom_dates_come_from_the_records(edge: Project) -> None:
    feed = feedparser.parse(render_atom(context(edge, "id")))
    hostile = feed.entries[0]
    # Dated 2 April, published 5 April: the feed says when it came out.
    assert hostile.published == "2024-04-05T00:00:00+00:00"
    assert hostile.updated == "2024-04-05T00:00:00+00:00"
    assert feed.feed.updated == "2024-04-05T00:00:00+00:00"
    assert feed.feed.generator == "Warta"


def test_atom_is_the_same_whatever_the_build_day(
    edge: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = render_atom(context(edge, "en", dt.date(2024, 6, 1)))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert render_atom(context(edge, "en", default_today())) == first
    assert render_calendar(context(edge, "en", default_today())) == render_calendar(
        context(edge, "en", dt.date(2024, 6, 1))
    )


def test_atom_carries_at_most_the_configured_number_of_entries(tmp_path: Path) -> None:
    project = write_project(tmp_path, minimal_records(), config=CONFIG + "feeds: {entries: 1}\n")
    feed = feedparser.parse(render_atom(context(project, "en")))
    assert [entry.title for entry in feed.entries] == ["Acme Globex MoU"]


def test_an_empty_feed_is_still_valid_and_dated_without_the_clock(tmp_path: Path) -> None:
    records = {k: v for k, v in minimal_records().items() if k.startswith(("org", "tax", "peo"))}
    feed = feedparser.parse(render_atom(context(write_project(tmp_path, records), "id")))
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated == "1970-01-01T00:00:00+00:00"


# --- iCalendar ----------------------------------------------------------------------------


def test_calendar_holds_each_published_event_with_place_and_organisations(edge: Project) -> None:
    events = calendar_events(render_calendar(context(edge, "en")))
    assert [str(e["summary"]) for e in events] == [
        "Acme visit",
        '</script><script>alert("x")</script> & <b>Acme</b>',
    ]
    visit, hostile = events
    assert visit.decoded("dtstart") == dt.date(2024, 1, 5)
    assert visit.decoded("dtend") == dt.date(2024, 1, 8)  # through 7 January, end exclusive
    assert str(hostile["location"]) == "Acme Building, Jakarta, Indonesia"
    organizer = hostile["organizer"]
    assert str(organizer) == f"{EDGE_ROOT}en/organizations/acme/"
    assert organizer.params["CN"] == "Acme Indonesia Ltd"
    attendees = hostile["attendee"]
    attendee = attendees[0] if isinstance(attendees, list) else attendees
    assert attendee.params["CN"] == "Globex Korea"
    assert attendee.params["CUTYPE"] == "GROUP"
    assert "Globex Korea (delegation (4 people))" in str(hostile["description"])
    assert str(hostile["url"]) == f"{EDGE_ROOT}en/events/2024/2024-04-02-hostile/"


def test_calendar_is_in_the_page_language(edge: Project) -> None:
    events = calendar_events(render_calendar(context(edge, "id")))
    assert str(events[1]["location"]) == "Gedung Acme, Jakarta, Indonesia"
    assert str(events[0]["summary"]) == "Acme visit (id)"
    assert str(events[0]["uid"]) == "2024-01-05-acme-visit.id@example.net"


def test_calendar_stamps_come_from_the_records(edge: Project) -> None:
    events = calendar_events(render_calendar(context(edge, "en")))
    stamps = [e.decoded("dtstamp") for e in events]
    assert stamps == [
        dt.datetime(2024, 1, 5, tzinfo=dt.UTC),
        dt.datetime(2024, 4, 5, tzinfo=dt.UTC),  # the publish date, after the event's day
    ]


# --- the built sites ------------------------------------------------------------------------

SAMPLES = ["seed_site", "synth_site", "edge_site"]


@pytest.fixture(params=SAMPLES)
def built(request: pytest.FixtureRequest) -> BuiltSite:
    """Each sample site, built once per session."""
    sample: BuiltSite = request.getfixturevalue(request.param)
    assert sample.exit_code == 0, f"{request.param}: warta build --strict failed"
    return sample


def published_news(built: BuiltSite) -> tuple[Catalog, list[Entry]]:
    """The records a built sample publishes, newest first, as the build chose them."""
    index = Catalog(build_graph(built.project), default_today())
    return index, index.news()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_feedparser_finds_every_published_record(built: BuiltSite, lang: str) -> None:
    index, news = published_news(built)
    config = index.graph.config
    feed = feedparser.parse((built.site_dir / lang / FEED).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    expected = news[: config.feeds.entries]
    assert [e.link for e in feed.entries] == [
        absolute_url(config, lang, entry.page_path) for entry in expected
    ]
    for entry, record in zip(feed.entries, expected, strict=True):
        assert entry.published.startswith(str(published_on(record.record))), entry.link
    assert feed.feed.language == lang


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_icalendar_parses_every_calendar(built: BuiltSite, lang: str) -> None:
    index, _ = published_news(built)
    events = calendar_events((built.site_dir / lang / CALENDAR).read_bytes())
    published = [e for e in index.entries("event") if isinstance(e.record, Event)]
    assert len(events) == len(published)
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert all(e.get("location") and e.get("dtstamp") for e in events)


@pytest.mark.slow
def test_every_page_links_its_languages_feeds(seed_site: BuiltSite) -> None:
    for lang in ("id", "en"):
        root = f"{seed_site.base_url}{lang}/"
        atom = f'<link rel="alternate" type="application/atom+xml" href="{root}feed.xml"'
        ics = f'<link rel="alternate" type="text/calendar" href="{root}events.ics"'
        for page in (seed_site.site_dir / lang).rglob("*.html"):
            head = re.split(r"</head>", page.read_text("utf-8"))[0]
            assert atom in head and ics in head, page


@pytest.mark.slow
def test_the_root_pages_link_every_languages_feeds(seed_site: BuiltSite) -> None:
    for name in ("index.html", "404.html"):
        head = (seed_site.site_dir / name).read_text("utf-8").split("</head>")[0]
        for lang in ("id", "en"):
            root = f"{seed_site.base_url}{lang}/"
            assert f'hreflang="{lang}" href="{root}feed.xml"' in head, name
            assert f'hreflang="{lang}" href="{root}events.ics"' in head, name
