"""Diagnostics: user mistakes reported as `path:line:col: error[CODE] field: message (hint)`."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from rapidfuzz.distance import OSA


class Severity(StrEnum):
    """How serious a diagnostic is; errors make a run fail."""

    ERROR = "error"
    WARNING = "warning"


class Position(NamedTuple):
    """A 1-based line and column inside a file."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One user-facing problem, located at a file, line and column."""

    path: str
    position: Position
    code: str
    message: str
    field: str = ""
    hint: str = ""
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order diagnostics by file, line, column, then code."""
        return (self.path, self.position.line, self.position.column, self.code, self.field)

    def render(self) -> str:
        """The one-line text form."""
        where = f"{self.path}:{self.position.line}:{self.position.column}"
        field_part = f" {self.field}:" if self.field else ""
        hint_part = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.severity.value}[{self.code}]{field_part} {self.message}{hint_part}"

    def as_error(self) -> Diagnostic:
        """The same diagnostic, promoted to an error (for `--strict`)."""
        return Diagnostic(self.path, self.position, self.code, self.message, self.field, self.hint)


@dataclass
class Report:
    """Collects every diagnostic of a run instead of stopping at the first."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        path: str | Path,
        position: Position,
        code: str,
        message: str,
        *,
        field: str = "",
        hint: str = "",
    ) -> None:
        """Record one diagnostic; its severity comes from the code's letter."""
        severity = Severity.WARNING if code.startswith("W") else Severity.ERROR
        self.items.append(
            Diagnostic(display_path(path), position, code, message, field, hint, severity)
        )

    def extend(self, other: Report) -> None:
        """Take over every diagnostic of another report."""
        self.items.extend(other.items)

    def sorted(self) -> list[Diagnostic]:
        """All diagnostics, deduplicated and in a stable order."""
        return sorted(set(self.items), key=Diagnostic.sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the diagnostics that fail a run."""
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Only the diagnostics that do not fail a run."""
        return [d for d in self.items if d.severity is Severity.WARNING]

    def strict(self) -> Report:
        """A copy in which every warning is an error."""
        return Report([d.as_error() for d in self.items])


def display_path(path: str | Path) -> str:
    """A path relative to the working directory where possible, always with `/`."""
    p = Path(path)
    with contextlib.suppress(ValueError):
        # Resolve the folder only: a diagnostic about a symbolic link names the link.
        p = (p.parent.resolve() / p.name).relative_to(Path.cwd().resolve())
    return p.as_posix()


def suggest(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint for a near-typo of one of the choices, or an empty string.

    The same name in other case or with spaces for hyphens comes first; otherwise only a
    few typed letters may differ, so one person or organisation is never offered for
    another whose id merely shares a long part (`kim-kwan-young` is not `kim-young-hwan`).
    """
    names = sorted(set(choices))
    wanted = _normal(word)
    same = [name for name in names if _normal(name) == wanted]
    if same:
        return f"did you mean '{same[0]}'?"
    limit = 1 if len(wanted) <= 5 else 2 if len(wanted) <= 12 else 3
    scored = sorted((OSA.distance(wanted, _normal(name)), name) for name in names)
    if scored and scored[0][0] <= limit:
        return f"did you mean '{scored[0][1]}'?"
    shortened = [name for name in names if _token_prefix(wanted, _normal(name))]
    return f"did you mean '{shortened[0]}'?" if len(shortened) == 1 else ""


def _token_prefix(one: str, other: str) -> bool:
    """Whether one id is the other cut short at a hyphen (`acme-corp` and `acme`)."""
    short, long = sorted((one, other), key=len)
    return len(short) >= 4 and long.startswith(short + "-")


def _normal(name: str) -> str:
    return name.strip().casefold().replace(" ", "-").replace("_", "-")


def summary_line(report: Report, files: int) -> str:
    """The closing line of every run."""
    errors, warnings = len(report.errors), len(report.warnings)
    plural = "s" if files != 1 else ""
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {files} file{plural}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    """One line per diagnostic."""
    return "\n".join(d.render() for d in diagnostics)


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A JSON array, one object per diagnostic."""
    rows = [
        {
            "path": d.path,
            "line": d.position.line,
            "column": d.position.column,
            "severity": d.severity.value,
            "code": d.code,
            "field": d.field,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands that annotate the pull request."""
    lines = []
    for d in diagnostics:
        text = d.render().split(": ", 1)[1]
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        lines.append(
            f"::{d.severity.value} file={d.path},line={d.position.line},"
            f"col={d.position.column},title={d.code}::{text}"
        )
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def print_report(report: Report, files: int, fmt: str = "text") -> None:
    """Print every diagnostic in the chosen format, then the summary line."""
    diagnostics = report.sorted()
    if diagnostics or fmt == "json":
        print(FORMATTERS[fmt](diagnostics))
    summary = summary_line(report, files)
    print(summary, file=sys.stderr if fmt == "json" else sys.stdout)
