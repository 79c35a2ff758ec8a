"""The generators stay a pure core: importing them pulls in no web framework or database. (The
import rules between modules are import-linter's contracts in pyproject.toml, which tests/run
checks before the suite.)"""
import subprocess
import sys


def test_generators_import_without_flask_or_sqlalchemy():
    code = ("import sys, quizapp.generators as g; g.generate_questions; g.load_story; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'flask', 'sqlalchemy', 'flask_sqlalchemy', 'wtforms', 'flask_wtf'}); print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

