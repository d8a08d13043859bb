"""The two pages at the site root, outside every language: the language chooser and 404."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from generator.config import SiteConfig
from generator.publish.feeds import CALENDAR, FEED
from generator.render.pages import RenderedSite
from generator.sitebuild.mkdocs_config import language_name, site_base, ui_strings

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
{head}<style>
body{{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;
line-height:1.5;color:#222}}
ul{{list-style:none;padding:0}}li{{margin:.5rem 0}}a{{color:#3949ab;font-size:1.25rem}}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""

# Sends the reader to the first language they prefer that the site has. Readers without
# JavaScript see the list of links below it instead.
REDIRECT = """<script>
(function () {{
  var site = {site}, base = {base}, fallback = {fallback};
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {{
    var code = String(wanted[i] || "").toLowerCase().split("-")[0];
    if (site.indexOf(code) >= 0) {{ location.replace(base + code + "/"); return; }}
  }}
  location.replace(base + fallback + "/");
}})();
</script>
"""


def write_root_pages(site: RenderedSite, root: Path) -> None:
    """Write `index.html` and `404.html` at the root of the staged site."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text(render_root_index(site), "utf-8")
    (root / "404.html").write_text(render_root_404(site), "utf-8")


def render_root_index(site: RenderedSite) -> str:
    """The language chooser: a script picks the reader's language, links work without it."""
    config = site.config
    lang = config.default_language
    redirect = REDIRECT.format(
        site=script_value(list(config.languages)),
        base=script_value(config.base_path),
        fallback=script_value(lang),
    )
    heading = " · ".join(escape(config.name(other)) for other in config.languages)
    choose = " / ".join(
        escape(ui_strings(site, other)["choose_language"]) for other in config.languages
    )
    # With JavaScript the reader is on their way before this renders; without it the
    # prompt and the links are the page.
    body = f"<h1>{heading}</h1>\n<noscript><p>{choose}</p></noscript>\n{language_links(site)}"
    head = redirect + alternate_links(config) + feed_links(config)
    return PAGE.format(lang=lang, title=escape(config.name(lang)), head=head, body=body)


def script_value(value: object) -> str:
    """A JSON literal that cannot end the surrounding <script> element."""
    return json.dumps(value).replace("<", "\\u003c")


def alternate_links(config: SiteConfig) -> str:
    """hreflang links from the chooser to each language's home page."""
    base = site_base(config)
    return "".join(
        f'<link rel="alternate" hreflang="{other}" href="{escape(base)}{other}/">\n'
        for other in config.languages
    )


def feed_links(config: SiteConfig) -> str:
    """Each language's Atom feed and event calendar, so feed readers find them here too."""
    base = escape(site_base(config))
    links = []
    for other in config.languages:
        name = escape(config.name(other))
        links += [
            f'<link rel="alternate" type="application/atom+xml" hreflang="{other}" '
            f'href="{base}{other}/{FEED}" title="{name}">\n',
            f'<link rel="alternate" type="text/calendar" hreflang="{other}" '
            f'href="{base}{other}/{CALENDAR}" title="{name} (iCalendar)">\n',
        ]
    return "".join(links)


def render_root_404(site: RenderedSite) -> str:
    """A not-found page in every language, linking to each language's home page."""
    config = site.config
    parts = []
    for other in config.languages:
        strings = ui_strings(site, other)
        parts.append(
            f'<section lang="{other}">\n<h1>{escape(strings["not_found_title"])}</h1>\n'
            f"<p>{escape(strings['not_found_text'])}</p>\n</section>"
        )
    body = "\n".join(parts) + "\n" + language_links(site)
    title = " / ".join(
        escape(ui_strings(site, other)["not_found_title"]) for other in config.languages
    )
    head = feed_links(config)
    return PAGE.format(lang=config.default_language, title=title, head=head, body=body)


def language_links(site: RenderedSite) -> str:
    """A list with one link per language, to that language's home page."""
    config = site.config
    items = [
        f'<li><a href="{escape(config.base_path)}{other}/" hreflang="{other}" lang="{other}">'
        f"{escape(language_name(site, other))}</a></li>"
        for other in config.languages
    ]
    return "<ul>\n" + "\n".join(items) + "\n</ul>"
