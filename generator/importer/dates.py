"""The date of the event in a news article, from the forms the Indonesian and English press use.

The press dates an event in the sentence that reports it (`..., Jumat (03/11/2023).`), while
the page around it carries other dates: the publication time (`Senin, 4 Agustus 2025 10:15
WIB`), a crawl date in the header, a copyright year. Candidates on such lines are kept only
as context (the year of `Jumat (7/7)`), never chosen as the event's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "senin": 0, "monday": 0, "selasa": 1, "tuesday": 1, "rabu": 2, "wednesday": 2,
    "kamis": 3, "thursday": 3, "jumat": 4, "jum'at": 4, "jumaat": 4, "friday": 4,
    "sabtu": 5, "saturday": 5, "minggu": 6, "ahad": 6, "sunday": 6,
}  # fmt: skip
_DAY = (
    r"(?P<wd>senin|selasa|rabu|kamis|jum'?a?at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
PATTERNS = (
    # Jumat (03/11/2023), Jumat (7/7), Rabu, 9-5-2018, Sunday (06/05/2018)
    re.compile(
        _DAY + r"\s*(?:\(\s*|,\s*)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>(?:19|20)?\d\d))?"
        r"(?!\d)\s*\)?",
        re.IGNORECASE,
    ),
    # (Senin,) 4 Agustus 2025; 7 Juli 2023
    re.compile(
        r"(?:"
        + _DAY
        + r"\s*,?\s*\(?\s*)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTH
        + r"\s+"
        + _YEAR,
        re.IGNORECASE,
    ),
    # (Friday,) November 3, 2023
    re.compile(
        r"(?:" + _DAY + r"\s*,?\s*)?" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR,
        re.IGNORECASE,
    ),
    # 2023-11-03
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
)


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else (`Rabu, 9-5-2018`), as page headers print it."""
    rest = line
    for pattern in PATTERNS:
        rest = pattern.sub(" ", rest)
    return rest != line and not re.search(r"\w", rest)


