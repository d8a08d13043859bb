"""Structured data for the head of every page: Open Graph, and schema.org JSON-LD on record
pages, computed from the records themselves.

The values go into the page's front matter as nested mappings, which the render stage
does not HTML-escape: the theme override escapes them as it prints them (`| e` in
attributes, `| tojson` inside `<script>`, which turns `<` into `\\u003c`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from babel import Locale
from babel.core import get_global

from generator.records.models import (
    Agreement,
    Event,
    Location,
    Organization,
    OrganizationRole,
    Record,
)
from generator.render.catalog import published_on, updated_on
from generator.render.context import PageSpec, RenderContext
from generator.render.urls import absolute_url, language_root

SCHEMA = "https://schema.org"
ORGANIZING = {OrganizationRole.HOST, OrganizationRole.ORGANIZER}
TYPES = {"organization": "Organization", "person": "Person"}

Thing = dict[str, Any]


def render_head_meta(ctx: RenderContext, spec: PageSpec) -> dict[str, Any]:
    """The front matter keys the theme's head prints: `warta_og` and `warta_jsonld`."""
    meta: dict[str, Any] = {"warta_og": render_open_graph(ctx, spec)}
    if jsonld := render_jsonld(ctx, spec):
        meta["warta_jsonld"] = jsonld
    return meta


@functools.cache  # every page asks, of the same two or three codes
def og_locale(code: str) -> str:
    """An Open Graph locale (`language_TERRITORY`) from a Babel locale code such as `id`."""
    locale = Locale.parse(code)
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language, locale.language)
        locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def render_open_graph(ctx: RenderContext, spec: PageSpec) -> Thing:
    """The page's type and locales; title, description and address come from the page."""
    lang = ctx.loc.lang
    locales = {other: ctx.locales.get(other, other) for other in ctx.loc.config.languages}
    locales[lang] = ctx.locales.get(lang) or og_locale(str(ctx.loc.locale))
    og: Thing = {
        "type": "article" if spec.entry and spec.date else "website",
        "locale": locales[lang],
        "locale_alternate": [locales[other] for other in locales if other != lang],
    }
    if spec.entry and (published := published_on(spec.entry.record)):
        og["published_time"] = published.isoformat()
    if spec.entry and (plan := ctx.photo(spec.entry.kind, spec.entry.key)):
        image = plan.og_image()
        og["image"] = {
            "url": page_address(ctx, "").rstrip("/") + "/" + image.path,
            "width": image.width,
            "height": image.height,
            "alt": ctx.photo_alt(spec.entry.record),
        }
    return og


def render_jsonld(ctx: RenderContext, spec: PageSpec) -> list[Thing]:
    """The schema.org objects a record page is about; other pages describe none."""
    record = spec.entry.record if spec.entry else None
    if isinstance(record, Event):
        return [news_article(ctx, spec), event_thing(ctx, spec, record)]
    if isinstance(record, Agreement):
        return [news_article(ctx, spec)]
    if isinstance(record, Organization):
        return [organization_thing(ctx, spec, record)]
    return []


def news_article(ctx: RenderContext, spec: PageSpec) -> Thing:
    """A `NewsArticle` for an event or agreement page: when, in what language, about whom."""
    assert spec.entry is not None
    record = spec.entry.record
    url = page_address(ctx, spec.path)
    published, updated = published_on(record), updated_on(record)
    assert published is not None and updated is not None, "news records are dated"
    organizations, people = mentioned(record)
    return compact(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "headline": spec.title,
            "description": spec.description,
            "inLanguage": ctx.loc.lang,
            "datePublished": published.isoformat(),
            "dateModified": updated.isoformat(),
            "url": url,
            "mainEntityOfPage": url,
            "about": [reference(ctx, "organization", key) for key in organizations],
            "mentions": [reference(ctx, "person", key) for key in people],
            "keywords": [ctx.sector_ref(key).label for key in getattr(record, "sectors", [])],
            "isBasedOn": [s.url for s in getattr(record, "sources", []) if s.url],
            "publisher": site_publisher(ctx),
            "author": site_publisher(ctx),
        }
    )


