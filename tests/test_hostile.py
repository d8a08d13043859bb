"""Hostile content: every field of every kind carries script tags, event handlers,
`javascript:` links, Markdown and HTML injection, Jinja syntax, bidi controls, quotes and
very long strings. Each one ends either in a diagnostic with its file and line, or in a
page where it is inert text (checked in the built HTML, feeds and calendars)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from factories import TEMPLATES, write_project
from icalendar import Calendar
from rules import build_case, check_lines, expected_lines, rule_cases

from generator.pipeline import build_site


@pytest.mark.parametrize("case", rule_cases("w6"))
def test_text_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


# --- values a record may not hold: a diagnostic at the file and line ----------------------

ORG = "name: {id: Acme, en: Acme}\ntype: company\ncountry: ID\n"
REFUSED = {
    "javascript-website": (
        ORG + 'website: "javascript:alert(1)"\n',
        "content/organizations/case.yml:4:10: error[E204] website: 'javascript:alert(1)' is "
        "not an http(s) URL (write the full address, starting with https://)",
    ),
    "data-url-website": (
        ORG + "website: data:text/html;base64,PHNjcmlwdD4=\n",
        "content/organizations/case.yml:4:10: error[E204] website: "
        "'data:text/html;base64,PHNjcmlwdD4=' is not an http(s) URL (write the full "
        "address, starting with https://)",
    ),
    "jinja-in-a-reference": (
        ORG + "parent: '{{ config }}'\n",
        "content/organizations/case.yml:4:9: error[E205] parent: '{{ config }}' is not a "
        "valid id (use lowercase letters, digits and single hyphens)",
    ),
    "path-in-a-reference": (
        ORG + "parent: ../../etc/passwd\n",
        "content/organizations/case.yml:4:9: error[E205] parent: '../../etc/passwd' is not a "
        "valid id (use lowercase letters, digits and single hyphens)",
    ),
    "python-tag": (
        ORG + "description: !!python/object/apply:os.system [id]\n",
        "content/organizations/case.yml:4:14: error[E104] custom tag "
        "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (remove the tag; "
        "write plain values)",
    ),
    "control-character": (
        ORG + 'description: {id: "bel \\a di sini", en: "escape \\x1b[31m"}\n',
        "content/organizations/case.yml:4:19: error[E118] description.id: text holds control "
        "characters (U+0007 control) (delete them; write line breaks as real new lines)\n"
        "content/organizations/case.yml:4:41: error[E118] description.en: text holds control "
        "characters (U+001B control) (delete them; write line breaks as real new lines)",
    ),
    "yaml-boolean-as-text": (
        "name: {id: Acme, en: yes}\ntype: company\ncountry: ID\n",
        "content/organizations/case.yml:1:22: error[E210] name.en: expected text, found 'true'",
    ),
}


@pytest.mark.parametrize(("text", "expected"), REFUSED.values(), ids=REFUSED.keys())
def test_a_hostile_value_is_a_diagnostic(
    text: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build_case("e108-empty-file", tmp_path / "project")
    (project.content / "organizations" / "empty.yml").unlink()
    (project.content / "organizations" / "case.yml").write_text(text, "utf-8")
    assert check_lines(project, monkeypatch) == expected.split("\n")


# --- text a record may hold: it reaches every page as inert text ---------------------------

SQUARE = 1234 * 1111  # what `{{ 1234*1111 }}` would print if record text became a template


def payload(field: str) -> str:
    """Hostile text naming its field, so a leak points at where it came from."""
    mark = f"XSS-{field}"
    return (
        f'</title></script><script>alert("{mark}")</script><img src=x onerror=alert("{mark}")>'
        f' "quoted" \'single\' {{{{ 1234*1111 }}}} {{% raw %}} [link](javascript:alert("{mark}"))'
        f" *em* <!-- c --> ]]> \u202eevil\u202c {mark}"
    )


def text(field: str) -> dict[str, str]:
    """A localized hostile text."""
    return {"id": payload(field) + " (id)", "en": payload(field)}


def body(field: str) -> dict[str, str]:
    """A hostile Markdown body: HTML, Markdown tricks, attribute lists, a long line."""
    extra = (
        f"\n\n# heading {{: onclick=alert('{field}') }}\n\n<iframe src=//evil.example></iframe>"
        f"\n\n[x](  JavaScript:alert('{field}')) <a href=\"vbscript:x\">v</a>\n\n"
        f"<https://example.org/{field}>\n\n{'w' * 20_000}\n"
    )
    return {"id": payload(field) + extra, "en": payload(field) + extra}


def hostile_records() -> dict[str, dict[str, Any]]:
    """One record of every kind with hostile text in every text field."""
    location = {
        "venue": text("venue"),
        "address": payload("address"),
        "city": payload("city"),
        "region": text("region"),
        "country": "ID",
    }
    return {
        "taxonomies/sectors.yml": {
            "title": text("taxonomy"),
            "terms": {"energy": {"label": text("term"), "description": text("term-desc")}},
        },
        "organizations/acme.yml": {
            "name": text("org-name"),
            "native_name": payload("native") + "x" * 5_000,
            "short_name": payload("short"),
            "type": "company",
            "country": "ID",
            "region": text("org-region"),
            "description": text("org-desc"),
            "sectors": ["energy"],
        },
        "organizations/globex.yml": {"name": text("globex"), "type": "company", "country": "KR"},
        "people/jane-doe.yml": {
            "name": payload("person"),
            "native_name": payload("person-native"),
            "positions": [{"title": text("position"), "organization": "acme"}],
            "description": text("person-desc"),
        },
        "events/2024/2024-01-05-visit.yml": {
            "type": "meeting",
            "date": "2024-01-05",
            "title": text("event-title"),
            "summary": text("event-summary"),
            "body": body("event-body"),
            "location": location,
            "organizations": [
                {"organization": "acme", "role": "host"},
                {"organization": "globex", "role": "delegation", "delegation_size": 3},
            ],
            "participants": [{"person": "jane-doe", "role": text("participant")}],
            "quotes": [{"person": "jane-doe", "text": text("quote")}],
            "sources": [
                {
                    "publisher": payload("publisher"),
                    "url": 'https://example.org/"><script>alert(1)</script>',
                    "language": "id",
                    "title": payload("source-title"),
                }
            ],
            "sectors": ["energy"],
            "agreements": ["acme-globex-mou"],
            "partnership": "acme-globex",
        },
        "agreements/2024/acme-globex-mou.yml": {
            "type": "mou",
            "title": text("agreement-title"),
            "summary": text("agreement-summary"),
            "body": body("agreement-body"),
            "status": [{"status": "signed", "date": "2024-01-05", "note": text("note")}],
            "parties": ["acme", "globex"],
            "signatories": [{"person": "jane-doe", "organization": "acme"}],
            "scope": [text("scope")],
            "location": location,
            "partnership": "acme-globex",
        },
        "partnerships/acme-globex.yml": {
            "type": "business",
            "title": text("partnership-title"),
            "summary": text("partnership-summary"),
            "body": body("partnership-body"),
            "parties": ["acme", "globex"],
            "since": 2020,
        },
    }


HOSTILE_CONFIG = f"""\
languages: [id, en]
default_language: id
required_languages: [id, en]
site_name: {json.dumps(text("site-name"))}
site_description: {json.dumps(text("site-description"))}
base_url: https://example.org/hostile/
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile project, built; returns its site folder."""
    records = {
        path: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
        for path, data in hostile_records().items()
    }
    project = write_project(tmp_path_factory.mktemp("hostile"), records, config=HOSTILE_CONFIG)
    shutil.copytree(TEMPLATES, project.templates)
    assert build_site(project) == 0
    return project.site_dir


class Inspector(HTMLParser):
    """Collects what would run: handler attributes, script-like URLs and script bodies."""

    SAFE_ATTRIBUTES: ClassVar[set[str]] = {
        "content",
        "title",
        "alt",
        "aria-label",
        "value",
        "placeholder",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.leaks: list[str] = []
        self.script: str | None = None
        self.json_ld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Flag handlers and links that carry a payload; remember script elements."""
        for name, value in attrs:
            value = value or ""
            if "XSS" in value and name not in self.SAFE_ATTRIBUTES and not name.startswith("data-"):
                self.leaks.append(f"<{tag} {name}={value[:80]!r}>")
            if name in ("href", "src") and value.strip().lower().startswith(
                ("javascript:", "vbscript:", "data:text")
            ):
                self.leaks.append(f"<{tag} {name}={value[:80]!r}>")
        if tag in ("iframe", "img") and any("evil" in (v or "") for _, v in attrs):
            self.leaks.append(f"<{tag}>")
        if tag == "script":
            self.script = dict(attrs).get("type") or "text/javascript"

    def handle_data(self, data: str) -> None:
        """Script bodies must not hold a payload; JSON-LD must stay valid JSON."""
        if self.script == "application/ld+json":
            self.json_ld.append(data)
        elif self.script is not None and "XSS" in data:
            self.leaks.append(f"script: {data[:80]!r}")

    def handle_endtag(self, tag: str) -> None:
        """Leave a script element."""
        if tag == "script":
            self.script = None


