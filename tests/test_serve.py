"""`warta serve`: the local server, the source watcher and the debounced rebuild."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from sites import copy_seed_project, tree_hashes

from generator.commands.serve import (
    HOST,
    Debouncer,
    SourceWatcher,
    make_server,
    rebuild_preview,
    serve,
    watch_project,
)
from generator.diagnostics import Report
from generator.pipeline import build_site
from generator.preview_live import PreviewState
from generator.project import Project
from generator.records.load import ParseMemo, load_documents


def write(path: Path, text: str) -> None:
    """Write a file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A running preview server over a tiny site at /warta/."""
    site = tmp_path / "site"
    write(site / "index.html", "chooser")
    write(site / "404.html", "root not found")
    write(site / "id" / "index.html", "beranda")
    write(site / "id" / "404.html", "halaman tidak ditemukan")
    httpd = make_server(site, "/warta/", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield str(httpd.server_address[0]), int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


def get(address: tuple[str, int], path: str) -> tuple[int, str, str]:
    """Status, Location header and body of one GET."""
    conn = http.client.HTTPConnection(*address, timeout=5)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read().decode("utf-8")
    conn.close()
    return response.status, response.getheader("Location") or "", body


def test_the_server_listens_on_localhost_only(server: tuple[str, int]) -> None:
    assert server[0] == HOST == "127.0.0.1"


def test_the_site_is_served_under_its_base_path(server: tuple[str, int]) -> None:
    assert get(server, "/warta/")[::2] == (200, "chooser")
    assert get(server, "/warta/id/")[::2] == (200, "beranda")
    assert get(server, "/")[:2] == (302, "/warta/")


def test_missing_pages_get_the_site_404_in_their_language(server: tuple[str, int]) -> None:
    assert get(server, "/warta/id/nope/")[::2] == (404, "halaman tidak ditemukan")
    assert get(server, "/warta/nope/")[::2] == (404, "root not found")
    assert get(server, "/elsewhere/index.html")[::2] == (404, "root not found")


def test_a_burst_of_changes_rebuilds_once() -> None:
    calls: list[float] = []
    debounce = Debouncer(lambda: calls.append(time.monotonic()), delay=0.1)
    for _ in range(5):
        debounce()
        time.sleep(0.01)
    time.sleep(0.4)
    assert len(calls) == 1
    debounce()
    time.sleep(0.4)
    assert len(calls) == 2


class Event:
    """The parts of a watchdog event the watcher reads."""

    def __init__(self, event_type: str, src_path: str, dest_path: str = "") -> None:
        self.event_type, self.src_path, self.dest_path = event_type, src_path, dest_path
        self.is_directory = False


def test_only_source_changes_count(tmp_path: Path) -> None:
    project = Project(tmp_path)
    seen: list[int] = []
    watcher = SourceWatcher(project, lambda: seen.append(1))
    record = str(tmp_path / "content" / "people" / "a.yml")
    for event in (
        Event("modified", record),
        Event("created", str(tmp_path / "templates" / "pages" / "event.md.j2")),
        Event("modified", str(tmp_path / "site_config.yml")),
        Event("moved", str(tmp_path / "content" / ".a.yml.swp"), record),
    ):
        watcher.on_any_event(event)  # type: ignore[arg-type]
    assert len(seen) == 4
    for event in (
        Event("opened", record),  # the build itself reads the records
        Event("closed_no_write", record),
        Event("modified", str(tmp_path / "site" / "index.html")),
        Event("modified", str(tmp_path / "build" / "id" / "mkdocs.yml")),
        Event("created", str(tmp_path / "content" / "people" / ".#a.yml")),
        Event("modified", str(tmp_path / "content" / "people" / "a.yml~")),
    ):
        watcher.on_any_event(event)  # type: ignore[arg-type]
    assert len(seen) == 4


def test_the_watcher_sees_a_saved_record(tmp_path: Path) -> None:
    project = Project(tmp_path)
    write(project.config_file, "languages: [id]\n")
    (project.content / "people").mkdir(parents=True)
    project.templates.mkdir()
    changed = threading.Event()
    observer = watch_project(project, changed.set)
    try:
        time.sleep(0.2)
        write(project.content / "people" / "a.yml", "name: A\n")
        assert changed.wait(5)
    finally:
        observer.stop()
        observer.join()


def test_a_failed_rebuild_keeps_the_last_good_preview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_seed_project(tmp_path / "p")
    preview = tmp_path / "preview"
    write(preview / "index.html", "last good")
    before = tree_hashes(preview)
    config = project.config_file.read_text("utf-8")
    project.config_file.write_text(config.replace("default_language: id", "default_language: xx"))
    assert rebuild_preview(project, preview) == 1
    assert "still serving the last good site" in capsys.readouterr().err
    assert tree_hashes(preview) == before


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[tuple[str, int], PreviewState]]:
    """A preview server with live reload over a page with a body."""
    site = tmp_path / "site"
    write(site / "id" / "index.html", "<html><body><p>beranda</p></body></html>")
    state = PreviewState()
    httpd = make_server(site, "/warta/", 0, state)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield (str(httpd.server_address[0]), int(httpd.server_address[1])), state
    httpd.shutdown()
    httpd.server_close()


def head(address: tuple[str, int], path: str) -> tuple[int, str, bytes]:
    """Status, Content-Length and body of one HEAD."""
    conn = http.client.HTTPConnection(*address, timeout=5)
    conn.request("HEAD", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, response.getheader("Content-Length") or "", body


def test_head_requests_get_headers_only(server: tuple[str, int]) -> None:
    assert head(server, "/warta/id/") == (200, str(len("beranda")), b"")
    assert head(server, "/")[0] == 302
    assert head(server, "/warta/id/nope/")[::2] == (404, b"")


def test_pages_get_the_reload_script_and_status_follows_builds(
    live_server: tuple[tuple[str, int], PreviewState],
) -> None:
    address, state = live_server
    status, _, body = get(address, "/warta/id/")
    assert status == 200 and body.endswith(
        '<script src="/.warta/reload.js"></script></body></html>'
    )
    assert head(address, "/warta/id/")[1] == str(len(body.encode("utf-8")))
    assert "location.reload()" in get(address, "/.warta/reload.js")[2]
    assert json.loads(get(address, "/.warta/status")[2]) == {"build": 0, "error": ""}
    state.finished(False, "content/events/x.yml:3:1: error[E301] organization: unknown 'acme'")
    assert json.loads(get(address, "/.warta/status")[2])["error"].startswith("content/events/x")
    state.finished(True, "")
    assert json.loads(get(address, "/.warta/status")[2]) == {"build": 1, "error": ""}


def test_a_taken_port_is_reported_before_building(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_seed_project(tmp_path / "p")
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        assert serve(project, taken.getsockname()[1], tmp_path / "preview") == 1
    assert "cannot listen on" in capsys.readouterr().err
    assert not (tmp_path / "preview").exists() and not project.build_dir.exists()


def test_a_failed_rebuild_keeps_its_diagnostics_for_the_page(tmp_path: Path) -> None:
    project = copy_seed_project(tmp_path / "p")
    broken = project.content / "events" / "2023" / "2023-11-03-icbc-henan-delegation-meeting.yml"
    broken.write_text(
        broken.read_text("utf-8").replace("organization: icbc", "organization: icbx"), "utf-8"
    )
    state = PreviewState()
    assert rebuild_preview(project, tmp_path / "preview", state) == 1
    assert "E301" in json.loads(state.status())["error"]
    assert json.loads(state.status())["build"] == 0


def test_serve_starts_from_the_parses_the_last_preview_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_seed_project(tmp_path / "p")
    preview = project.build_dir / "preview"
    assert build_site(project, site_dir=preview / "site", work_dir=preview) == 0
    memos: list[ParseMemo] = []
    monkeypatch.setattr(
        "generator.commands.serve.rebuild_preview", lambda *args: memos.append(args[-1])
    )

    def interrupted(self: object, *args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ThreadingHTTPServer, "serve_forever", interrupted)
    assert serve(project, 0, preview / "site") == 0
    parsed: list[str] = []
    monkeypatch.setattr("generator.records.load.load_mapping", parsed.append)
    docs = load_documents(project.content, Report(), memos[0])
    assert docs and parsed == []  # every record's parse came from build/preview/memo/
