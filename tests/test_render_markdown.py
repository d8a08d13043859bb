"""Markdown safety: record text is inert, bodies lose raw HTML, front matter stays valid."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from factories import minimal_records, page, render_project, write_project

from generator.render.markdown import (
    Md,
    escape_markdown,
    escape_paragraphs,
    finalize,
    render_front_matter,
    vet_body,
)

HOSTILE = "<script>alert(1)</script> *x* _y_ [z](javascript:alert(1)) `c` | a & b ~s~ ^t^"


def to_html(text: str) -> str:
    """Markdown as MkDocs would turn it into HTML (tables and attribute lists enabled)."""
    return str(markdown.markdown(text, extensions=["tables", "attr_list"]))


def test_escape_markdown_leaves_no_markup() -> None:
    html = to_html(escape_markdown(HOSTILE))
    for tag in ("<script", "<em", "<strong", "<a ", "<code", "<del", "<sub", "<sup"):
        assert tag not in html
    assert "&lt;script&gt;" in html
    assert "*x*" in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("=", "&#61;"),
        (": not a definition", "&#58; not a definition"),
        ("line\n\n    not code", "line not code"),
        ("Chungcheongbuk-do, 4.300 ha", "Chungcheongbuk-do, 4.300 ha"),
    ],
)
def test_escape_markdown_defuses_block_syntax(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_escape_paragraphs_keeps_paragraph_breaks() -> None:
    assert (
        escape_paragraphs("One *a*.\nstill one.\n\n# Two") == "One \\*a\\*. still one.\n\n\\# Two"
    )


def test_vet_body_keeps_markdown_but_not_html() -> None:
    body = (
        "Some **bold** and a [link](https://example.org).\n\n"
        "<script>alert(1)</script> <b onclick=x>hi</b>\n\n"
        "[bad](javascript:alert(1)) and <https://example.org/auto>\n\n"
        "Para {: onclick=alert(1) }\n\n"
        "`<kept in code>`\n"
    )
    html = to_html(vet_body(body))
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org">link</a>' in html
    assert "<script" not in html and "<b " not in html
    assert "javascript:" not in html
    assert 'href="https://example.org/auto"' in html
    assert not re.search(r"<[^>]*onclick", html)
    assert "<p>Para {: onclick=alert(1) }</p>" in html
    assert "<code>&lt;kept in code&gt;</code>" in html


def test_finalize_escapes_plain_text_and_passes_markdown() -> None:
    assert finalize("*x*") == "\\*x\\*"
    assert finalize(Md("*x*")) == "*x*"
    assert finalize(3) == "3"
    with pytest.raises(TypeError):
        finalize(None)


def test_front_matter_is_yaml_with_html_escaped_text() -> None:
    text = render_front_matter({"title": 'A "quoted" <b>title</b>: yes', "warta_translated": True})
    assert text.startswith("---\n") and text.endswith("---\n")
    meta = yaml.safe_load(text.strip("-\n"))
    assert meta == {
        "title": "A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;: yes",
        "warta_translated": True,
    }


@pytest.mark.parametrize(
    "value",
    [
        "line\u2028separator\u2029paragraph\x85next",
        "bom\ufeff del\x7f c1\x9f tab\t newline\n cr\r",
        'quote " backslash \\ colon: hash # dashes ---',
        "emoji \U0001f600 and accents: é, ñ",
        "{not: a mapping} [nor a list], *alias &anchor !tag %directive @at `tick`",
    ],
)
def test_front_matter_reads_back_exactly_in_yaml_and_mkdocs(value: str) -> None:
    """Every character survives: YAML line breaks and unprintables are escaped, not folded."""
    from mkdocs.utils.meta import get_data

    meta = {"warta_x": value, "warta_nested": [{"@type": "Thing", "name": value}], "n": 3}
    text = render_front_matter(meta)
    expected = {key: _html_escaped(v) for key, v in meta.items()}
    assert yaml.safe_load(text.strip("-\n")) == expected
    assert get_data(text + "\nbody\n") == ("body\n", expected)


def _html_escaped(value: object) -> object:
    if isinstance(value, str):
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
        )
    return value


def test_hostile_record_title_renders_escaped_everywhere(tmp_path: Path) -> None:
    records = minimal_records()
    records["events/2024/2024-01-05-acme-visit.yml"] = records[
        "events/2024/2024-01-05-acme-visit.yml"
    ].replace(
        "title: {id: Acme visit (id), en: Acme visit}",
        "title: {id: '<script>alert(1)</script> *x*', en: '<script>alert(1)</script> *x*'}",
    )
    site = render_project(write_project(tmp_path, records))
    event_page = page(site, "en", "events/2024/2024-01-05-acme-visit.md")
    assert "# &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\*" in event_page.markdown
    assert 'title: "&lt;script&gt;alert(1)&lt;/script&gt; *x*"' in event_page.markdown
    for listing in ("news/index.md", "organizations/acme.md", "index.md"):
        html = to_html(page(site, "en", listing).markdown)
        assert "<script" not in html and "<em>x</em>" not in html
        assert "&lt;script&gt;" in html


def test_vet_body_turns_a_body_h1_into_a_section_heading() -> None:
    body = vet_body("# Latar\n\nTeks.\n\n## Rincian\n\n`# not a heading`\n")
    assert body.startswith("## Latar\n")
    assert "\n## Rincian\n" in body
    assert "`# not a heading`" in body
