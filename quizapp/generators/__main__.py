"""`python -m quizapp.generators STORY_DIR [--kinds a,b]`: load a story folder and print its
articles and generated questions as one JSON document."""
from __future__ import annotations

import argparse
import json
import sys

from quizapp.generators.model import Question, Story, StoryError


def story_document(story: Story, questions: list[Question]) -> dict:
    return {
        "story": {"slug": story.slug, "title": story.title},
        "articles": [
            {"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date, "url": a.url, "text": a.text}
            for a in story.articles
        ],
        "questions": [
            {
                "id": q.id, "type": q.type, "kind": q.kind, "skill": q.skill,
                "prompt": q.prompt, **_type_fields(q), "choices": list(q.choices), "answer": list(q.answer), "explanation": q.explanation,
                "evidence": [{"article": e.article, "text": e.text} for e in q.evidence],
                "confidence": round(q.confidence, 3), "reasons": list(q.reasons),
            }
            for q in questions
        ],
    }


def _type_fields(question: Question) -> dict:
    """What only a matching question carries: its left items and the proof of each pair."""
    if question.type != "matching":
        return {}
    return {"items": list(question.items),
            "item_evidence": [[{"article": e.article, "text": e.text} for e in proof]
                              for proof in question.item_evidence]}


def _share(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def main(argv: list[str] | None = None) -> int:
    from quizapp.generators import load_story
    from quizapp.generators.gate import REVIEW_BELOW
    from quizapp.generators.pipeline import KINDS, generate_questions

    parser = argparse.ArgumentParser(
        prog="python -m quizapp.generators",
        description="Write evidence-backed quiz questions for a story folder; print JSON.")
    parser.add_argument("story_dir", metavar="STORY_DIR", help="folder holding the story's articles")
    parser.add_argument("--kinds", metavar="a,b",
                        help=f"comma-separated question kinds (default: all of {', '.join(KINDS)})")
    parser.add_argument("--min-confidence", type=_share, default=0.0, metavar="C",
                        help="leave out questions whose confidence is below C (0 to 1; default 0: "
                             f"all; the web app approves only those of {REVIEW_BELOW} or more)")
    args = parser.parse_args(argv)
    kinds = None
    if args.kinds is not None:
        kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
        unknown = [k for k in kinds if k not in KINDS]
        if unknown or not kinds:
            parser.error(f"unknown kind(s): {', '.join(unknown) or '(none given)'}; "
                         f"known kinds: {', '.join(KINDS)}")
    try:
        story = load_story(args.story_dir)
    except StoryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    questions = generate_questions(story, kinds, min_confidence=args.min_confidence)
    json.dump(story_document(story, questions), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