# Lines that date the page, not the event: publication and update times, crawl and
# access dates, copyright lines.
PAGE_DATE = re.compile(
    r"\b(diterbitkan|dipublikasikan|terbit|diperbarui|diupdate|update[d]?|published|posted|"
    r"modified|diakses|accessed|retrieved|crawled|dibuat)\b|©|\(c\)|copyright|hak cipta|"
    r"\d{1,2}[:.]\d{2}\s*(wib|wita|wit|utc|gmt|am|pm)\b|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateCandidate:
    """One date written in the article, where it stands and how sure the reading is."""

    date: dt.date
    text: str
    line: int
    weekday_named: bool
    year_written: bool
    page_date: bool
    notes: tuple[str, ...] = ()


@dataclass
class DateFinding:
    """The event's date as read from an article, with what the editor should check."""

    date: dt.date | None
    text: str = ""
    line: int = 0
    unsure: list[str] = field(default_factory=list)


def find_event_date(text: str, today: dt.date | None = None) -> DateFinding:
    """The date of the event an article reports, or None, with the reasons to double-check."""
    lines = text.splitlines()
    candidates = [c for i, line in enumerate(lines, 1) for c in _candidates(line, i, lines)]
    context = _context_years(candidates, today or dt.date.today())
    near = _reference_day(candidates)
    candidates = [c for c in _resolve_years(candidates, lines, context, near) if c is not None]
    event = [c for c in candidates if not c.page_date]
    if not event and candidates:
        page = candidates[0]
        note = f"only the page's own date ('{page.text}') was found; check the event's date"
        return DateFinding(page.date, page.text, page.line, [*page.notes, note])
    if not event:
        return DateFinding(None, unsure=["no date of the event found: fill in `date` yourself"])
    best = max(event, key=lambda c: (c.weekday_named, c.year_written, -c.line))
    unsure = list(best.notes)
    others = sorted({c.date for c in event if c.weekday_named} - {best.date})
    if others and best.weekday_named:
        listed = ", ".join(d.isoformat() for d in others)
        unsure.append(f"the article also names {listed}; check which day the event was")
    if not best.weekday_named and not best.year_written:
        unsure.append(f"'{best.text}' has neither a weekday nor a year; check the date")
    return DateFinding(best.date, best.text, best.line, unsure)


def _candidates(line: str, number: int, lines: list[str]) -> list[DateCandidate]:
    """Every date written on a line; years left out are 0 until the context decides."""
    found: list[DateCandidate] = []
    taken: list[tuple[int, int]] = []
    page = bool(PAGE_DATE.search(line)) or _is_header_line(line, number, lines)
    for pattern in PATTERNS:
        for match in pattern.finditer(line):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            candidate = _candidate(match, number, page)
            if candidate is not None:
                taken.append(match.span())
                found.append(candidate)
    return found


def _is_header_line(line: str, number: int, lines: list[str]) -> bool:
    """A short line standing alone before the story: a page header's date, not a sentence."""
    story = next((i for i, text in enumerate(lines, 1) if len(text.split()) >= 15), None)
    return story is not None and number < story and len(line.split()) <= 12


def _candidate(match: re.Match[str], number: int, page: bool) -> DateCandidate | None:
    groups = match.groupdict()
    day = int(groups["d"])
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    year_text = groups.get("y") or ""
    year = int(year_text) if year_text else 0
    if year and year < 100:
        year += 2000
    weekday = WEEKDAYS.get((groups.get("wd") or "").lower().replace("jumaat", "jumat"))
    notes: tuple[str, ...] = ()
    if year and weekday is not None and _weekday(year, month, day) != weekday:
        swapped = _weekday(year, day, month)
        if groups.get("m") and swapped == weekday:
            day, month = month, day  # an English month-first date: the weekday decides
        else:
            notes = (f"'{match.group(0).strip()}': the weekday does not match the date",)
    if not _valid(year or 2000, month, day):
        return None
    return DateCandidate(
        dt.date(year or 2000, month, day),
        _shown(match.group(0)),
        number,
        weekday is not None,
        bool(year_text),
        page,
        notes,
    )


def _shown(text: str) -> str:
    """The date as written, trimmed, with its brackets balanced."""
    text = text.strip(" ,")
    return text + ")" if text.count("(") > text.count(")") else text


def _context_years(candidates: list[DateCandidate], today: dt.date) -> list[int]:
    """Years to try for a date written without one: the article's own years, then today's."""
    written = [c.date.year for c in candidates if c.year_written]
    pages = [c.date.year for c in candidates if c.year_written and c.page_date]
    years = pages + written or [today.year]
    return list(dict.fromkeys(years))


def _reference_day(candidates: list[DateCandidate]) -> dt.date | None:
    """The page's own date (else the first full date written), to infer missing years near."""
    pages = [c.date for c in candidates if c.year_written and c.page_date]
    written = [c.date for c in candidates if c.year_written]
    found = pages or written
    return found[0] if found else None


def _resolve_years(
    candidates: list[DateCandidate],
    lines: list[str],
    context: list[int],
    near: dt.date | None = None,
) -> list[DateCandidate | None]:
    """Give dates without a year the article's year (one whose weekday fits, if any)."""
    out: list[DateCandidate | None] = []
    for c in candidates:
        if c.year_written:
            out.append(c)
            continue
        out.append(_infer_year(c, lines, context, near))
    return out


def _infer_year(
    c: DateCandidate, lines: list[str], context: list[int], near: dt.date | None = None
) -> DateCandidate | None:
    weekday = _weekday_named(c, lines)
    base = context[0]
    tried = [*context, *range(base - 1, base - 7, -1), base + 1]
    fitting = [y for y in tried if _valid(y, c.date.month, c.date.day)]
    if weekday is not None:
        matching = [y for y in fitting if _weekday(y, c.date.month, c.date.day) == weekday]
        fitting = matching or fitting
    if not fitting:
        return None
    year = fitting[0]
    if near is not None:  # Of the years that fit, the one whose day is nearest the page's.
        year = min(fitting, key=lambda y: abs((dt.date(y, c.date.month, c.date.day) - near).days))
    source = "the page's date" if year in context[:1] else "the weekday"
    note = f"'{c.text}' has no year: {year} is taken from {source}; check it"
    return DateCandidate(
        dt.date(year, c.date.month, c.date.day),
        c.text,
        c.line,
        c.weekday_named,
        False,
        c.page_date,
        (*c.notes, note),
    )


def _weekday_named(c: DateCandidate, lines: list[str]) -> int | None:
    words = re.findall(r"[a-z']+", c.text.lower())
    for word in words:
        if word.replace("jumaat", "jumat") in WEEKDAYS:
            return WEEKDAYS[word.replace("jumaat", "jumat")]
    return None


def _weekday(year: int, month: int, day: int) -> int | None:
    return dt.date(year, month, day).weekday() if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
