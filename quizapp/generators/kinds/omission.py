"""Omission: a name only one outlet mentions, or the one outlet that leaves out a name all the
others mention, proven by the carriers' sentences and by the absence of the name, in any
spelling, from the other outlets' whole text."""
from __future__ import annotations

from quizapp.generators.reading.details import Name, askable_name, may_mention, names_word
from quizapp.generators.model import Question, Story
from quizapp.generators.writing.outlets import (
    Outlet, Spread, distinctive_names, distractors, name_spread, names_list, outlet_question,
    story_outlets,
)

KIND = "omission"
SKILL = "omission"
MAX_QUESTIONS = 6
MAX_LEFT_OUT = 2


def _overlaps(name: Name, asked: list[Name]) -> bool:
    """Whether `name` shares a word with a name already asked ("Osei" after "Mara Osei")."""
    words = {w.lower() for w in name.parts}
    return any(words & {w.lower() for w in other.parts} for other in asked)


def _written(shown: str) -> str:
    """The words a passage must carry for a prompt naming `shown` ("the Lindvall school sports
    hall" is carried as "Lindvall school sports hall", whatever article comes before it)."""
    return shown[4:] if shown.startswith("the ") else shown


def _only_one_question(story: Story, name: Name, shown: str, spread: Spread) -> Question | None:
    (key,) = spread.carriers
    wrong = distractors(list(spread.lackers), name.text)
    prompt = f"Only one outlet mentions {shown}. Which one?"
    explanation = (f"Comparing outlets shows what each leaves out: only {key.name} mentions "
                   f"{shown}; {names_list([o.name for o in wrong])} never do.")
    return outlet_question(
        story, KIND, SKILL, prompt, keys=[key], wrong=wrong, evidence=list(spread.evidence),
        explanation=explanation, key_holds=lambda passage: names_word(passage, _written(shown)),
        wrong_holds=lambda outlet: not may_mention(outlet.text, name),
    )


def _left_out_question(story: Story, name: Name, shown: str, spread: Spread) -> Question | None:
    (key,) = spread.lackers
    wrong = distractors(list(spread.carriers), name.text)
    picked = {o.name for o in wrong}
    evidence = [e for e, o in zip(spread.evidence, spread.carriers) if o.name in picked]
    prompt = f"Which outlet does NOT mention {shown}?"
    explanation = (f"An omission only shows when outlets are compared: {names_list([o.name for o in wrong])} "
                   f"all mention {shown} (see their sentences), but {key.name} never does.")
    # Here the wrong choices carry the name and the keyed outlet lacks it, so the checks swap.
    return outlet_question(
        story, KIND, SKILL, prompt, keys=[key], wrong=wrong, evidence=evidence,
        explanation=explanation, key_holds=None,
        key_lacks=lambda outlet: not may_mention(outlet.text, name),
        wrong_holds=lambda outlet: any(names_word(e.text, _written(shown)) for e in evidence
                                       if e.article in {a.id for a in outlet.articles}),
    )


def _carrier(spread: Spread) -> Outlet:
    return spread.carriers[0]


def generate(story: Story) -> list[Question]:
    outlets = story_outlets(story)
    if len(outlets) < 2:
        return []
    names = sorted(distinctive_names(story, outlets), key=lambda n: -len(n.parts))  # fullest first
    # A publisher's own credit, a unit or date, or a fragment of a place's name is never asked.
    shown_as = {name.key: askable_name(story, name) for name in names}
    spreads = [(name, shown_as[name.key], name_spread(outlets, name)) for name in names
               if shown_as[name.key]]
    questions: list[Question] = []
    asked: list[Name] = []
    if len(outlets) >= 3:
        for name, shown, spread in spreads:
            if len(questions) >= MAX_LEFT_OUT:
                break
            if len(spread.lackers) == 1 and len(spread.carriers) == len(outlets) - 1 and not _overlaps(name, asked):
                question = _left_out_question(story, name, shown, spread)
                if question:
                    questions.append(question)
                    asked.append(name)
    # Names one outlet alone carries, taken one outlet at a time so the questions spread.
    singles: dict[str, list[tuple[Name, str, Spread]]] = {}
    for name, shown, spread in spreads:
        if len(spread.carriers) == 1 and len(spread.lackers) == len(outlets) - 1:
            singles.setdefault(_carrier(spread).name, []).append((name, shown, spread))
    order = [o.name for o in outlets if o.name in singles]
    depth = 0
    while len(questions) < MAX_QUESTIONS and any(depth < len(singles[o]) for o in order):
        for outlet_name in order:
            if depth < len(singles[outlet_name]) and len(questions) < MAX_QUESTIONS:
                name, shown, spread = singles[outlet_name][depth]
                if _overlaps(name, asked):
                    continue
                question = _only_one_question(story, name, shown, spread)
                if question:
                    questions.append(question)
                    asked.append(name)
        depth += 1
    return questions
