"""`python -m quizapp.generators STORY_DIR`: one JSON document on stdout, or a message and
exit status 2."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.generators.corpus import ROOT, STORIES

BRIDGE = STORIES / "bridge-closure"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quizapp.generators", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_prints_the_story_its_articles_and_questions():
    result = run(str(BRIDGE))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"story", "articles", "questions"}
    assert document["story"] == {"slug": "bridge-closure", "title": document["story"]["title"]}
    articles = {a["id"]: a for a in document["articles"]}
    assert set(articles) == {"01-riverside-chronicle", "02-metro-wire", "03-valley-observer", "04-greenport-notes"}
    assert articles["02-metro-wire"]["outlet"] == "Metro Daily Wire"
    assert set(articles["02-metro-wire"]) == {"id", "outlet", "title", "date", "url", "text"}
    assert document["questions"]
    for question in document["questions"]:
        assert set(question) - {"items", "item_evidence"} == {
            "id", "type", "kind", "skill", "prompt", "choices", "answer", "explanation", "evidence",
            "confidence", "reasons"}
        assert question["type"] == ("multiple" if len(question["answer"]) > 1 else "single")
        assert 0 <= question["confidence"] <= 1
        assert all(0 <= i < len(question["choices"]) for i in question["answer"])
        for evidence in question["evidence"]:
            assert evidence["text"] in articles[evidence["article"]]["text"]


def test_kinds_option_limits_the_questions():
    result = run(str(BRIDGE), "--kinds", "label_attribution,name_spelling")
    assert result.returncode == 0, result.stderr
    kinds = {q["kind"] for q in json.loads(result.stdout)["questions"]}
    assert kinds == {"label_attribution", "name_spelling"}


def test_missing_folder_is_a_message_and_status_2():
    result = run(str(STORIES / "no-such-story"))
    assert result.returncode == 2
    assert "no-such-story" in result.stderr
    assert result.stdout == ""


def test_unknown_kind_is_a_usage_error():
    result = run(str(BRIDGE), "--kinds", "astrology")
    assert result.returncode == 2
    assert "astrology" in result.stderr and "quote_attribution" in result.stderr


def test_no_arguments_prints_usage():
    result = run()
    assert result.returncode == 2
    assert "usage" in result.stderr.lower()


def test_the_same_story_gets_the_same_quiz_in_every_process():
    # Python salts string hashes per process: a choice made by iterating a set would change a
    # class's quiz from one run (or one web worker) to the next. A story whose counts of
    # marchers tie one noun against another once did.
    story = str(STORIES / "unseen-port-strike")
    printed = set()
    for seed in ("0", "1", "2"):
        result = subprocess.run([sys.executable, "-m", "quizapp.generators", story], cwd=ROOT,
                                capture_output=True, text=True, timeout=120,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        printed.add(result.stdout)
    assert len(printed) == 1
