"""When each page last changed: dates from the records a page shows, never the clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factories import TODAY, build_graph, minimal_records, write_project

from generator.render.catalog import Catalog
from generator.render.lastmod import page_lastmods


def test_lastmod_comes_from_the_records_a_page_shows(tmp_path: Path) -> None:
    records = minimal_records()
    records["events/2023/2023-05-01-old.yml"] = (
        records["events/2024/2024-01-05-acme-visit.yml"]
        .replace("2024-01-05", "2023-05-01")
        .replace("Acme visit", "Old")
        .replace("organization: acme", "organization: globex")
    )
    index = Catalog(build_graph(write_project(tmp_path, records)), TODAY)
    dates = page_lastmods(index)
    assert dates["events/2024/2024-01-05-acme-visit.md"] == dt.date(2024, 1, 5)
    assert dates["agreements/2024/acme-globex-mou.md"] == dt.date(2024, 2, 10)
    assert dates["archive/2023.md"] == dt.date(2023, 5, 1)
    assert dates["archive/2024.md"] == dt.date(2024, 2, 10)
    assert dates["organizations/acme.md"] == dt.date(2024, 2, 10)  # party to the MoU
    assert dates["people/jane-doe.md"] is None  # named by no dated record: no lastmod
    assert dates["sectors/energy.md"] == dt.date(2024, 2, 10)
