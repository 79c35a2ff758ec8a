"""Cross-checking: which outlets report a given figure or name, keyed to every outlet whose text
carries it, with outlets that never mention it as the wrong choices."""
from __future__ import annotations

from typing import Callable

from quizapp.generators.reading.details import (
    Figure, Name, askable_name, carries_number, count_in, counted_words, figures, may_mention,
    is_measure, names_word, words_amount_of,
)
from quizapp.generators.model import Question, Story
from quizapp.generators.writing.outlets import (
    Outlet, Spread, choose_all, distinctive_names, distractors, figure_spread, name_spread,
    names_list, outlet_question, story_outlets, which_outlets,
)
from quizapp.generators.reading.text import fold

KIND = "outlet_detail"
SKILL = "cross-checking"
MAX_QUESTIONS = 8
MAX_NAME_QUESTIONS = 2


def story_figures(story: Story, outlets: tuple[Outlet, ...]) -> list[Figure]:
    """Each count the story's named outlets give (number and noun), once, in story order."""
    named = {article.id for outlet in outlets for article in outlet.articles}
    seen, found = set(), []
    for article in story.articles:
        if article.id not in named:
            continue
        for figure in figures(article):
            key = (figure.value, figure.scale, figure.noun_key)
            if key not in seen:
                seen.add(key)
                found.append(figure)
    return found


def _as_printed(spread: Spread, figure: Figure) -> list[str] | None:
    """Each keyed outlet's count as its evidence prints it, qualifier kept ("more than 30 lorries")
    and, for a noun that says nothing ("400 people", "40 per cent"), the words saying what it
    counts ("40 per cent contained"); None when one of them has no such words."""
    printed = []
    for passage in spread.evidence:
        found = count_in(passage.text, figure)
        if found is None:
            return None
        what = counted_words(passage.text, found)
        if what is None:
            return None
        printed.append(f"{found.qualified} {what}".strip())
    return printed


def _bare(spread: Spread, figure: Figure) -> str | None:
    """The figure without qualifier, with the words saying what it counts that every keyed
    outlet prints after it (the longest shared run), or None when they share none it needs."""
    runs = []
    for passage in spread.evidence:
        found = count_in(passage.text, figure)
        what = counted_words(passage.text, found) if found is not None else None
        if what is None:
            return None
        runs.append(what.split())
    shared = []
    for words in zip(*runs):
        if len({fold(w) for w in words}) != 1:
            break
        shared.append(words[0])
    while shared and counted_words(" ".join([figure.short, *shared]) + ".", figure) is None:
        shared.pop()
    if any(runs) and not shared:
        return None
    return " ".join([figure.short, *shared])


def _carriers_question(story: Story, spread: Spread, wrong: list[Outlet], prompt: str,
                       explanation: str, key_holds: Callable[[str], bool],
                       wrong_holds: Callable[[Outlet], bool]) -> Question | None:
    """Keyed to every outlet carrying the detail, each proven by its passage."""
    return outlet_question(story, KIND, SKILL, prompt, keys=list(spread.carriers), wrong=wrong,
                           evidence=list(spread.evidence), explanation=explanation,
                           key_holds=key_holds, wrong_holds=wrong_holds)