def mentioned(record: Record) -> tuple[list[str], list[str]]:
    """The ids of the organisations and the people a news record names, each once."""
    if isinstance(record, Event):
        organizations = [org.organization for org in record.organizations]
        people = [p.person for p in record.participants] + [q.person for q in record.quotes]
    else:
        assert isinstance(record, Agreement)
        organizations = list(record.parties)
        people = [s.person for s in record.signatories] + [w.person for w in record.witnesses]
    return unique(organizations), unique(people)


def event_thing(ctx: RenderContext, spec: PageSpec, event: Event) -> Thing:
    """An `Event`: dates, place, the organisations that organised and attended it."""
    url = page_address(ctx, spec.path)
    hosts = [org.organization for org in event.organizations if org.role in ORGANIZING]
    guests = [org.organization for org in event.organizations if org.role not in ORGANIZING]
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "@id": f"{url}#event",
            "name": spec.title,
            "description": spec.description,
            "inLanguage": ctx.loc.lang,
            "startDate": event.date.isoformat(),
            "endDate": (event.end_date or event.date).isoformat(),
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": place(ctx, event.location),
            "organizer": [reference(ctx, "organization", key) for key in unique(hosts)],
            "attendee": [reference(ctx, "organization", key) for key in unique(guests)],
            "url": url,
        }
    )


def place(ctx: RenderContext, location: Location) -> Thing:
    """A `Place` with its postal address; named by the venue, else the city, else country."""
    venue = ctx.loc.text(location.venue)
    country = ctx.loc.country(location.country)
    address = {
        "@type": "PostalAddress",
        "streetAddress": location.address,
        "addressLocality": location.city,
        "addressRegion": ctx.loc.text(location.region),
        "addressCountry": location.country,
    }
    name = venue or location.city or country
    return {"@type": "Place", "name": name, "address": compact(address)}


def organization_thing(ctx: RenderContext, spec: PageSpec, org: Organization) -> Thing:
    """An `Organization`: names, country and region, parent, and its own website."""
    url = page_address(ctx, spec.path)
    address = {
        "@type": "PostalAddress",
        "addressRegion": ctx.loc.text(org.region),
        "addressCountry": org.country,
    }
    parent = reference(ctx, "organization", org.parent) if org.parent else None
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "@id": f"{url}#organization",
            "name": spec.title,
            "alternateName": unique(n for n in (org.native_name, org.short_name) if n),
            "description": " ".join(ctx.loc.text(org.description).split()),
            "url": url,
            "sameAs": [org.website] if org.website else [],
            "address": compact(address),
            "parentOrganization": parent,
            "mainEntityOfPage": url,
        }
    )


def reference(ctx: RenderContext, kind: str, key: str) -> Thing:
    """A named organisation or person, with the `@id` its own page gives it."""
    ref = ctx.ref(kind, key)
    thing: Thing = {"@type": TYPES[kind], "name": ref.label}
    if ref.path is not None:
        url = page_address(ctx, ref.path)
        thing["@id"] = f"{url}#{kind}"
        thing["url"] = url
    return thing


def site_publisher(ctx: RenderContext) -> Thing:
    """The site itself, as the publisher and author of its articles."""
    config = ctx.loc.config
    return {
        "@type": "Organization",
        "name": config.name(ctx.loc.lang),
        "url": language_root(config, ctx.loc.lang),
    }


def page_address(ctx: RenderContext, path: str) -> str:
    """The absolute address of a docs page in this language."""
    return absolute_url(ctx.loc.config, ctx.loc.lang, path)


def unique(items: Iterable[str]) -> list[str]:
    """Items in their first order, each once."""
    return list(dict.fromkeys(items))


def compact(thing: Thing) -> Thing:
    """A mapping without its empty values, so the JSON-LD states only what is known."""
    return {key: value for key, value in thing.items() if value not in (None, "", [], {})}
