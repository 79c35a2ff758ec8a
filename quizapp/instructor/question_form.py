"""The question form: one form for every item type, which shows the part of the type being
written (choices and their key; matching pairs and extra items; an ordering's items; an
article's sentences to tick) beside what every question has (prompt, kind, skill, explanation,
evidence). Blank rows are ignored, so adding a row needs no script."""
from __future__ import annotations

import hashlib

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from quizapp import reader
from quizapp.generators.gate import (
    MAX_CHOICES,
    MIN_CHOICES,
    normalised_choice,
    passage_in_article,
)
from quizapp.instructor import evidence_sentences
from quizapp.instructor.forms import CheckboxPicks, kind_choices, skill_choices
from quizapp.models import Article
from quizapp.question_versions import MANUAL, QuestionContent

# The form's types, in the words of its menu; single and multiple choice are one, told apart
# by how many choices are ticked correct.
FORM_TYPES = {
    "choice": "Multiple choice (one or several right answers)",
    "matching": "Matching (pair each item with its match)",
    "ordering": "Ordering (put items in order)",
    "evidence": "Find the evidence (pick the sentences that prove a claim)",
}
MIN_PAIRS, MAX_PAIRS = 2, 6
MIN_ORDER, MAX_ORDER = 3, 6
EXTRA_ROWS = 2  # blank extra items (matching), one more than a question usually needs


def form_type(question_type: str) -> str:
    """The form's type for a stored question's type."""
    return "choice" if question_type in ("single", "multiple") else question_type


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def _passage(value):
    # Browsers send a textarea's line breaks as CRLF; the articles are stored with LF.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _article_options(articles: list[Article], empty: str) -> list[SelectChoice]:
    return [SelectChoice("", empty)] + [
        SelectChoice(str(a.id),
                     f"{a.outlet_or_unknown}: {a.title}" if a.title else a.outlet_or_unknown)
        for a in articles]


class ChoiceRow(Form):
    text = StringField("Choice", filters=[_stripped], validators=[Length(max=1000)])
    correct = BooleanField("Correct")


class EvidenceRow(Form):
    # The empty default keeps a row the page did not show (another type's) a valid blank.
    article = SelectField("Article", choices=[SelectChoice("", "(no evidence)")], default="")
    passage = TextAreaField("Passage, copied exactly from the article",
                            filters=[_passage], validators=[Length(max=5000)])


class PairRow(Form):
    left = StringField("Item", filters=[_stripped], validators=[Length(max=1000)])
    right = StringField("Its match", filters=[_stripped], validators=[Length(max=1000)])
    evidence = FieldList(FormField(EvidenceRow), min_entries=1, max_entries=10)


class SentencePicks(CheckboxPicks):
    """Checkboxes, one a sentence of the article shown; any other value is refused."""

    refusal = "Tick sentences of the article shown below."


