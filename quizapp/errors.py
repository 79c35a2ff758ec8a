"""Error pages a student can read; no exception trace ever reaches the browser."""
from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from quizapp.extensions import db

MESSAGES = {
    400: "The request could not be understood.",
    403: "You are not allowed to see this page.",
    404: "There is no page at this address.",
    405: "This page cannot be used that way.",
    413: ("What you sent is too large (8 MB at most in one go). Send fewer or smaller files: "
          "save only the article's page or text."),
}


def _http_error(error: HTTPException):
    # A page that said why (abort(404, description=...)) keeps its own words.
    custom = error.description != type(error).description
    message = error.description if custom else MESSAGES.get(error.code, error.description)
    return render_template("errors/error.html", code=error.code, message=message), error.code


def _csrf_error(error: CSRFError):
    message = ("Your form had expired or was missing its security token. "
               "Go back, reload the page and send it again.")
    return render_template("errors/error.html", code=400, message=message), 400


def _server_error(_error):
    # The failed request may have left the session mid-transaction.
    db.session.rollback()
    message = "Something went wrong on our side. Nothing was changed; please try again."
    return render_template("errors/error.html", code=500, message=message), 500


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
