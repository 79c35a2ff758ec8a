"""The one list of question kinds, in quiz order, each with the skill it trains and a hint in a
teacher's words. The command line, the pipeline, the web app and the tests all read it: a new
kind is added here and nowhere else."""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Skill:
    name: str
    hint: str  # what the skill asks a student to notice, shown beside a score


@dataclass(frozen=True)
class Kind:
    name: str
    skill: str  # a Skill's name
    hint: str  # what questions of this kind ask, for the review queue and the README
    module: str  # the module that writes them, imported on first use
    # A kind that offers more candidates than a quiz needs (the gate drops those that repeat or
    # give away another question) says how many a story keeps; 0: all that pass.
    keep: int = 0

    def write(self, model) -> list:
        """The kind's questions from a story model (its module's `write(model)`)."""
        module = importlib.import_module(self.module)
        if hasattr(module, "write"):
            return module.write(model)
        return module.generate(model.story)  # a kind not yet reading the story model


# The order skills are reported in: who said it first, then how outlets differ.
SKILLS: tuple[Skill, ...] = (
    Skill("attribution", "who said or claimed it"),
    Skill("cross-checking", "which outlets report a detail"),
    Skill("quotation", "how outlets render the same quote"),
    Skill("numbers", "where a figure comes from"),
    Skill("sourcing", "whom an outlet relies on"),
    Skill("framing", "the words an outlet chooses"),
    Skill("hedging", "what an outlet asserts and what it hedges"),
    Skill("omission", "what only one outlet mentions"),
    Skill("names", "how names are spelled"),
    Skill("evidence", "which sentence of an article proves a claim"),
)

# The order questions appear in a story's bank: who said it, then where outlets differ and why,
# then whom they rely on, then how they frame it.
KINDS: tuple[Kind, ...] = (
    Kind("quote_attribution", "attribution", "who said a quotation",
         "quizapp.generators.kinds.quote_attribution"),
    Kind("quote_matching", "attribution", "match speakers to the words the articles give them",
         "quizapp.generators.kinds.quote_matching", keep=1),
    Kind("label_attribution", "attribution", "who applied a label or loaded phrase",
         "quizapp.generators.kinds.label_attribution"),
    Kind("voice", "attribution",
         "whose word a loaded term is: the outlet's own, or a source's it quotes",
         "quizapp.generators.kinds.voice"),
    Kind("quote_rendering", "quotation", "which outlet printed a quote in which words",
         "quizapp.generators.kinds.quote_rendering"),
    Kind("conflict", "cross-checking",
         "where outlets or sources give different values for the same fact, and why",
         "quizapp.generators.kinds.conflict"),
    Kind("timeline", "numbers", "how a figure changed as it was updated, and who gave each value",
         "quizapp.generators.kinds.timeline"),
    Kind("figure_matching", "numbers", "match outlets to the figures they give for one quantity",
         "quizapp.generators.kinds.figure_matching"),
    Kind("outlet_detail", "cross-checking", "which outlets report a figure or detail",
         "quizapp.generators.kinds.outlet_detail"),
    Kind("numbers", "numbers", "who an outlet says gave a figure",
         "quizapp.generators.kinds.numbers"),
    Kind("headline", "framing", "what a headline claims against what its own article says",
         "quizapp.generators.kinds.headline"),
    Kind("sourcing", "sourcing", "which agency or source an outlet credits",
         "quizapp.generators.kinds.sourcing"),
    Kind("provenance", "sourcing",
         "which outlets carry the same agency text, and which credit it",
         "quizapp.generators.kinds.provenance"),
    Kind("word_choice", "framing", "which outlet chose a loaded term",
         "quizapp.generators.kinds.word_choice"),
    Kind("hedging", "hedging", "whether an outlet asserts, attributes or hedges a statement",
         "quizapp.generators.kinds.hedging"),
    Kind("omission", "omission", "what only one outlet mentions",
         "quizapp.generators.kinds.omission"),
    Kind("name_spelling", "names", "how outlets spell a name",
         "quizapp.generators.kinds.name_spelling"),
    Kind("find_evidence", "evidence",
         "find the sentence of an article that credits its agency, sources a figure or hedges",
         "quizapp.generators.kinds.find_evidence", keep=3),
)

KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
SKILL_NAMES: tuple[str, ...] = tuple(skill.name for skill in SKILLS)
SKILL_HINTS: dict[str, str] = {skill.name: skill.hint for skill in SKILLS}


def kind(name: str) -> Kind:
    for found in KINDS:
        if found.name == name:
            return found
    raise KeyError(name)


def unknown_kinds(names) -> list[str]:
    return [name for name in names if name not in KIND_NAMES]
