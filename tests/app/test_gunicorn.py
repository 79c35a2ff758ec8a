"""The production server: gunicorn started with the repository's gunicorn.conf.py serves the
site and its health check, logs each request to stdout and stops cleanly."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _wait_until_serving(server: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + 60  # a bound on a hung start, not a speed check
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited with {server.returncode}")
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer within a minute")


def test_gunicorn_serves_the_site_with_the_repository_config(empty_database_url, tmp_path):
    port = _free_port()
    env = os.environ | {
        "DATABASE_URL": empty_database_url,
        "QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "gunicorn-test-secret-0123456789abcdef",
        "QUIZAPP_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "QUIZAPP_THREADS": "2",
    }
    init = subprocess.run([sys.executable, "-m", "flask", "--app", "quizapp", "init-db"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr
    assert "Database ready" in init.stdout

    log_out, log_err = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with open(log_out, "w") as out, open(log_err, "w") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
            cwd=ROOT, env=env, stdout=out, stderr=err)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_serving(server, f"{base}/healthz")
            status, headers, body = _get(f"{base}/healthz")
            assert (status, body) == (200, "ok")
            assert "Set-Cookie" not in headers
            status, headers, body = _get(f"{base}/")
            assert status == 200
            assert headers["Content-Type"].startswith("text/html")
            assert "<h1>Media-literacy quizzes</h1>" in body
            assert 'name="csrf_token"' in body
            assert "Content-Security-Policy" in headers
        finally:
            server.send_signal(signal.SIGTERM)
            returncode = server.wait(timeout=60)
    assert returncode == 0, log_err.read_text()
    access_log = log_out.read_text()
    assert '"GET /healthz HTTP/1.1" 200' in access_log
    assert '"GET / HTTP/1.1" 200' in access_log
    errors = log_err.read_text()
    assert "Booting worker" in errors and "Traceback" not in errors
