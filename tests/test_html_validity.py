"""The Nu HTML Checker (npm `vnu-jar`, run with Java) on one built page of each kind in both
languages, the root pages and a preview's draft page: no error may come from Warta's
templates. The errors Material itself causes are listed below, each with its reason.

`npm ci --ignore-scripts` (in .ci/run) installs vnu.jar from package.json. Without Java or
vnu.jar the tests skip on a developer's machine and fail in CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sites import ROOT, BuiltSite

VNU_JAR = Path(os.environ.get("WARTA_VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))

# One page of each kind, the same path in both languages.
PAGES = [
    "index.html",
    "404.html",
    "news/index.html",
    "archive/2023/index.html",
    "events/index.html",
    "events/2023/2023-11-03-icbc-henan-delegation-meeting/index.html",
    "agreements/index.html",
    "agreements/2023/icbc-henan-cooperation-mou/index.html",
    "organizations/index.html",
    "organizations/icbc/index.html",
    "people/index.html",
    "people/ali-husein/index.html",
    "partnerships/index.html",
    "partnerships/central-java-chungcheongbuk-do-sister-province/index.html",
    "sectors/index.html",
    "sectors/batteries/index.html",
    "countries/index.html",
    "countries/cn/index.html",
]
ROOT_PAGES = ["index.html", "404.html"]
DRAFT_PAGE = "events/2024/2024-03-01-secret-talks/index.html"


@dataclass(frozen=True)
class ThemeError:
    """An error Material's own templates cause, recognised by its message and markup."""

    message: str
    markup: str
    reason: str

    def matches(self, found: dict[str, Any]) -> bool:
        """True when a checker message is this error."""
        return found["message"] == self.message and self.markup in found.get("extract", "")


AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”."
)
THEME_ERRORS = [
    ThemeError(
        AUTOCOMPLETE,
        'data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"',
        "material/templates/base.html sets autocomplete=off on its hidden drawer checkbox "
        "so that browsers do not restore it open after going back; HTML allows the "
        "attribute only on text-like inputs.",
    ),
    ThemeError(
        AUTOCOMPLETE,
        'data-md-toggle="search" type="checkbox" id="__search" autocomplete="off"',
        "The same, on base.html's search checkbox (Material draws it even with search off).",
    ),
]


def vnu_command() -> list[str]:
    """`java -jar vnu.jar`, or skip outside CI (in CI a missing checker is a failure)."""
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-jar", str(VNU_JAR)]
    message = f"needs Java and {VNU_JAR} (run `npm ci --ignore-scripts`)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def check_html(files: list[Path]) -> list[dict[str, Any]]:
    """The checker's error messages for some files (it writes its JSON to stderr)."""
    command = [*vnu_command(), "--format", "json", "--errors-only", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    assert result.returncode == (1 if messages else 0), result.stderr
    return messages


def describe(message: dict[str, Any]) -> str:
    """One checker message as a line a developer can act on."""
    where = re.sub(r"^.*/site/", "", message.get("url", ""))
    return f"{where}:{message.get('lastLine')}: {message['message']} | {message.get('extract')}"


@pytest.fixture(scope="module")
def messages(seed_site: BuiltSite, edge_preview: Path) -> list[dict[str, Any]]:
    """The checker's errors on every page kind of the seed site and a preview draft page."""
    assert seed_site.exit_code == 0
    files = [seed_site.site_dir / lang / page for lang in ("id", "en") for page in PAGES]
    files += [seed_site.site_dir / page for page in ROOT_PAGES]
    files += [edge_preview / lang / DRAFT_PAGE for lang in ("id", "en")]
    assert all(file.is_file() for file in files), [f for f in files if not f.is_file()]
    return check_html(files)


@pytest.mark.slow
def test_no_page_kind_has_an_error_from_our_templates(messages: list[dict[str, Any]]) -> None:
    ours = [m for m in messages if not any(known.matches(m) for known in THEME_ERRORS)]
    assert ours == [], "\n".join(describe(m) for m in ours)


@pytest.mark.slow
def test_each_listed_theme_error_still_happens(messages: list[dict[str, Any]]) -> None:
    # A theme update that fixes one of them should take it off the list.
    stale = [known.reason for known in THEME_ERRORS if not any(known.matches(m) for m in messages)]
    assert stale == []


def test_the_checker_reports_broken_html(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        "<body><p><div></p></body></html>",
        "utf-8",
    )
    found = check_html([page])
    assert any("Unclosed element “div”" in m["message"] for m in found)
