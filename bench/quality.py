"""How good the generated questions are, by the grades a reader who never saw the generator code
gave them (../shared/GRADING.md): per story and per kind, questions, right keys %, usable as is
%, usable after a light edit %, and the questions still ungraded.

The figures are for the questions that reach a class without a person reading them first: those
whose confidence is at least gate.REVIEW_BELOW (`setup` and `generate --approve` approve only
those). The questions below it go to the review queue marked as unsure; they are counted apart.

    .venv/bin/python bench/quality.py                 # the table, for every graded corpus
    .venv/bin/python bench/quality.py --markdown      # the same as a Markdown table (README)
    .venv/bin/python bench/quality.py --packets DIR   # ungraded questions, one JSON per story,
                                                      # for the next grading round
    .venv/bin/python bench/quality.py --merge DIR --round H5  # a round's grades, DIR/<story>.json
                                                      # as {"grades": {fingerprint: grade}}, kept
                                                      # beside each story with the round's name
    .venv/bin/python bench/quality.py --round H5      # the table for that round's grades alone

Grades live beside each story in `grades.json`, keyed by the question's fingerprint (kind,
prompt, choices and key), so a changed question is graded afresh and an unchanged one keeps
its grade.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.generators import generate_questions, load_story  # noqa: E402
from quizapp.generators.gate import REVIEW_BELOW  # noqa: E402
from quizapp.generators.model import Question, Story  # noqa: E402

# The corpora graded: the real pages the generators were tuned on, real pages of events held out
# until the generators were written (graded before any fix they prompt, then kept), and the seed
# story every new user sees first.
REAL = ROOT / "tests" / "stories" / "real"
HELD_OUT = ROOT / "bench" / "heldout"
CORPORA = (REAL, HELD_OUT, ROOT / "seeds")
GRADES = "grades.json"


def story_folders() -> list[Path]:
    found = []
    for corpus in CORPORA:
        if (corpus / "story.toml").exists():
            found.append(corpus)
        elif corpus.is_dir():
            found.extend(sorted(p for p in corpus.iterdir() if p.is_dir()))
    return found


def read_grades(folder: Path) -> dict[str, dict]:
    path = folder / GRADES
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("grades", {})


def right_key(grade: dict) -> bool:
    return bool(grade.get("key_ok")) and bool(grade.get("distractors_ok"))


@dataclass
class Tally:
    questions: int = 0
    graded: int = 0
    right: int = 0
    usable: int = 0  # Y
    editable: int = 0  # Y or E
    kinds: set[str] = field(default_factory=set)

    def add(self, question: Question, grade: dict | None) -> None:
        self.questions += 1
        self.kinds.add(question.kind)
        if grade is None:
            return
        self.graded += 1
        self.right += right_key(grade)
        self.usable += grade.get("class_use") == "Y"
        self.editable += grade.get("class_use") in ("Y", "E")

    def share(self, part: int) -> str:
        return f"{100 * part / self.graded:.0f} %" if self.graded else "–"


@dataclass
class Totals:
    """The tallies across stories: the real corpus (and by kind), its review queue, the held-out
    corpus, and every corpus by item type."""

    real: Tally = field(default_factory=Tally)
    held_out: Tally = field(default_factory=Tally)
    unsure: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    ungraded: int = 0

    def add_story(self, folder: Path, questions: list[Question], grades: dict) -> Tally:
        tally = Tally()
        for question in questions:
            grade = grades.get(question.fingerprint)
            self.ungraded += grade is None
            if question.confidence < REVIEW_BELOW:
                if folder.parent == REAL:
                    self.unsure.add(question, grade)
                continue
            tally.add(question, grade)
            self.by_type[question.type].add(question, grade)
            if folder.parent == REAL:
                self.real.add(question, grade)
                self.by_kind[question.kind].add(question, grade)
            elif folder.parent == HELD_OUT:
                self.held_out.add(question, grade)
        return tally


def packet(story: Story, questions: list[Question], grades: dict) -> dict:
    """What a grader reads: every ungraded question with its key spelled out and its evidence
    named by outlet; the articles themselves are the files of the story's folder."""
    outlets = {a.id: a.outlet or a.id for a in story.articles}
    return {
        "story": story.slug,
        "articles": {a.id: {"outlet": a.outlet, "file": a.filename} for a in story.articles},
        "questions": [
            {"fingerprint": q.fingerprint, "kind": q.kind, "prompt": q.prompt,
             "type": q.type, **({"items": list(q.items)} if q.items else {}),
             "choices": list(q.choices), "key": _key(q),
             "explanation": q.explanation,
             "evidence": [{"article": e.article, "outlet": outlets.get(e.article, e.article),
                           "text": e.text} for e in q.evidence]}
            for q in questions if q.fingerprint not in grades
        ],
    }