def _figure_question(story: Story, figure: Figure, spread: Spread) -> Question | None:
    keys = list(spread.carriers)
    wrong = distractors([o for o in spread.lackers if _lacks_figure(o, figure)], figure.short)
    if not wrong:
        return None
    printed = _as_printed(spread, figure)
    if printed is None:
        return None  # "40 per cent" of what? No outlet says in a few clean words.
    # "more than 30 lorries" is not "30 lorries": keep the qualifier the keyed outlets print; when
    # they print different ones ("48" and "at least 48"), ask about the bare figure they share.
    alike = len({fold(p) for p in printed}) == 1
    shown = printed[0] if alike else _bare(spread, figure)
    if shown is None:
        return None
    prompt = f"{which_outlets(len(keys))} reported {shown}?{choose_all(len(keys))}"
    if alike:
        given = f"{names_list([o.name for o in keys])} {'gives' if len(keys) == 1 else 'give'} {shown}"
    else:
        given = "; ".join(f"{o.name} gives {p}" for o, p in zip(keys, printed))
    explanation = (f"Cross-check figures between outlets: {given}, while "
                   f"{names_list([o.name for o in wrong])} never mention the number {figure.number} at all.")
    return _carriers_question(story, spread, wrong, prompt, explanation,
                              lambda passage: _prints(passage, figure, shown, alike),
                              lambda outlet: _lacks_figure(outlet, figure))


def _lacks_figure(outlet: Outlet, figure: Figure) -> bool:
    """The outlet has the number in no form, nor any amount of the figure's unit or noun in words
    ("a quarter of a point" may be "25 basis points"), so offering it as lacking it is safe."""
    return not carries_number(outlet.text, figure.value, figure.scale) \
        and not words_amount_of(outlet.text, figure.noun_key, is_measure(figure.noun))


def _prints(passage: str, figure: Figure, shown: str, qualified: bool) -> bool:
    """Whether the passage gives the count as the prompt shows it: qualifier (when the prompt
    keeps one), number, noun, rate and the words saying what it counts."""
    found = count_in(passage, figure)
    if found is None:
        return False
    what = counted_words(passage, found)
    if what is None:
        return False
    as_printed = f"{found.qualified if qualified else found.short} {what}".strip()
    return fold(as_printed) == fold(shown) or (not qualified and fold(as_printed).startswith(fold(shown) + " "))


def _name_question(story: Story, name: Name, spread: Spread) -> Question | None:
    keys = list(spread.carriers)
    wrong = distractors(list(spread.lackers), name.text)
    verb = "mentions" if len(keys) == 1 else "mention"
    prompt = f"{which_outlets(len(keys))} {verb} {name.text}?{choose_all(len(keys))}"
    explanation = (f"Each outlet picks which people and places to include: {names_list([o.name for o in keys])} "
                   f"{verb} {name.text}; {names_list([o.name for o in wrong])} never do.")
    return _carriers_question(story, spread, wrong, prompt, explanation,
                              lambda passage: names_word(passage, name.text),
                              lambda outlet: not may_mention(outlet.text, name))


def generate(story: Story) -> list[Question]:
    outlets = story_outlets(story)
    if len(outlets) < 2:
        return []
    # One question per number: the count most outlets carry ("23 people" over "23 rioters").
    best: dict[str, tuple[int, int, Figure, Spread]] = {}
    for order, figure in enumerate(story_figures(story, outlets)):
        spread = figure_spread(outlets, figure)
        if spread.carriers and spread.lackers:
            rank = (-len(spread.carriers), order)
            if figure.value not in best or rank < best[figure.value][:2]:
                best[figure.value] = (*rank, figure, spread)
    questions = []
    # Figures several outlets share come first: they show agreement as well as absence.
    for *_, figure, spread in sorted(best.values(), key=lambda t: t[:2]):
        question = _figure_question(story, figure, spread)
        if question and len(questions) < MAX_QUESTIONS:
            questions.append(question)
    name_questions = []
    for name in distinctive_names(story, outlets):
        # Only a name asked as written: no publisher's credit, unit, date or fragment of a place.
        if askable_name(story, name) != name.text:
            continue
        spread = name_spread(outlets, name)
        # Names one outlet alone carries, or all but one leave out, belong to the omission kind.
        if len(spread.carriers) < 2 or len(spread.lackers) < 2:
            continue
        question = _name_question(story, name, spread)
        if question:
            name_questions.append(question)
    room = min(MAX_NAME_QUESTIONS, MAX_QUESTIONS - len(questions))
    return questions + name_questions[:max(room, 0)]