class QuestionForm(FlaskForm):
    prompt = TextAreaField("Question", filters=[_stripped],
                           validators=[DataRequired("Write the question."), Length(max=2000)])
    kind = SelectField("Kind", choices=kind_choices(), default=MANUAL)
    skill = SelectField("Skill", choices=skill_choices())
    explanation = TextAreaField(
        "Explanation (shown after answering: what the evidence shows and the skill it trains)",
        filters=[_stripped],
        validators=[DataRequired("Write an explanation for the students."), Length(max=4000)])
    # Multiple choice: every row is always there.
    choices = FieldList(FormField(ChoiceRow), min_entries=MAX_CHOICES, max_entries=MAX_CHOICES)
    # Matching: a pair a row (with the passages that prove it), and the extra items.
    pairs = FieldList(FormField(PairRow), min_entries=MAX_PAIRS, max_entries=MAX_CHOICES)
    extras = FieldList(StringField("Extra item", filters=[_stripped],
                                   validators=[Length(max=1000)]),
                       min_entries=EXTRA_ROWS, max_entries=MAX_CHOICES)
    # Ordering: the items in their right order.
    order = FieldList(StringField("Item", filters=[_stripped], validators=[Length(max=1000)]),
                      min_entries=MAX_ORDER, max_entries=MAX_CHOICES)
    # Find the evidence: an article, and its sentences ticked. `shown_article` is the article
    # whose sentences the page showed, so ticks never carry over to another article.
    article = SelectField("Article", choices=[SelectChoice("", "(pick an article)")], default="")
    shown_article = HiddenField()
    picks = SentencePicks("Sentences that prove the claim", choices=[])
    show_sentences = SubmitField("Show its sentences")
    # The question's own evidence (every type but find the evidence, whose sentences are it).
    evidence = FieldList(FormField(EvidenceRow), min_entries=2, max_entries=20)
    submit = SubmitField("Save question")

    # Set by the page: which part of the form it shows and reads (a key of FORM_TYPES).
    question_type = "choice"

    def keep_kind_and_skill(self, kind: str, skill: str) -> None:
        """Offer a question's own kind and skill even when no generator names them now."""
        if kind not in {choice.value for choice in self.kind.choices}:
            self.kind.choices = [*self.kind.choices, SelectChoice(kind)]
        if skill not in {choice.value for choice in self.skill.choices}:
            self.skill.choices = [*self.skill.choices, SelectChoice(skill)]

    def use_articles(self, articles: list[Article]) -> None:
        """Offer the story's articles in every evidence row and as the article to pick sentences
        from, and lay out the picked article's sentences."""
        self.articles = {str(a.id): a for a in articles}
        self.section_errors: list[str] = []  # the messages of the type's part as a whole
        self.sentences: list = []
        self.sentence_runs: list = []
        options = _article_options(articles, "(no evidence)")
        for row in [*self.evidence, *(e for pair in self.pairs for e in pair.form.evidence)]:
            row.form.article.choices = options
        self.article.choices = _article_options(articles, "(pick an article)")
        # Ticks made in another article's sentences mean nothing in this one's.
        self.article_changed = (self.shown_article.data or "") != (self.article.data or "")
        if self.article_changed:
            self.picks.data = []
        self._lay_out(self.articles.get(self.article.data or ""))

    def _lay_out(self, article: Article | None) -> None:
        self.shown_article.data = str(article.id) if article else ""
        self.sentences = evidence_sentences.sentences_of(article) if article else []
        self.picks.choices = [SelectChoice(str(i), s.text) for i, s in enumerate(self.sentences)]
        self.sentence_runs = reader.sentence_paragraphs(
            article.text, [s.text for s in self.sentences]) if article else []

    def tick_sentences(self, texts: list[str]) -> None:
        """Tick the sentences that read as these (an existing question's key)."""
        self.picks.data = [str(i) for i, s in enumerate(self.sentences) if s.text in texts]

    # --- checks ---------------------------------------------------------------------------------

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        self.section_errors = []
        check = {"choice": self._choices_valid, "matching": self._pairs_valid,
                 "ordering": self._order_valid, "evidence": self._picks_valid}
        valid = check[self.question_type]() and valid
        if self.question_type != "evidence":
            valid = _evidence_valid(self.evidence, self.articles) and valid
        return valid and not self.section_errors

    def _choices_valid(self) -> bool:
        """Each filled choice reads differently; at least two, some but not all correct."""
        filled = []
        seen: dict[str, int] = {}
        for number, row in enumerate(self.choices, start=1):
            text, correct = row.form.text.data or "", bool(row.form.correct.data)
            if not text:
                if correct:
                    row.form.text.errors.append("A blank choice cannot be the right answer.")
                continue
            _note_repeat(row.form.text, seen, text, number, "choice")
            filled.append(correct)
        if len(filled) < MIN_CHOICES:
            self.section_errors.append(f"Write at least {MIN_CHOICES} choices.")
        elif not any(filled):
            self.section_errors.append("Mark at least one choice as correct.")
        elif all(filled):
            self.section_errors.append(
                "Every choice is marked correct, so nothing is being asked: add a wrong choice.")
        return not any(row.form.text.errors for row in self.choices)

    def _pairs_valid(self) -> bool:
        """Two to six whole pairs, each left item once, and an extra item matching nothing."""
        lefts: dict[str, int] = {}
        matches: dict[str, int] = {}
        filled = sum(_pair_valid(row.form, number, lefts, matches)
                     for number, row in enumerate(self.pairs, start=1))
        extras = self._extras_valid(matches)
        if filled < MIN_PAIRS:
            self.section_errors.append(f"Write at least {MIN_PAIRS} pairs: an item and its match.")
        elif filled > MAX_PAIRS:
            self.section_errors.append(f"Write at most {MAX_PAIRS} pairs.")
        if not extras:
            self.section_errors.append(
                "Write at least one extra item that matches nothing, so the last pair is not "
                "given away.")
        valid = all(_evidence_valid(row.form.evidence, self.articles) for row in self.pairs)
        return valid and not any(row.form.left.errors or row.form.right.errors
                                 for row in self.pairs)

    def _extras_valid(self, matches: dict[str, int]) -> int:
        """The extra items: each matches nothing and reads unlike the others; returns how many."""
        seen: dict[str, int] = {}
        count = 0
        for number, field in enumerate(self.extras, start=1):
            if not field.data:
                continue
            same = matches.get(normalised_choice(field.data))
            if same is not None:
                field.errors.append(f"This reads the same as the match of pair {same}: an extra "
                                    "item must match nothing.")
            _note_repeat(field, seen, field.data, number, "extra item")
            count += 1
        if any(field.errors for field in self.extras):
            self.section_errors.append("Correct the extra items marked below.")
        return count

    def _order_valid(self) -> bool:
        """Three to six items, each reading differently."""
        seen: dict[str, int] = {}
        filled = [field for field in self.order if field.data]
        for number, field in enumerate(self.order, start=1):
            if field.data:
                _note_repeat(field, seen, field.data, number, "item")
        if len(filled) < MIN_ORDER:
            self.section_errors.append(
                f"Write at least {MIN_ORDER} items, in the right order.")
        elif len(filled) > MAX_ORDER:
            self.section_errors.append(f"Write at most {MAX_ORDER} items.")
        return not any(field.errors for field in self.order)

    def _picks_valid(self) -> bool:
        """An article, and some but not all of the sentences students will see ticked."""
        article = self.articles.get(self.article.data or "")
        if article is None:
            self.article.errors.append("Pick the article whose sentences prove the claim.")
            return False
        if not self.picks.data:
            self.picks.errors.append(
                "These are the sentences of the article you picked: tick the ones that prove "
                "the claim." if self.article_changed else
                "Tick the sentence or sentences that prove the claim.")
            return False
        if len(evidence_sentences.offered(article, self._keys())) <= len(self.picks.data):
            self.picks.errors.append(
                "Every sentence students could pick would prove the claim, so nothing is being "
                "asked: untick one, or pick an article with more sentences.")
            return False
        return True

    def _keys(self) -> list:
        return [self.sentences[int(value)] for value in sorted(set(self.picks.data), key=int)]

    # --- what was written -------------------------------------------------------------------

    def content(self, current: QuestionContent | None = None) -> QuestionContent:
        """The question as written; `current` is the question being edited, if any."""
        content = QuestionContent(
            prompt=self.prompt.data, kind=self.kind.data, skill=self.skill.data,
            explanation=self.explanation.data, choices=[],
            evidence=_passages(self.evidence, self.articles))
        fill = {"choice": self._fill_choices, "matching": self._fill_pairs,
                "ordering": self._fill_order, "evidence": self._fill_sentences}
        fill[self.question_type](content, current)
        return content

    def _fill_choices(self, content: QuestionContent, current) -> None:
        content.choices = [(row.form.text.data, bool(row.form.correct.data))
                           for row in self.choices if row.form.text.data]

    def _fill_pairs(self, content: QuestionContent, current) -> None:
        matches: dict[str, int] = {}  # two items may share a match: one right item then
        content.type = "matching"
        for row in self.pairs:
            left, right = row.form.left.data, row.form.right.data
            if not (left and right):
                continue
            if normalised_choice(right) not in matches:
                matches[normalised_choice(right)] = len(content.choices)
                content.choices.append((right, True))
            number = len(content.items)
            content.items.append((left, matches[normalised_choice(right)]))
            content.pair_evidence += [(number, article, passage) for article, passage
                                      in _passages(row.form.evidence, self.articles)]
        content.choices += [(field.data, False) for field in self.extras if field.data]
        _shuffle_matches(content)

    def _fill_order(self, content: QuestionContent, current) -> None:
        content.type = "ordering"
        content.choices = [(field.data, True) for field in self.order if field.data]

    def _fill_sentences(self, content: QuestionContent, current) -> None:
        """The sentences students see: kept as they are while the article and the key are, so
        an edit of the wording keeps every answer; else the keys and their neighbours."""
        content.type = "evidence"
        article, keys = self.articles[self.article.data], self._keys()
        key_texts = [key.text for key in keys]
        if (current is not None and current.question_type == "evidence" and current.evidence
                and current.evidence[0][0].id == article.id
                and [text for text, right in current.choices if right] == key_texts):
            content.choices, content.evidence = list(current.choices), list(current.evidence)
            return
        content.choices = [(sentence.text, sentence in keys)
                           for sentence in evidence_sentences.offered(article, keys)]
        content.evidence = [(article, text) for text in key_texts]


