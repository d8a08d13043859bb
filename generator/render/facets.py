"""What a record page is about, for search filters: its sectors and countries, localized."""

from __future__ import annotations

from typing import Any

from generator.records.models import Organization, Record
from generator.render.context import PageSpec, RenderContext


def facet_front_matter(ctx: RenderContext, spec: PageSpec) -> dict[str, Any]:
    """`warta_sectors` and `warta_countries` of a record page, in the page's language.

    The theme turns them into Pagefind filters; other pages have none.
    """
    if spec.entry is None:
        return {}
    record = spec.entry.record
    meta: dict[str, Any] = {}
    if sectors := sorted({ctx.sector_ref(key).label for key in record_sectors(record)}):
        meta["warta_sectors"] = sectors
    if countries := sorted({ctx.loc.country(code) for code in record_countries(ctx, record)}):
        meta["warta_countries"] = countries
    return meta


def record_sectors(record: Record) -> list[str]:
    """The sector ids a record names; people have none of their own."""
    return list(getattr(record, "sectors", []))


def record_countries(ctx: RenderContext, record: Record) -> set[str]:
    """The countries a record involves: its own, or where it happened and whose
    organisations it names (a person: the organisations of their positions).

    A reader filtering by China wants the Henan delegation's visit to Jakarta too.
    """
    if own := getattr(record, "country", None):
        return {own}
    location = getattr(record, "location", None)
    here = {location.country} if location else set()
    refs = ctx.index.graph.references_of(record.kind, record.key)
    orgs = [ref.target for ref in refs if ref.target_kind == "organization"]
    return here | organization_countries(ctx, orgs)


def organization_countries(ctx: RenderContext, keys: list[str]) -> set[str]:
    """The countries of some organisations."""
    countries = set()
    for key in keys:
        org = ctx.index.graph.get("organization", key)
        assert isinstance(org, Organization)
        countries.add(org.country)
    return countries
