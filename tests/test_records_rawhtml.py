"""Raw HTML in Markdown bodies: sanitized to an allowlist by default, shown as text under
`raw_html: escape`, a diagnostic under `raw_html: forbid`."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from rules import build_case, check_lines, expected_lines, rule_cases

from generator.records.rawhtml import find_raw_html, sanitize_html
from generator.render.markdown import vet_body


@pytest.mark.parametrize("case", rule_cases("e6"))
def test_policy_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


def to_html(text: str) -> str:
    """Markdown as MkDocs turns it into HTML."""
    return str(markdown.markdown(text, extensions=["tables", "attr_list"]))


def test_sanitize_keeps_the_allowlist_and_drops_the_rest() -> None:
    body = (
        'A <b>bold</b> <em>claim</em> <a href="https://example.org" onclick="x()">site</a>\n'
        '<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe>\n'
        '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">js</a> <!-- note -->\n'
        '<div style="position:fixed">kept text</div> <svg><script>1</script></svg>'
    )
    html = to_html(vet_body(body))
    assert "<strong>" not in html and "<b>bold</b>" in html and "<em>claim</em>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html
    for gone in ("<script", "alert(1)", "<style", "<iframe", "<img", "onerror", "onclick"):
        assert gone not in html, gone
    for gone in ("javascript:", "<!--", "<div", "style=", "<svg"):
        assert gone not in html, gone
    assert "kept text" in html and "<a rel=" in html  # the js link keeps its text, not its href


def test_sanitize_leaves_markdown_intact() -> None:
    prose = "> a quote & more\n\nSee <https://example.org/a?b=1&c=2> or [x](https://e.org/?a&b)."
    assert sanitize_html(prose) == prose
    html = to_html(vet_body(prose))
    assert "<blockquote>" in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html


def test_an_escaped_tag_stays_text() -> None:
    html = to_html(vet_body("Write &lt;script&gt; or <scr<script>ipt>alert(1)</script>"))
    assert "<script" not in html
    assert "&lt;script" in html


def test_escape_policy_shows_every_tag_as_text() -> None:
    html = to_html(vet_body("Globex came <b>twice</b>", "escape"))
    assert "&lt;b&gt;twice&lt;/b&gt;" in html


def test_find_raw_html_ignores_code_and_autolinks() -> None:
    text = "`<b>` and\n```\n<div>\n```\n<https://x.org> a < b <i>x</i> <!-- c --> </I>"
    assert find_raw_html(text) == ["<i", "<!--"]
