"""The exported sheet as a file: CSV in UTF-8 with a byte order mark, which spreadsheets read."""

from __future__ import annotations

import csv
import io
from dataclasses import astuple
from pathlib import Path

from generator.files import write_atomic
from generator.translations.rows import COLUMNS, Row

REQUIRED = ("record", "field", "target_language", "translation", "source_hash")
DELIMITERS = ",;\t"  # spreadsheets in many locales save CSV with `;`


class SheetError(Exception):
    """A file that is not a readable export; the message says why."""


def render_csv(rows: list[Row]) -> bytes:
    """The sheet's bytes: a header row, then one row per text, CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(astuple(row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def write_csv(rows: list[Row], path: Path) -> None:
    """Write the sheet atomically."""
    write_atomic(path, render_csv(rows))


def read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, cells by column) for every row below the header."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise SheetError(f"cannot read the file: {err.strerror}") from err
    except UnicodeDecodeError as err:
        raise SheetError('the file is not UTF-8 (save it as "CSV UTF-8")') from err
    header = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=header.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as err:
        raise SheetError(f"the file is not valid CSV: {err}") from err
    if not rows:
        raise SheetError("the file is empty")
    names = [name.strip() for name in rows[0]]
    lacking = [name for name in REQUIRED if name not in names]
    if lacking:
        raise SheetError(f"the header row lacks the column(s) {', '.join(lacking)}")
    return [
        (number, dict(zip(names, cells, strict=False)))
        for number, cells in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
