"""The build lock: one build at a time, a second one waits or stops, a dead holder's lock
is taken over."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.pipeline import build_site
from generator.project import Project
from generator.publish.lock import LOCK_NAME, LockBusy, build_lock

WARTA = [sys.executable, "-m", "generator.cli"]


def test_a_second_holder_that_will_not_wait_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    with build_lock(tmp_path) as held:
        assert held.previous == ""
        with pytest.raises(LockBusy) as busy, build_lock(tmp_path, wait=False):
            pass
    assert busy.value.holder.startswith(f"process {os.getpid()} (since ")
    assert busy.value.path == tmp_path / LOCK_NAME
    with build_lock(tmp_path, wait=False) as again:  # released: free again, cleanly
        assert again.previous == ""


def test_the_lock_of_a_killed_holder_is_taken_over(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from generator.publish.lock import build_lock
        with build_lock(Path({str(tmp_path)!r})):
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    child = subprocess.run([sys.executable, "-c", script], check=False)
    assert child.returncode == -9
    with build_lock(tmp_path, wait=False) as held:
        assert held.previous.startswith("process ")
        assert str(os.getpid()) not in held.previous


def test_build_with_no_wait_stops_with_a_clear_message(tmp_path: Path) -> None:
    project = Project(tmp_path)
    with build_lock(project.build_dir):
        result = subprocess.run(
            [*WARTA, "build", "--no-wait"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert f"warta build: another build is running (process {os.getpid()} (since " in result.stderr
    assert "run again when it ends, or without --no-wait to wait for it" in result.stderr
    assert not project.site_dir.exists()


def test_a_waiting_build_says_whom_it_waits_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = Project(tmp_path)  # no site_config.yml: the build fails fast once it runs
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from generator.publish.lock import build_lock\n"
            f"with build_lock(Path({str(project.build_dir)!r})):\n"
            "    print('held', flush=True); time.sleep(1.5)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    assert build_site(project) == 1  # waited, then found no configuration
    holder.wait()
    err = capsys.readouterr().err
    assert f"warta build: waiting for the build in process {holder.pid} (since " in err
