"""The generators stay a pure core: importing them pulls in no web framework or database."""
import subprocess
import sys


def test_generators_import_without_flask_or_sqlalchemy():
    code = ("import sys, quizapp.generators as g; g.generate_questions; g.load_story; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'flask', 'sqlalchemy', 'flask_sqlalchemy', 'wtforms', 'flask_wtf'}); print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_import_linter_contract_is_kept():
    """The forbidden-imports contract in pyproject.toml, checked on the code as written."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    lint_imports = Path(sys.executable).with_name("lint-imports")  # installed by the [test] extra
    out = subprocess.run([str(lint_imports)], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 kept, 0 broken" in out.stdout
