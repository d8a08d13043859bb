"""The preview's live reload: a build counter and the last failure, polled by a small script.

`warta serve` adds `<script src="/.warta/reload.js">` to every HTML page it serves (only
the preview; built sites never carry it). The script asks `/.warta/status` a few times a
second: when a rebuild has finished, the page reloads itself; while the last rebuild has
failed, its diagnostics are shown over the page.
"""

from __future__ import annotations

import io
import json
import threading
from typing import TextIO

STATUS_URL, SCRIPT_URL = "/.warta/status", "/.warta/reload.js"
SCRIPT_TAG = f'<script src="{SCRIPT_URL}"></script>'.encode()
SCRIPT = """(function () {
  var seen = null, box = null;
  function show(error) {
    if (!error) { if (box) { box.remove(); box = null; } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "warta-build-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;" +
        "background:rgba(20,0,0,.92);color:#fff;padding:1.5rem;font:14px/1.5 monospace";
      document.body.appendChild(box);
    }
    box.textContent = "warta serve: the last rebuild failed; showing the last good site " +
      "underneath.\\n\\n" + error;
    box.style.whiteSpace = "pre-wrap";
  }
  function poll() {
    fetch("/.warta/status", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen === null) seen = s.build;
        else if (s.build !== seen) { location.reload(); return; }
        show(s.error);
        setTimeout(poll, 250);
      }, function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


class PreviewState:
    """How many rebuilds have finished, and the output of the last one if it failed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.build = 0
        self.error = ""

    def finished(self, ok: bool, output: str) -> None:
        """Record a rebuild: a success bumps the counter, a failure keeps its output."""
        with self.lock:
            if ok:
                self.build += 1
                self.error = ""
            else:
                self.error = output.strip() or "the build failed"

    def status(self) -> bytes:
        """The JSON the reload script polls."""
        with self.lock:
            return json.dumps({"build": self.build, "error": self.error}).encode("utf-8")


def inject(html: bytes) -> bytes:
    """An HTML page with the reload script before its last `</body>` (unchanged without one)."""
    at = html.rfind(b"</body>")
    return html if at < 0 else html[:at] + SCRIPT_TAG + html[at:]


class Tee(io.TextIOBase):
    """A text stream writing to another stream and keeping a copy."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream, self.copy = stream, io.StringIO()

    def write(self, text: str) -> int:
        """Write to both."""
        self.stream.write(text)
        return self.copy.write(text)

    def flush(self) -> None:
        """Flush the real stream."""
        self.stream.flush()
