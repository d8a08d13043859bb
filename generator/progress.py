"""Progress of a build: a live display on a terminal, plain lines everywhere else."""

from __future__ import annotations

import sys
import threading
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from generator.search.pagefind import LanguageIndex
from generator.sitebuild.mkdocs import LanguageBuild


class BuildProgress(Protocol):
    """What the build command reports while it works."""

    def stage(self, name: str) -> None:
        """A pipeline stage begins."""

    def language_started(self, lang: str) -> None:
        """One language's MkDocs build begins."""

    def language_done(self, result: LanguageBuild) -> None:
        """One language's MkDocs build ended."""

    def index_done(self, result: LanguageIndex) -> None:
        """One language's search index is written (or failed)."""

    def close(self) -> None:
        """The build is over, successfully or not."""


class SilentProgress:
    """Reports nothing (tests, and callers with their own output)."""

    def stage(self, name: str) -> None:
        """Ignore the stage."""

    def language_started(self, lang: str) -> None:
        """Ignore the start."""

    def language_done(self, result: LanguageBuild) -> None:
        """Ignore the result."""

    def index_done(self, result: LanguageIndex) -> None:
        """Ignore the index."""

    def close(self) -> None:
        """Nothing to close."""


class PlainProgress:
    """One line per event, for logs and pipes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()  # languages finish on worker threads

    def say(self, text: str) -> None:
        """Write one whole line."""
        with self.lock:
            print(f"warta build: {text}", file=self.stream, flush=True)

    def stage(self, name: str) -> None:
        """Announce a stage."""
        self.say(name)

    def language_started(self, lang: str) -> None:
        """Announce a language's build."""
        self.say(f"{lang}: building")

    def language_done(self, result: LanguageBuild) -> None:
        """Report a language's outcome and time."""
        state = "built" if result.ok else "FAILED"
        self.say(
            f"{result.lang}: {state} in {result.seconds:.1f} s, {len(result.warnings)} warning(s)"
        )

    def index_done(self, result: LanguageIndex) -> None:
        """Report a language's search index: pages and time."""
        state = f"indexed {result.pages} page(s)" if result.ok else "indexing FAILED"
        self.say(f"{result.lang}: {state} in {result.seconds:.1f} s")

    def close(self) -> None:
        """Nothing to close."""


class RichProgress:
    """A live display: one bar for the stages, one spinner per language."""

    STAGES = ("check", "render", "write", "mkdocs", "search", "publish")

    def __init__(self, console: Console) -> None:
        self.display = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        )
        self.overall = self.display.add_task("warta build", total=len(self.STAGES))
        self.languages: dict[str, TaskID] = {}
        self.display.start()

    def stage(self, name: str) -> None:
        """Advance the stage bar to a stage."""
        done = self.STAGES.index(name) if name in self.STAGES else len(self.STAGES)
        self.display.update(self.overall, completed=done, description=f"warta build: {name}")

    def language_started(self, lang: str) -> None:
        """Add a spinner for a language."""
        self.languages[lang] = self.display.add_task(f"  mkdocs {lang}", total=1)

    def language_done(self, result: LanguageBuild) -> None:
        """Complete a language's line, marking failures."""
        state = "[green]built[/]" if result.ok else "[red]failed[/]"
        self.display.update(
            self.languages[result.lang], completed=1, description=f"  mkdocs {result.lang}: {state}"
        )

    def index_done(self, result: LanguageIndex) -> None:
        """Add a finished line for a language's search index."""
        state = f"[green]{result.pages} page(s)[/]" if result.ok else "[red]failed[/]"
        self.display.add_task(f"  pagefind {result.lang}: {state}", total=1, completed=1)

    def close(self) -> None:
        """Stop the live display, leaving its last frame on screen."""
        self.display.stop()


def make_progress(stream: TextIO | None = None) -> BuildProgress:
    """A live display when the stream is a terminal, plain lines otherwise."""
    stream = stream or sys.stderr
    if stream.isatty():
        return RichProgress(Console(file=stream))
    return PlainProgress(stream)
