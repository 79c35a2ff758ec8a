"""Reading a story as an instructor: its map (facts as rows, outlets as columns) and each
article in the reader, with the passage a map cell points at marked."""
from __future__ import annotations

from flask import abort, render_template, request, url_for

from quizapp import reader, story_maps
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.models import Article, Story


@bp.get("/stories/<int:story_id>/map")
def story_map(story_id: int):
    story = db.get_or_404(Story, story_id)
    found, columns = story_maps.map_of(story)

    def link(article: Article, start: int, end: int) -> str:
        return url_for("instructor.story_article", story_id=story.id, article_id=article.id,
                       at=f"{start}-{end}", _anchor="marked")

    return render_template(
        "story_map/page.html", story=story, columns=columns,
        rows=story_maps.shown_rows(found, columns, link),
        back_url=url_for("instructor.story", story_id=story.id), back_label="Back to the story")


@bp.get("/stories/<int:story_id>/articles/<int:article_id>")
def story_article(story_id: int, article_id: int):
    story = db.get_or_404(Story, story_id)
    article = db.session.get(Article, article_id)
    if article is None or article.story_id != story.id:
        abort(404)
    span = reader.span_in(article.text, request.args.get("at"))
    paragraphs, found = reader.paragraphs(article.text, span=span)
    return render_template("instructor/article.html", story=story, article=article,
                           paragraphs=paragraphs, marked=found)