def _shuffle_matches(content: QuestionContent) -> None:
    """List the right items in an order fixed by their text, as the generators' are stored: the
    menus show this order, which must not follow the pairs' (the first item's match first)."""
    order = sorted(range(len(content.choices)), key=lambda i: hashlib.sha1(
        content.choices[i][0].encode("utf-8")).hexdigest())
    place = {index: new for new, index in enumerate(order)}
    content.choices = [content.choices[index] for index in order]
    content.items = [(left, place[index]) for left, index in content.items]


def _pair_valid(row: PairRow, number: int, lefts: dict[str, int],
                matches: dict[str, int]) -> bool:
    """Whether the row holds a whole pair; half a pair, or evidence of none, is marked."""
    left, right = row.left, row.right
    if left.data and not right.data:
        right.errors.append("Write this item's match, or clear the item.")
    elif right.data and not left.data:
        left.errors.append("Write the item this matches, or clear the match.")
    elif not left.data and any(e.form.article.data or e.form.passage.data for e in row.evidence):
        left.errors.append("Write the pair this evidence proves.")
    if left.data:
        _note_repeat(left, lefts, left.data, number, "item")
    if right.data:
        matches.setdefault(normalised_choice(right.data), number)
    return bool(left.data and right.data)


def _note_repeat(field, seen: dict[str, int], text: str, number: int, noun: str) -> None:
    same = seen.get(normalised_choice(text))
    if same is not None:
        field.errors.append(f"This {noun} reads the same as {noun} {same}.")
    seen.setdefault(normalised_choice(text), number)


