"""Feeds, per language: an Atom feed of the news (feedgen) and an iCalendar feed of the
events (icalendar), written next to each language's home page after the MkDocs build.

Every date in them comes from the records, never from the clock, so two builds of the
same content write the same bytes. They take a `Catalog` without drafts: a draft or an
embargoed record never reaches a feed, not even in the preview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from icalendar import Calendar, vCalAddress
from icalendar import Event as CalendarEvent

from generator import __version__
from generator.records.kinds import kind_of, record_date
from generator.records.models import Event, EventOrganization, Location, OrganizationRole
from generator.records.validate import Entry
from generator.render.catalog import Catalog, published_on, updated_on
from generator.render.context import RenderContext
from generator.render.i18n import Localizer
from generator.render.pages import RenderedSite
from generator.render.plan_records import event_role
from generator.render.urls import absolute_url, language_root, news_path

FEED = "feed.xml"
CALENDAR = "events.ics"
# An empty feed has no record to date it; the Unix epoch is stable where `now` is not.
EMPTY_FEED_DATE = dt.date(1970, 1, 1)
ORGANIZING = (OrganizationRole.HOST, OrganizationRole.ORGANIZER)


def write_feeds(index: Catalog, site: RenderedSite, out: Path, langs: Sequence[str]) -> None:
    """Write `<lang>/feed.xml` (Atom) and `<lang>/events.ics` (iCalendar) under `out`."""
    assert not index.include_drafts, "feeds carry published records only"
    config = index.graph.config
    for lang in langs:
        ctx = RenderContext(index, Localizer(lang, config, site.ui[lang]))
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / FEED).write_bytes(render_atom(ctx))
        (folder / CALENDAR).write_bytes(render_calendar(ctx))


def midnight(day: dt.date) -> dt.datetime:
    """The start of a day in UTC: records are dated by day, feeds want instants."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def render_atom(ctx: RenderContext) -> bytes:
    """The Atom feed of one language: the newest events and agreements, newest first."""
    config, lang = ctx.loc.config, ctx.loc.lang
    news = ctx.index.news()[: config.feeds.entries]
    feed = FeedGenerator()
    feed.id(language_root(config, lang) + FEED)
    feed.title(f"{config.name(lang)}: {ctx.loc.label('nav', 'news')}")
    if config.site_description and (subtitle := ctx.loc.text(config.site_description)):
        feed.subtitle(" ".join(subtitle.split()))
    feed.language(lang)
    feed.author({"name": config.name(lang), "uri": language_root(config, lang)})
    feed.link(href=language_root(config, lang) + FEED, rel="self", type="application/atom+xml")
    feed.link(href=absolute_url(config, lang, news_path(1)), rel="alternate", type="text/html")
    for other in config.languages:
        if other != lang:
            href = language_root(config, other) + FEED
            feed.link(href=href, rel="alternate", type="application/atom+xml", hreflang=other)
    # feedgen names itself and its version by default; the site's own name is stable.
    feed.generator("Warta", version=__version__)
    dates = [updated_on(entry.record) or EMPTY_FEED_DATE for entry in news]
    feed.updated(midnight(max(dates, default=EMPTY_FEED_DATE)))
    for entry in news:
        add_atom_entry(feed, ctx, entry)
    return bytes(feed.atom_str(pretty=True))


def add_atom_entry(feed: FeedGenerator, ctx: RenderContext, entry: Entry) -> None:
    """One news record as an Atom entry, linked to its page."""
    config, lang, record = ctx.loc.config, ctx.loc.lang, entry.record
    path = entry.page_path
    published, updated = published_on(record), updated_on(record)
    assert published is not None and updated is not None, "news records are dated"
    item = feed.add_entry(order="append")
    item.id(absolute_url(config, lang, path))
    item.title(ctx.title_of(record))
    # One link only: feedgen 1.0 drops the rel, type and hreflang of entry links, so links
    # to the twins would be bare duplicates. The page itself links its twins (hreflang).
    item.link(href=absolute_url(config, lang, path), rel="alternate", type="text/html")
    item.summary(" ".join(ctx.loc.text(getattr(record, "summary", None)).split()))
    item.published(midnight(published))
    item.updated(midnight(updated))
    item.category(term=entry.kind, label=ctx.loc.label("nav", kind_of(record).folder))
    for key in getattr(record, "sectors", []):
        item.category(term=key, label=ctx.sector_ref(key).label)


