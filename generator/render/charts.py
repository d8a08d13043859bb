"""Charts as static SVG drawn at build time: labelled bars and a timeline of dated items.

Hand-drawn rather than pygal: pygal gives every chart a random id and embeds its own
styles and a script from its site, so two builds would differ, the page would call a third
party, and the colours could not follow the theme's palette. These charts are a few shapes
each, coloured by CSS classes that news.css maps to the palette's variables, so the light
and the dark scheme both apply; each has a <title> and a <desc> that say what it shows,
and its page prints the same figures in a table beside it. They need no JavaScript.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from generator.render.markdown import Md

WIDTH = 400
BAR = 14
VALUE_ROOM = 56


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value, and the value as the page's locale writes it."""

    label: str
    value: int
    shown: str


@dataclass(frozen=True)
class Series:
    """A named group of bars drawn in one colour (e.g. events, agreements)."""

    name: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Mark:
    """One dated item on a timeline; `series` picks its colour and shape (0 or 1)."""

    date: dt.date
    label: str
    series: int


def figure(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> Md:
    """An SVG chart in a <figure>, named by its title and described by its desc."""
    ids = f"{chart_id}-title {chart_id}-desc"
    lines = [
        f'<figure class="warta-chart" id="{chart_id}">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{ids}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        *body,
        "</svg>",
        "</figure>",
    ]
    return Md("\n".join(lines))


def bar_rows(series: Sequence[Series], top: int) -> tuple[list[str], int]:
    """Rows of bars: the label on top, one bar per series below it; returns shapes, height."""
    labels = [bar.label for bar in series[0].bars]
    peak = max((bar.value for s in series for bar in s.bars), default=0) or 1
    scale = (WIDTH - VALUE_ROOM) / peak
    shapes: list[str] = []
    y = top
    for row, label in enumerate(labels):
        shapes.append(f'<text class="warta-chart__label" x="0" y="{y + 13}">{escape(label)}</text>')
        y += 18
        for index, group in enumerate(series):
            bar = group.bars[row]
            width = max(round(bar.value * scale), 2)
            shapes.append(
                f'<rect class="warta-chart__bar warta-chart__bar--{index + 1}" x="0" y="{y}" '
                f'width="{width}" height="{BAR}"/>'
            )
            shapes.append(
                f'<text class="warta-chart__value" x="{width + 6}" y="{y + 12}">'
                f"{escape(bar.shown)}</text>"
            )
            y += BAR + 4
        y += 10
    return shapes, y


def legend(series: Sequence[Series]) -> list[str]:
    """A one-line key of the series' colours, for charts with more than one."""
    shapes, x = [], 0
    for index, group in enumerate(series):
        shapes.append(
            f'<rect class="warta-chart__bar warta-chart__bar--{index + 1}" x="{x}" y="2" '
            f'width="12" height="12"/>'
        )
        shapes.append(
            f'<text class="warta-chart__label" x="{x + 18}" y="13">{escape(group.name)}</text>'
        )
        x += 30 + 8 * len(group.name)
    return shapes


def bar_chart(chart_id: str, title: str, desc: str, series: Sequence[Series]) -> Md | None:
    """Horizontal bars, one row per label and one bar per series; None without data."""
    if not series or not series[0].bars:
        return None
    top = 24 if len(series) > 1 else 0
    shapes, height = bar_rows(series, top)
    if len(series) > 1:
        shapes = legend(series) + shapes
    return figure(chart_id, title, desc, height, shapes)


def timeline_chart(
    chart_id: str, title: str, desc: str, names: tuple[str, str], marks: Sequence[Mark]
) -> Md | None:
    """Dated items on a time axis with a tick per year, events above agreement steps."""
    if not marks:
        return None
    first, last = min(m.date for m in marks).year, max(m.date for m in marks).year + 1
    span = (dt.date(last, 1, 1) - dt.date(first, 1, 1)).days
    left, right, axis = 8, WIDTH - 8, 72

    def x_of(day: dt.date) -> float:
        return round(left + (day - dt.date(first, 1, 1)).days / span * (right - left), 1)

    empty = (Bar("", 0, ""),)
    shapes = legend([Series(names[0], empty), Series(names[1], empty)])
    shapes.append(
        f'<line class="warta-chart__axis" x1="{left}" y1="{axis}" x2="{right}" y2="{axis}"/>'
    )
    step = max(1, (last - first) // 6)
    for year in range(first, last + 1, step):
        x = x_of(dt.date(year, 1, 1))
        anchor = "start" if year == first else "end" if year == last else "middle"
        shapes.append(
            f'<line class="warta-chart__axis" x1="{x}" y1="{axis - 4}" x2="{x}" y2="{axis + 4}"/>'
        )
        shapes.append(
            f'<text class="warta-chart__label" x="{x}" y="{axis + 20}" '
            f'text-anchor="{anchor}">{year}</text>'
        )
    for mark in sorted(marks, key=lambda m: (m.date, m.series, m.label)):
        shapes.append(timeline_mark(mark, x_of(mark.date), axis))
    return figure(chart_id, title, desc, axis + 28, shapes)


def timeline_mark(mark: Mark, x: float, axis: int) -> str:
    """An event as a circle just above the axis, an agreement step as a square above it."""
    label = f"<title>{escape(mark.label)}</title>"
    if mark.series == 0:
        return (
            f'<circle class="warta-chart__bar warta-chart__bar--1" cx="{x}" cy="{axis - 14}" '
            f'r="7">{label}</circle>'
        )
    return (
        f'<rect class="warta-chart__bar warta-chart__bar--2" x="{x - 6}" y="{axis - 44}" '
        f'width="12" height="12">{label}</rect>'
    )