def _evidence_valid(rows, articles: dict[str, Article]) -> bool:
    """Each evidence row names an article and a passage found in it word for word."""
    valid = True
    for row in rows:
        article_id, passage = row.form.article.data or "", row.form.passage.data or ""
        if not article_id and not passage:
            continue
        article = articles.get(article_id)
        if article is None:
            row.form.article.errors.append("Pick the article this passage comes from.")
        elif not passage:
            row.form.passage.errors.append(
                "Paste the passage from this article, or set the row back to (no evidence).")
        elif not passage_in_article(article.text, passage):
            row.form.passage.errors.append(
                f"This passage is not in the {article.outlet_or_unknown} article word for "
                "word. Copy it exactly from the article (quotation marks and dashes included).")
        else:
            continue
        valid = False
    return valid


def _passages(rows, articles: dict[str, Article]) -> list[tuple[Article, str]]:
    return [(articles[row.form.article.data], row.form.passage.data)
            for row in rows if row.form.article.data and row.form.passage.data]


def _evidence_rows(proofs) -> list[dict]:
    return [{"article": str(article.id), "passage": passage} for article, passage in proofs]


def question_data(content: QuestionContent) -> dict:
    """Form data for an existing question, to fill the edit form (a find-the-evidence question's
    ticks are set once its article's sentences are laid out: `tick_sentences`)."""
    data = {"prompt": content.prompt, "kind": content.kind, "skill": content.skill,
            "explanation": content.explanation, "evidence": _evidence_rows(content.evidence)}
    kind = form_type(content.question_type)
    if kind == "choice":
        data["choices"] = [{"text": text, "correct": correct} for text, correct in content.choices]
    elif kind == "matching":
        data["pairs"] = [
            {"left": left, "right": content.choices[index][0],
             "evidence": [*_evidence_rows((a, p) for n, a, p in content.pair_evidence
                                          if n == number), {"article": "", "passage": ""}]}
            for number, (left, index) in enumerate(content.items)]
        paired = {index for _, index in content.items}
        data["extras"] = [text for i, (text, _) in enumerate(content.choices) if i not in paired]
    elif kind == "ordering":
        data["order"] = [text for text, _ in content.choices]
    else:
        data["article"] = data["shown_article"] = (
            str(content.evidence[0][0].id) if content.evidence else "")
        data["evidence"] = []
    return data
