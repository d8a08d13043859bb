"""`warta serve`: a local preview, with drafts, rebuilt whenever the sources change."""

from __future__ import annotations

import argparse
import io
import sys
import threading
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.diagnostics import Report
from generator.pipeline import build_site, memo_store
from generator.preview_live import (
    SCRIPT,
    SCRIPT_URL,
    STATUS_URL,
    PreviewState,
    Tee,
    inject,
)
from generator.progress import PlainProgress
from generator.project import Project, find_project
from generator.records.load import ParseMemo
from generator.records.validate import load_config

HOST = "127.0.0.1"  # a preview with drafts is for this machine only
CHANGES = {"created", "modified", "moved", "deleted"}  # not "opened": builds read files too
PREVIEW = "preview"  # build/preview/ holds the preview's docs trees and its site/


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta serve` to the command line."""
    parser = commands.add_parser(
        "serve",
        help="preview the site, drafts included, rebuilding on every change",
        description=f"Build the site with drafts shown and marked, serve it on "
        f"http://{HOST}:PORT/ and rebuild when content/, templates/ or site_config.yml "
        "change. A failed rebuild prints its diagnostics and keeps the last good site. "
        f"The preview goes to build/{PREVIEW}/site/, never to site/, so drafts cannot be "
        "published by mistake.",
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--site-dir",
        type=Path,
        metavar="DIR",
        help=f"where to build the preview (default build/{PREVIEW}/site/)",
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Build, then serve and rebuild until interrupted."""
    project = find_project(args.project)
    return serve(project, args.port, args.site_dir or project.build_dir / PREVIEW / "site")


def serve(project: Project, port: int, site_dir: Path) -> int:
    """Serve `site_dir` on localhost and keep it in step with the sources."""
    state = PreviewState()
    try:  # a taken port is reported before any building
        server = make_server(site_dir, base_path_of(project), port, state)
    except OSError as err:
        print(f"warta serve: cannot listen on {HOST}:{port}: {err}", file=sys.stderr)
        return 1
    # Parses are kept in memory between saves, starting from those the last preview stored.
    memo = ParseMemo(memo_store(project.build_dir / PREVIEW).open("parse"))
    rebuild = partial(rebuild_preview, project, site_dir, state, memo)
    rebuild()
    observer = watch_project(project, Debouncer(rebuild))
    host, bound = server.server_address[:2]
    print(f"serving http://{host!s}:{bound}{base_path_of(project)} (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        observer.stop()
        observer.join()
        server.server_close()
    return 0


def rebuild_preview(
    project: Project,
    site_dir: Path,
    state: PreviewState | None = None,
    memo: ParseMemo | None = None,
) -> int:
    """One preview build; a failure leaves the last good preview in place.

    Its output is kept, so that the open page can show the diagnostics of a failure. The
    `memo` keeps the parsed records in memory from one save to the next.
    """
    out, err = Tee(sys.stdout), Tee(sys.stderr)
    with redirect_stdout(out), redirect_stderr(err):
        # Docs trees and a cache of their own, so a `warta build` meanwhile does not clash.
        code = build_site(
            project,
            site_dir=site_dir,
            work_dir=project.build_dir / PREVIEW,
            include_drafts=True,
            progress=PlainProgress(sys.stderr),
            parse_memo=memo,
        )
    if code:
        print("warta serve: build failed; still serving the last good site", file=sys.stderr)
    if state is not None:
        state.finished(code == 0, diagnostics_of(out.copy.getvalue() + err.copy.getvalue()))
    return code


def diagnostics_of(output: str) -> str:
    """A build's output without its progress lines."""
    return "\n".join(line for line in output.splitlines() if not line.startswith("warta build: "))


def base_path_of(project: Project) -> str:
    """The site's base path from the configuration, `/` if it cannot be read."""
    config = load_config(project.root, Report())
    return config.base_path if config else "/"


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site under its base path, with the site's own 404 pages."""

    base_path = "/"
    state: PreviewState | None = None

    def do_GET(self) -> None:
        """Send `/` on to the base path, then serve files as usual."""
        if not self.answer_special():
            super().do_GET()

    def do_HEAD(self) -> None:
        """The same headers as GET, without the body."""
        if not self.answer_special():
            super().do_HEAD()

    def answer_special(self) -> bool:
        """Answer the redirect from `/` and the live-reload URLs; False for anything else."""
        url = urlsplit(self.path).path
        if url == "/" and self.base_path != "/":
            self.send_bytes(HTTPStatus.FOUND, b"", "text/plain", location=self.base_path)
        elif url == STATUS_URL and self.state is not None:
            self.send_bytes(HTTPStatus.OK, self.state.status(), "application/json")
        elif url == SCRIPT_URL and self.state is not None:
            self.send_bytes(HTTPStatus.OK, SCRIPT.encode("utf-8"), "text/javascript")
        else:
            return False
        return True

    def send_bytes(
        self, code: HTTPStatus, body: bytes, content_type: str, location: str = ""
    ) -> None:
        """A complete small response (headers only for HEAD), never cached."""
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self) -> Any:
        """HTML pages get the live-reload script; everything else is served as is."""
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if path.is_dir() else path
        slash_ok = not path.is_dir() or urlsplit(self.path).path.endswith("/")
        if self.state is None or page.suffix != ".html" or not page.is_file() or not slash_ok:
            return super().send_head()
        body = inject(page.read_bytes())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        """Map a URL under the base path to a file; anything else to nothing."""
        url = unquote(urlsplit(path).path)
        if not url.startswith(self.base_path):
            return str(Path(self.directory) / ".warta-outside-base-path")
        return super().translate_path("/" + url[len(self.base_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing page with the site's 404 page in the right language."""
        page = self.not_found_page() if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def not_found_page(self) -> Path | None:
        """The language's 404 page for a path inside a language, else the root one."""
        root = Path(self.directory)
        first = unquote(urlsplit(self.path).path).removeprefix(self.base_path).split("/")[0]
        candidates = [root / first / "404.html"] if first.isalpha() else []
        candidates.append(root / "404.html")
        return next((page for page in candidates if page.is_file()), None)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log only failed requests; a preview's successful ones are noise."""
        if str(code).isdigit() and int(code) >= 400:
            super().log_request(code, size)


def make_server(
    site_dir: Path, base_path: str, port: int, state: PreviewState | None = None
) -> ThreadingHTTPServer:
    """An HTTP server on localhost serving `site_dir` at `base_path`.

    With a `state`, HTML pages reload themselves after each rebuild (see preview_live.py).
    """
    handler = type("BoundSiteHandler", (SiteHandler,), {"base_path": base_path, "state": state})
    factory = partial(handler, directory=str(site_dir))
    return ThreadingHTTPServer((HOST, port), factory)


class Debouncer:
    """Runs an action once a burst of calls has been quiet for `delay` seconds."""

    def __init__(self, action: Callable[[], Any], delay: float = 0.1) -> None:
        self.action, self.delay = action, delay
        self.lock = threading.Lock()
        self.running = threading.Lock()  # a rebuild never overlaps another
        self.timer: threading.Timer | None = None

    def __call__(self) -> None:
        """Note a change; the action runs after the last of a burst."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self.fire)
            self.timer.daemon = True
            self.timer.start()

    def fire(self) -> None:
        """Run the action, one at a time."""
        with self.running:
            self.action()


class SourceWatcher(FileSystemEventHandler):
    """Calls back on changes to the project's sources, ignoring everything else."""

    def __init__(self, project: Project, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.project, self.on_change = project, on_change

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Forward a relevant change."""
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if event.event_type in CHANGES and any(self.is_source(p) for p in paths if p):
            self.on_change()

    def is_source(self, raw: str | bytes) -> bool:
        """True for site_config.yml and files under content/ or templates/."""
        path = Path(raw.decode() if isinstance(raw, bytes) else raw)
        if path.name.startswith(".") or path.name.endswith(("~", ".swp", ".tmp")):
            return False  # editors' backup and lock files
        if path == self.project.config_file.resolve():
            return True
        return any(
            path.is_relative_to(folder.resolve())
            for folder in (self.project.content, self.project.templates)
        )


def watch_project(project: Project, on_change: Callable[[], None]) -> Any:
    """Start watching the project's sources; returns the running observer."""
    handler = SourceWatcher(project, on_change)
    observer = Observer()
    observer.schedule(handler, str(project.root), recursive=False)
    for folder in (project.content, project.templates):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    return observer
