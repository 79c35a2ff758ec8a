"""The README says how to serve on another port (issue 13), and the command it gives does: run as
written, with a free port in place of the README's, it serves the home page there."""
from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _port_command() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- port-command -->\s*```\n(.*?)\n```", readme, re.S)
    assert block, "the README has no command for serving on another port"
    return shlex.split(block.group(1))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_readme_command_serves_on_another_port(tmp_path):
    command = _port_command()
    assert command[-2:] == ["--port", "8080"], command
    port = _free_port()
    command = [str(ROOT / command[0]), *command[1:-1], str(port)]
    env = os.environ | {"QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance"),
                        "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite'}"}
    env.pop("SECRET_KEY", None)
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        page = None
        # First start: the seed story's questions are written before it serves.
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    page = answer.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, f"nothing served on port {port}: {server.poll()}"
        assert "Media-literacy quizzes" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert f"Open http://127.0.0.1:{port}/ in your browser." in output
    assert "1 published quiz." in output or "published quizzes." in output
