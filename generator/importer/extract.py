"""An article's title and paragraphs, from a saved HTML page or pasted text, without clutter.

HTML goes through trafilatura, a maintained article extractor, which drops menus, footers
and most link lists. Pasted text (and what an extractor lets through) is then cleaned line
by line of what news sites put around a story: "Baca juga" blocks and the headlines under
them, bylines, photo captions and credits, copyright lines, share buttons and calls to follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.dates import is_date_only

READ_ALSO = re.compile(
    r"^\W*(baca\s+juga|bacaan\s+lainnya|artikel\s+terkait|berita\s+terkait|pos\s+terkait|"
    r"lihat\s+juga|simak\s+juga|baca\s+selengkapnya|read\s+also|read\s+more|see\s+also|"
    r"related(\s+(articles?|news|stories|posts))?|also\s+read|more\s+stories|"
    r"berita\s+lainnya|terpopuler|terkini|trending|populer)\b\s*[:\-–]?",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^\W*(penulis|editor|pewarta|reporter|redaktur|wartawan|kontributor|penyunting|"
    r"fotografer|writer|author|written\s+by|reported\s+by|oleh|by)\s*[:|]",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^\W*(foto|photo|dok\.?|dokumentasi|ilustrasi|caption|image|gambar|sumber\s+foto|"
    r"credit|kredit)\b\s*[:.]|^\W*(\(|\[)\s*(foto|photo|dok)\b",
    re.IGNORECASE,
)
INLINE_CREDIT = re.compile(
    r"\s*[(\[]\s*(foto|photo|dok|dokumentasi|ilustrasi|ist|istimewa|image|sumber)\b[^)\]]*[)\]]",
    re.IGNORECASE,
)
# The reporter's and editor's initials that end a story: "(ant/abc)", "(nis)", "(rs/dj)".
INITIALS = re.compile(r"\s*\(\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{1,6})*\s*\)\s*$")
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|hak\s+cipta|all\s+rights\s+reserved", re.I)
FOLLOW = re.compile(
    r"\b(ikuti|follow|subscribe|berlangganan|gabung|join)\b.*\b(kami|us|berita|channel|saluran|"
    r"google\s+news|whatsapp|telegram|instagram|twitter|facebook|tiktok|youtube|newsletter)\b|"
    r"\bklik\s+(di\s*)?sini\b|\bdownload\s+aplikasi\b|\bunduh\s+aplikasi\b",
    re.IGNORECASE,
)
SHARE_WORDS = frozenset(
    [
        "share",
        "bagikan",
        "bagikan:",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "wa",
        "telegram",
        "line",
        "linkedin",
        "email",
        "e-mail",
        "print",
        "cetak",
        "copy",
        "salin",
        "link",
        "tautan",
        "komentar",
        "comments",
        "comment",
        "pinterest",
        "reddit",
        "url",
        "shares",
    ]
)
# A line that only dates the page: "Kamis, 9 November 2023 14:20 WIB", "Posted: ...".
PAGE_DATE_LINE = re.compile(
    r"^\W*((diterbitkan|dipublikasikan|terbit|diperbarui|published|posted|updated|update)\b"
    r"[^.]{0,60}|[^.]{0,50}\b\d{1,2}[:.]\d{2}(\s*(wib|wita|wit|utc|gmt|am|pm))?\W*)$",
    re.IGNORECASE,
)
TAGS = re.compile(r"^\W*(tags?|topik|tag\s+terkait|kata\s+kunci|keywords?)\s*:", re.IGNORECASE)
BULLET = re.compile(r"^\s*([-*•·▪►>]|\d+[.)])\s+")
# A dateline before the story: "SEMARANG, KOMPAS.com -", "JAKARTA -", "Batang (ANTARA) -",
# "Jakarta, CNBC Indonesia -", or the publisher first: "Liputan6.com, Jakarta -".
DATELINE = re.compile(
    r"^(?:[\w-]+\.(?:com|co\.id|id|net|org|news)\s*,\s*)?"
    r"(?P<city>[A-Z][A-Za-z .']{1,40}?)\s*(,\s*[\w. ]{1,30}?\s*|\([\w .]+\)\s*)?[-–—]{1,2}\s+(?=\S)"
)
# Lines of a page's furniture: adverts, "scroll to continue", page numbers, view counts.
FURNITURE = re.compile(
    r"^\W*(advertisement|iklan|scroll\s+(to|untuk)\s+(continue|lanjut|melanjutkan)|"
    r"halaman\s+(selanjutnya|berikutnya|\d+)|next\s+page|loading|dibaca\s*:?\s*\d+|"
    r"\d+\s+(kali\s+dibaca|views?)|sumber\s*:|source\s*:|(selengkapnya|more)\s+di)(?=\W|$)",
    re.IGNORECASE,
)
NEWS_CHANNELS = re.compile(r"google\s+news|whatsapp\s+channel|saluran\s+whatsapp|telegram", re.I)


@dataclass
class Article:
    """The story's text, with where it came from."""

    title: str
    paragraphs: list[str]
    city: str = ""
    publisher: str = ""
    url: str = ""
    page_date: str = ""
    removed: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The title and paragraphs, one per line (for dates and names)."""
        return "\n".join([self.title, *self.paragraphs])


def looks_like_html(raw: str) -> bool:
    """Whether the input is an HTML page rather than pasted text."""
    head = raw.lstrip()[:2000].lower()
    return head.startswith(("<!doctype", "<html")) or bool(re.search(r"<(body|p|div)[\s>]", head))


def from_html(raw: str) -> Article:
    """The article in a saved HTML page, extracted by trafilatura, then cleaned."""
    import trafilatura

    text = trafilatura.extract(
        raw, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    meta = trafilatura.extract_metadata(raw)
    title = (meta.title or "") if meta else ""
    article = from_text(text or "")
    if title:
        article.title = _clean_title(title, (meta.sitename if meta else "") or "")
        if article.paragraphs and article.paragraphs[0] == article.title:
            article.paragraphs.pop(0)
    if meta:
        article.publisher = meta.sitename or meta.hostname or ""
        article.url = meta.url or ""
        article.page_date = article.page_date or meta.date or ""
    return article


def _clean_title(title: str, sitename: str) -> str:
    """A page title without the site's name (`Headline - Site`, `Headline | Site`)."""
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (not sitename or sitename.lower() in parts[-1].lower()):
        return " - ".join(parts[:-1]).strip()
    return title.strip()


