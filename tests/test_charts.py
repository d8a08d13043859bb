"""The build-time SVG charts: named, described, escaped, deterministic, sized to the data."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from generator.render.charts import Bar, Mark, Series, bar_chart, timeline_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """The chart's <figure> as XML (the charts are well-formed XHTML fragments)."""
    return ET.fromstring(markup)


def bars(*values: int) -> Series:
    return Series("Events", tuple(Bar(f"label {v}", v, str(v)) for v in values))


def test_bar_chart_is_an_image_named_by_its_title_and_described_by_its_figures() -> None:
    chart = bar_chart("chart-x", "Agreements by status", "Signed: 2; Proposed: 1", [bars(2, 1)])
    assert chart is not None
    svg = parse(chart).find(f"{SVG}svg")
    assert svg is not None
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-x-title chart-x-desc"
    assert svg.findtext(f"{SVG}title") == "Agreements by status"
    assert svg.findtext(f"{SVG}desc") == "Signed: 2; Proposed: 1"


def test_bar_lengths_follow_the_values() -> None:
    chart = bar_chart("c", "t", "d", [bars(4, 2, 1)])
    assert chart is not None
    widths = [int(r.get("width", "0")) for r in parse(chart).iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] == 4 * widths[2]


def test_two_series_get_two_colours_and_a_legend() -> None:
    chart = bar_chart("c", "t", "d", [bars(3, 1), Series("Agreements", bars(2, 0).bars)])
    assert chart is not None
    classes = [r.get("class") for r in parse(chart).iter(f"{SVG}rect")]
    assert classes.count("warta-chart__bar warta-chart__bar--1") == 3  # legend + 2 bars
    assert classes.count("warta-chart__bar warta-chart__bar--2") == 3
    assert "Agreements" in [t.text for t in parse(chart).iter(f"{SVG}text")]


def test_record_text_in_a_chart_is_escaped() -> None:
    hostile = '</svg><script>alert("x")</script>'
    chart = bar_chart("c", hostile, hostile, [Series("s", (Bar(hostile, 1, "1"),))])
    assert chart is not None
    assert "<script>" not in chart
    assert parse(chart).find(f"{SVG}svg/{SVG}title").text == hostile  # type: ignore[union-attr]


def test_no_data_draws_no_chart() -> None:
    assert bar_chart("c", "t", "d", []) is None
    assert bar_chart("c", "t", "d", [Series("s", ())]) is None
    assert timeline_chart("c", "t", "d", ("a", "b"), []) is None


def test_timeline_places_marks_by_date_with_a_tick_per_year() -> None:
    marks = [
        Mark(dt.date(2020, 1, 1), "first", 0),
        Mark(dt.date(2022, 7, 2), "middle", 1),
        Mark(dt.date(2023, 12, 31), "last", 0),
    ]
    chart = timeline_chart("c", "Timeline", "3 items", ("Events", "Agreements"), marks)
    assert chart is not None
    root = parse(chart)
    circles = [float(c.get("cx", "0")) for c in root.iter(f"{SVG}circle")]
    assert circles[0] < circles[1]
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"2020", "2021", "2022", "2023", "2024"} <= set(labels)
    names = [t.text for t in root.iter(f"{SVG}title")]
    assert names == ["Timeline", "first", "middle", "last"]


def test_charts_are_deterministic() -> None:
    def draw() -> str | None:
        return bar_chart("c", "t", "d", [bars(5, 3)])

    assert draw() == draw()