def _key(question: Question) -> list[str]:
    """The key as a grader reads it: the right choices; for matching each pair written
    "item → choice"; for ordering the choices in their right order; for find-the-evidence the
    sentences that prove the claim."""
    if question.type == "matching":
        return [f"{item} → {question.choices[i]}"
                for item, i in zip(question.items, question.answer, strict=True)]
    return [question.choices[i] for i in question.answer]


def merge_round(folder: Path, found: dict[str, dict], round_name: str) -> int:
    """Add a round's grades to a story's grades.json; a question graded before keeps its grade
    (a round grades only what the packets held). Returns how many were added."""
    path = folder / GRADES
    document = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
        "rubric": "shared/GRADING.md"}
    grades = document.setdefault("grades", {})
    added = 0
    for fingerprint, grade in found.items():
        if fingerprint not in grades:
            grades[fingerprint] = grade | {"round": round_name}
            added += 1
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return added


def _merge(directory: Path, round_name: str) -> int:
    folders = {folder.name: folder for folder in story_folders()}
    for path in sorted(directory.glob("*.json")):
        found = json.loads(path.read_text(encoding="utf-8")).get("grades", {})
        if found and path.stem in folders:
            added = merge_round(folders[path.stem], found, round_name)
            print(f"{path.stem}: {added} grade(s) of round {round_name} added")
        elif found:
            print(f"{path.stem}: no story of that name; left out", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--packets", type=Path, metavar="DIR",
                        help="write the ungraded questions of each story to DIR/<story>.json")
    parser.add_argument("--merge", type=Path, metavar="DIR",
                        help="add the grades in DIR/<story>.json to each story (with --round)")
    parser.add_argument("--round", metavar="NAME",
                        help="the round's name: stamped on merged grades, or the only grades "
                             "counted in the table")
    args = parser.parse_args(argv)
    if args.merge:
        if not args.round:
            parser.error("--merge needs --round NAME")
        return _merge(args.merge, args.round)
    totals = Totals()
    rows: list[tuple[str, Tally]] = []
    for folder in story_folders():
        story = load_story(folder)
        questions = generate_questions(story)
        grades = read_grades(folder)
        if args.round:  # that round's grades alone, of the questions still written as graded
            grades = {f: g for f, g in grades.items() if g.get("round") == args.round}
            questions = [q for q in questions if q.fingerprint in grades]
        rows.append((story.slug, totals.add_story(folder, questions, grades)))
        if args.packets:
            args.packets.mkdir(parents=True, exist_ok=True)
            (args.packets / f"{story.slug}.json").write_text(
                json.dumps(packet(story, questions, grades) | {"folder": str(folder)},
                           ensure_ascii=False, indent=2), encoding="utf-8")
    real, held_out, unsure, ungraded = (totals.real, totals.held_out, totals.unsure,
                                        totals.ungraded)
    by_kind, by_type = totals.by_kind, totals.by_type
    rows.append(("all real stories", real))
    rows.extend((f"  kind: {kind}", tally) for kind, tally in sorted(by_kind.items()))
    rows.append((f"real, below {REVIEW_BELOW} (review queue)", unsure))
    if held_out.questions:
        rows.append(("all held-out stories", held_out))
    rows.extend((f"type: {name} (every corpus)", tally) for name, tally in sorted(by_type.items()))
    header = ("story", "questions", "kinds", "graded", "right keys", "usable as is",
              "usable after edit")
    lines = [(name, str(t.questions), str(len(t.kinds)), str(t.graded), t.share(t.right),
              t.share(t.usable), t.share(t.editable)) for name, t in rows]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(row[i]) for row in (header, *lines)) for i in range(len(header))]
        for row in (header, *lines):
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"\n{ungraded} question(s) not graded yet"
          + (f"; packets written to {args.packets}" if args.packets else
             " (write packets for the next grading round with --packets DIR)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