def from_text(raw: str) -> Article:
    """The article in pasted text: the first headline-like line is the title."""
    removed: list[str] = []
    lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    page_dates = [line for line in lines if line and _page_date_line(line)]
    lines = [line for line in lines if not (line and _page_date_line(line))]
    kept = _drop_clutter(lines, removed)
    title = ""
    if kept and _headline(kept[0]) and len(kept) > 1:
        title = kept.pop(0)
    paragraphs = [INITIALS.sub("", INLINE_CREDIT.sub("", p)).strip() for p in kept]
    paragraphs = [p for p in paragraphs if p]
    city = ""
    if paragraphs and (found := DATELINE.match(paragraphs[0])):
        city = found.group("city").strip().title()
        paragraphs[0] = paragraphs[0][found.end() :]
    if not title and paragraphs:
        title = _sentences(paragraphs[0])[0][:120]
    page_date = page_dates[0] if page_dates else ""
    return Article(title, paragraphs, city=city, page_date=page_date, removed=page_dates + removed)


def _drop_clutter(lines: list[str], removed: list[str]) -> list[str]:
    """The lines of the story, without the clutter around and inside it."""
    drop = [False] * len(lines)
    for i, line in enumerate(lines):
        if not line:
            continue
        if READ_ALSO.match(line):
            drop[i] = True
            _drop_headlines(lines, drop, i)
        elif _clutter_line(line):
            drop[i] = True
    _drop_bullet_headlines(lines, drop)
    _drop_menus(lines, drop)
    removed.extend(line for line, gone in zip(lines, drop, strict=True) if gone and line)
    return [line for line, gone in zip(lines, drop, strict=True) if line and not gone]


def _page_date_line(line: str) -> bool:
    """A line that only dates the page: a publication time, or a date standing alone."""
    return bool(PAGE_DATE_LINE.match(line)) or is_date_only(line)


def _credit_then_prose(line: str) -> bool:
    """`(Foto: Ist.) Acara itu dihadiri ...`: a credit before a paragraph of the article."""
    rest = INITIALS.sub("", INLINE_CREDIT.sub("", line)).strip()
    return line.lstrip()[:1] in "([" and len(rest.split()) >= 8 and rest[-1:] in '.!?"”'


def _clutter_line(line: str) -> bool:
    return bool(
        BYLINE.match(line)
        or (CAPTION.match(line) and not _credit_then_prose(line))
        or COPYRIGHT.search(line)
        or TAGS.match(line)
        or FURNITURE.match(line)
        or (NEWS_CHANNELS.search(line) and len(line.split()) <= 30)
        or (FOLLOW.search(line) and len(line.split()) <= 25)
        or _share_buttons(line)
        or line.count("|") >= 3
    )


def _share_buttons(line: str) -> bool:
    words = re.findall(r"[\w:-]+", line.lower())
    return bool(words) and len(words) <= 8 and all(w.strip(":") in SHARE_WORDS for w in words)


def _drop_headlines(lines: list[str], drop: list[bool], at: int) -> None:
    """The headlines under (and, pasted from a page, just above) a "Baca juga" marker."""
    rest = READ_ALSO.sub("", lines[at]).strip()
    if rest:  # "Baca juga: Headline" on one line
        return
    for step in (1, -1):
        j = at + step
        while 0 <= j < len(lines) and (not lines[j] or _headline(BULLET.sub("", lines[j]))):
            if lines[j] and step == -1 and not BULLET.match(lines[j]):
                break
            drop[j] = drop[j] or bool(lines[j])
            j += step


def _drop_bullet_headlines(lines: list[str], drop: list[bool]) -> None:
    """Runs of two or more bulleted headlines: lists of other stories, not the article's."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and BULLET.match(lines[j]) and _headline(BULLET.sub("", lines[j])):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                drop[k] = True
        i = max(j, i + 1)


def _drop_menus(lines: list[str], drop: list[bool]) -> None:
    """Runs of three or more lines of one to three words: a menu or a list of sections."""
    short = [0 < len(line.split()) <= 3 and not line.endswith((".", ":")) for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and short[j]:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                drop[k] = True
        i = max(j, i + 1)


def _headline(line: str) -> bool:
    """A title-like line: short, no closing full stop, mostly capitalised words."""
    words = line.split()
    if not words or len(words) > 25 or line.rstrip().endswith((".", ":", ";", ",", "?", '"')):
        return False
    capital = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capital / len(words) >= 0.5


def _sentences(paragraph: str) -> list[str]:
    """A paragraph split after full stops that end a sentence."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph.strip())
    return [p for p in parts if p] or [paragraph]


first_sentence = _sentences
