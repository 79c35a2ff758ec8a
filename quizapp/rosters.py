"""A quiz's class roster: the names its students pick from, cleaned and checked when the teacher
saves them; and names compared as students type them (case and spacing aside)."""
from __future__ import annotations

MAX_NAMES = 500
NAME_LENGTH = 80  # as a typed name (quizapp.quiz.forms)


def normalise_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def cleaned(text: str) -> str:
    """The roster as stored: a name a line, each with its spacing tidied, no empty lines."""
    return "\n".join(" ".join(line.split()) for line in (text or "").splitlines() if line.strip())


def problem(text: str) -> str | None:
    """What is wrong with a roster the teacher typed, in their words, or None."""
    names = cleaned(text).splitlines()
    if len(names) > MAX_NAMES:
        return f"A roster holds at most {MAX_NAMES} names; this one has {len(names)}."
    long = next((name for name in names if len(name) > NAME_LENGTH), None)
    if long is not None:
        return f"Keep each name under {NAME_LENGTH} characters: “{long[:40]}…” is longer."
    seen: dict[str, str] = {}
    for name in names:
        if normalise_name(name) in seen:
            return (f"“{name}” is on the roster twice: add an initial to tell the two students "
                    "apart.")
        seen[normalise_name(name)] = name
    return None


def on_roster(names: list[str], name: str) -> str | None:
    """The roster's spelling of the name, or None when it is not on the roster."""
    wanted = normalise_name(name)
    return next((listed for listed in names if normalise_name(listed) == wanted), None)
