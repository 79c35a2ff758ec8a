"""bench/quality.py keeps a blind round's grades beside each story: merged once, stamped with the
round, never over an earlier grade; and the table for one round counts that round alone."""
from __future__ import annotations

import json
import shutil

from bench import quality
from tests.generators.corpus import SEED


def test_a_round_is_merged_once_stamped_and_counted_alone(tmp_path, monkeypatch, capsys):
    story = tmp_path / "seeds" / SEED.name
    shutil.copytree(SEED, story)
    monkeypatch.setattr(quality, "CORPORA", (tmp_path / "seeds",))
    before = quality.read_grades(story)
    graded = next(iter(before))
    new = {"0123456789abcdef": {"kind": "numbers", "key_ok": True, "distractors_ok": True,
                                "evidence_ok": True, "class_use": "N", "reasons": ["trivia"]},
           graded: {"key_ok": False}}
    (tmp_path / "round").mkdir()
    (tmp_path / "round" / f"{SEED.name}.json").write_text(json.dumps({"grades": new}))

    assert quality.main(["--merge", str(tmp_path / "round"), "--round", "H9"]) == 0
    after = quality.read_grades(story)
    assert after[graded] == before[graded]  # an earlier grade stands
    assert after["0123456789abcdef"]["round"] == "H9" and len(after) == len(before) + 1
    assert "1 grade(s) of round H9 added" in capsys.readouterr().out

    # Merged again, nothing changes; the H9 table counts no question the generators write now.
    quality.main(["--merge", str(tmp_path / "round"), "--round", "H9"])
    assert quality.read_grades(story) == after
    assert "0 grade(s) of round H9 added" in capsys.readouterr().out
    quality.main(["--round", "H9"])
    table = capsys.readouterr().out
    row = next(line for line in table.splitlines() if line.startswith(SEED.name))
    assert row.split()[1:4] == ["0", "0", "0"] and "0 question(s) not graded yet" in table
