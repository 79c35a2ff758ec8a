"""The application factory: reads like a table of contents of what the app is made of."""
from __future__ import annotations

import os

from flask import Flask

from quizapp import config, input_guard, routing


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        "quizapp",
        # Deployments may keep the database and secret outside the checkout.
        instance_path=os.environ.get("QUIZAPP_INSTANCE_PATH") or None,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    configure(app, test_config)
    trust_proxies(app)
    routing.init_app(app)
    input_guard.init_app(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_headers(app)
    register_template_filters(app)
    register_commands(app)
    register_template_filters(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    # Owner-only when quizapp makes it: it holds the database and the secret.
    os.makedirs(app.instance_path, mode=0o700, exist_ok=True)
    app.config.from_object(config.Config)
    app.config.from_pyfile("config.py", silent=True)
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_key(app.instance_path)
    config.check_secret(app.config["SECRET_KEY"], app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = config.database_url(app.instance_path)


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, the client's address and scheme are the ones
    their X-Forwarded-* headers carry (sign-in throttling counts failures per address)."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def register_extensions(app: Flask) -> None:
    from quizapp import database, quiz_versions
    from quizapp.auth import sessions
    from quizapp.extensions import csrf, db, migrate

    db.init_app(app)
    csrf.init_app(app)
    migrate.init_app(app, db)
    database.init_app(app)
    sessions.init_app(app)
    quiz_versions.init_app()


def register_blueprints(app: Flask) -> None:
    from quizapp.auth import bp as auth
    from quizapp.health import bp as health
    from quizapp.instructor import bp as instructor
    from quizapp.lti import bp as lti
    from quizapp.quiz import bp as quiz

    app.register_blueprint(quiz)
    app.register_blueprint(auth)
    app.register_blueprint(instructor)
    app.register_blueprint(health)
    app.register_blueprint(lti)


def register_errorhandlers(app: Flask) -> None:
    from quizapp import errors

    errors.init_app(app)


def register_headers(app: Flask) -> None:
    from quizapp import headers

    headers.init_app(app)


def register_template_filters(app: Flask) -> None:
    from quizapp import scoring

    # Scores with partial credit are fractions: pages write them as people do (2, 2.5, 1.67).
    app.add_template_filter(scoring.marks, "marks")
    # {% do %}: the answer templates gather a response's pairs into a lookup table.
    app.jinja_env.add_extension("jinja2.ext.do")

    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from quizapp import quiz_dates

    try:
        ZoneInfo(app.config["TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SystemExit(f"QUIZAPP_TIMEZONE must name a time zone such as Europe/Paris, not "
                         f"{app.config['TIMEZONE']!r}.") from error
    app.add_template_filter(quiz_dates.shown, "local_time")


def register_commands(app: Flask) -> None:
    from quizapp import cli

    cli.init_app(app)


def check_before_serving() -> None:
    """What a server checks once before it serves (gunicorn.conf.py's on_starting, `start`):
    the app can be made (a usable secret) and its database passes integrity_check. Each refusal
    is a SystemExit whose message says what to do."""
    from quizapp import database
    from quizapp.extensions import db

    app = create_app()
    with app.app_context():
        database.refuse_if_corrupt()
        db.engine.dispose()  # workers fork after this: they must not share its connections