def render_calendar(ctx: RenderContext) -> bytes:
    """The iCalendar feed of one language: every published event, in date order."""
    config, lang = ctx.loc.config, ctx.loc.lang
    calendar = Calendar()
    calendar.add("prodid", f"-//Warta//Warta {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{config.name(lang)}: {ctx.loc.label('nav', 'events')}")
    if config.site_description and (description := ctx.loc.text(config.site_description)):
        calendar.add("x-wr-caldesc", " ".join(description.split()))
    for entry in sorted(
        ctx.index.entries("event"), key=lambda e: (record_date(e.record) or dt.date.min, e.key)
    ):
        calendar.add_component(render_calendar_event(ctx, entry))
    return bytes(calendar.to_ical())


def render_calendar_event(ctx: RenderContext, entry: Entry) -> CalendarEvent:
    """One event: whole days, place, organisations as organizer and attendees, and page."""
    config, lang, event = ctx.loc.config, ctx.loc.lang, entry.record
    assert isinstance(event, Event)
    url = absolute_url(config, lang, entry.page_path)
    item = CalendarEvent()
    item.add("uid", f"{event.key}.{lang}@{urlsplit(config.base_url).hostname}")
    # DTSTAMP is required. In a calendar without METHOD, RFC 5545 (3.8.7.2) makes it the
    # time the event's information last changed. Records carry no edit time; their own
    # latest date is the nearest fact, and unlike the clock it is the same in every build.
    item.add("dtstamp", midnight(updated_on(event) or event.date))
    item.add("dtstart", event.date)
    # A whole-day event ends at the start of the day after its last day (DTEND is exclusive).
    item.add("dtend", (event.end_date or event.date) + dt.timedelta(days=1))
    item.add("summary", ctx.title_of(event))
    item.add("description", calendar_description(ctx, event, url))
    item.add("location", location_text(ctx, event.location))
    item.add("url", url)
    if event.sectors:
        item.add("categories", [ctx.sector_ref(key).label for key in event.sectors])
    organizers = [org for org in event.organizations if org.role in ORGANIZING]
    if organizers:
        item.add("organizer", calendar_address(ctx, organizers[0], "CHAIR"))
    for org in event.organizations:
        if not organizers or org is not organizers[0]:
            role = "CHAIR" if org.role in ORGANIZING else "REQ-PARTICIPANT"
            item.add("attendee", calendar_address(ctx, org, role))
    return item


def calendar_address(ctx: RenderContext, org: EventOrganization, role: str) -> vCalAddress:
    """An organisation as a calendar user: a group named by CN, addressed by its page."""
    ref = ctx.ref("organization", org.organization)
    assert ref.path is not None, "organisations always have a page"
    address = vCalAddress(absolute_url(ctx.loc.config, ctx.loc.lang, ref.path))
    address.params["CN"] = ref.label
    address.params["CUTYPE"] = "GROUP"
    address.params["ROLE"] = role
    return address


def calendar_description(ctx: RenderContext, event: Event, url: str) -> str:
    """The summary, the organisations with their roles, and the page's address."""
    organizations = "; ".join(
        f"{ctx.ref('organization', org.organization).label} ({event_role(ctx, org)})"
        for org in event.organizations
    )
    summary = " ".join(ctx.loc.text(event.summary).split())
    label = ctx.loc.strings["labels"]["organizations"]
    return f"{summary}\n\n{label}: {organizations}\n\n{url}"


def location_text(ctx: RenderContext, location: Location) -> str:
    """Venue, address, city, region and country on one line."""
    parts = [
        ctx.loc.text(location.venue),
        location.address or "",
        location.city or "",
        ctx.loc.text(location.region),
        ctx.loc.country(location.country),
    ]
    return ", ".join(part for part in parts if part)