def test_hostile_text_is_inert_in_every_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    leaks = []
    for page in pages:
        html = page.read_text("utf-8")
        inspector = Inspector()
        inspector.feed(html)
        leaks += [f"{page.relative_to(hostile_site)}: {leak}" for leak in inspector.leaks]
        for data in inspector.json_ld:
            json.loads(data)  # a title cannot close the JSON-LD script or break its JSON
        assert str(SQUARE) not in html, f"{page}: record text was run as a template"
    assert leaks == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_hostile_text_is_shown_as_text(hostile_site: Path, lang: str) -> None:
    page = (hostile_site / lang / "events/2024/2024-01-05-visit/index.html").read_text("utf-8")
    assert '&lt;script&gt;alert("XSS-event-title")&lt;/script&gt;' in page  # the headline
    assert "{{ 1234*1111 }}" in page
    assert "XSS-event-body" in page and "w" * 20_000 in page  # the body's text survives


@pytest.mark.parametrize("lang", ["id", "en"])
def test_feeds_and_calendars_stay_well_formed(hostile_site: Path, lang: str) -> None:
    for name in ("feed.xml", "sitemap.xml"):
        ET.parse(hostile_site / lang / name)  # raises on a broken document
    # iCalendar text is plain text: the title arrives exactly as written, in one property.
    calendar = Calendar.from_ical((hostile_site / lang / "events.ics").read_bytes())
    [event] = calendar.walk("VEVENT")
    title = payload("event-title") + (" (id)" if lang == "id" else "")
    assert str(event["SUMMARY"]) == title
