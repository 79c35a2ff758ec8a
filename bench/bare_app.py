"""The baseline bench/load.py measures quizapp against: a Flask route that only returns a short
string, served by gunicorn with the same configuration, so the ratio shows what quizapp's own
work (templates, forms, the database) costs, whatever the machine."""
from __future__ import annotations

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello"
