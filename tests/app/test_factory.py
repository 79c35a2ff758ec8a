"""The factory reads its configuration from the instance folder and the environment."""
from pathlib import Path

from quizapp import create_app
from tests.databases import TEST_SECRET_KEY


def test_test_config_overrides_defaults(app):
    assert app.testing
    assert app.config["SECRET_KEY"] == TEST_SECRET_KEY  # the test's, not the instance folder's
    assert app.config["WTF_CSRF_TIME_LIMIT"] >= 2 * 60 * 60  # a long quiz still submits


def test_secret_key_is_generated_once_and_kept_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    first = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    instance = Path(first.instance_path)
    assert instance == tmp_path / "instance"
    key_file = instance / "secret_key"
    assert key_file.exists()
    assert first.config["SECRET_KEY"] == key_file.read_text().strip()
    assert len(first.config["SECRET_KEY"]) >= 32
    second = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]


def test_environment_sets_secret_and_database(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment, 32 bytes or more")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'other.sqlite'}")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment, 32 bytes or more"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'other.sqlite'}"


def test_default_database_is_a_file_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"SECRET_KEY": TEST_SECRET_KEY})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///" + str(tmp_path / "quizapp.sqlite")


def test_postgres_urls_use_psycopg3(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1/quiz")
    app = create_app({"SECRET_KEY": TEST_SECRET_KEY})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@127.0.0.1/quiz"


def test_pages_carry_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
