"""gunicorn settings for serving quizapp in production.

    .venv/bin/flask --app quizapp init-db      # tables first: workers never create them
    .venv/bin/gunicorn -c gunicorn.conf.py

Environment variables override the defaults: QUIZAPP_BIND (127.0.0.1:8000), WEB_CONCURRENCY
(worker processes; 2 per CPU core plus one), QUIZAPP_THREADS (threads per worker, 4),
QUIZAPP_TIMEOUT (seconds a request may take before its worker is restarted, 30) and
QUIZAPP_LOG_LEVEL (info). The app reads DATABASE_URL and SECRET_KEY as it always does.
"""
import multiprocessing
import os

wsgi_app = "quizapp:create_app()"

# Behind a reverse proxy on the same machine; set QUIZAPP_BIND=0.0.0.0:8000 to listen openly.
bind = os.environ.get("QUIZAPP_BIND", "127.0.0.1:8000")

# Processes use every core; threads let a worker serve other students while one request
# waits on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("QUIZAPP_THREADS", "4"))
# gunicorn's threaded worker, named so the setting holds whatever QUIZAPP_THREADS is.
worker_class = "gthread"

timeout = int(os.environ.get("QUIZAPP_TIMEOUT", "30"))
# On a restart or deploy, a request in flight (a quiz being submitted) gets this long to finish.
graceful_timeout = 30
keepalive = 5

# Access log to stdout, errors to stderr: the process manager (systemd, docker) keeps them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("QUIZAPP_LOG_LEVEL", "info")

# gunicorn's runtime control socket lives at one path per user; several servers on a machine
# (a site and a benchmark) would fight over it, and quizapp needs no runtime control.
control_socket_disable = True


def on_starting(server):
    """Before any worker starts: refuse to serve, with the reason, on an empty or short secret or
    a database that fails SQLite's integrity_check (a worker failing alone would be restarted
    over and over)."""
    from quizapp.factory import check_before_serving

    check_before_serving()
