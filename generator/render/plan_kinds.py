"""The record pages: every published record of every page kind, through its planner."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.records.kinds import page_kinds
from generator.records.validate import Entry
from generator.render.context import PageSpec, RenderContext
from generator.render.plan_entities import render_organization, render_person
from generator.render.plan_records import (
    render_agreement,
    render_event,
    render_partnership,
    render_record,
)

RecordPlanner = Callable[[RenderContext, Entry], PageSpec]
# Kinds whose pages show more than a summary and a body; any other kind gets `render_record`.
PLANNERS: dict[str, RecordPlanner] = {
    "event": render_event,
    "agreement": render_agreement,
    "organization": render_organization,
    "person": render_person,
    "partnership": render_partnership,
}


def plan_kind_pages(ctx: RenderContext) -> Iterator[PageSpec]:
    """One page per published record of every kind that has pages."""
    for kind in page_kinds():
        plan = PLANNERS.get(kind.name, render_record)
        for entry in ctx.index.entries(kind.name):
            yield plan(ctx, entry)
