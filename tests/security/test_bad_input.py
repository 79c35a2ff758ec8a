"""Bad input for the story loader, the generators, `flask load-story` and the instructor's story
form: whatever a teacher drops into a story folder or uploads gives either questions or a
message naming what is wrong, never an exception trace, and never a story half in the database.

Hand-picked cases first (empty, binary, huge, malformed front matter and story.toml, pages of
scripts, other scripts and right-to-left text, clashing file names), then hypothesis fuzzing the
loader, the text reading and the generators with whatever it can make.
"""
from __future__ import annotations

import io
import re
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.extensions import db
from quizapp.generators import generate_questions, load_story
from quizapp.generators.gate import problems
from quizapp.generators.loading.folder import (
    FIELD_LIMITS,
    MAX_ARTICLE_BYTES,
    MAX_NAME_LENGTH,
    read_article,
)
from quizapp.generators.model import Story, StoryError
from quizapp.generators.reading.text import find_all, fold, quotations, sentences, tokens
from quizapp.models import Article, Question
from quizapp.models import Story as StoryRow
from tests.pages import hidden_fields

# Deterministic in CI (the same examples every run), no example database written into the
# checkout, and few enough examples that the whole file runs in seconds.
settings.register_profile(
    "bad-input", max_examples=100, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings.get_profile("bad-input")
# Writing a quiz takes a while: fewer examples where the generators run.
FUZZ_GENERATORS = settings(FUZZ, max_examples=50)

GOOD = ("The harbour of Varnholm reopened on Friday after a week of repairs, the port "
        "authority said.\n\n"
        "\u201cWe are open for business again,\u201d harbour master Lena Varga told reporters, "
        "adding that 40 ships had waited outside the breakwater.\n").encode("utf-8")
OTHER = ("Ships returned to Varnholm harbour on Friday, Port News reported, after repairs "
         "that took seven days.\n\n"
         "Harbour master Lena Varga said \u201cwe are open again\u201d and that 38 ships had "
         "been waiting.\n").encode("utf-8")


def folder_with(root: Path, files: dict[str, bytes], name: str = "story") -> Path:
    folder = root / name
    folder.mkdir()
    for filename, data in files.items():
        (folder / filename).write_bytes(data)
    return folder


def stored(app) -> tuple[int, int, int]:
    """How many stories, articles and questions the database holds."""
    with app.app_context():
        return tuple(db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()
                     for model in (StoryRow, Article, Question))


def assert_clean_refusal(result, named: str) -> None:
    """What a teacher sees at the terminal: one line naming the file, no trace."""
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.output.startswith("Error: "), result.output
    assert named in result.output, result.output
    assert "Traceback" not in result.output


# --- hand-picked bad folders ------------------------------------------------------------------

HTML_ONLY_SCRIPTS = (
    b"<!doctype html><html><head><title>Breaking</title>"
    b"<script>var story = 'The harbour reopened on Friday, officials said.';</script>"
    b"</head><body><script src=app.js></script><noscript>Enable JavaScript"
    b"</noscript><nav>Home | World | Sport</nav></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"

REFUSED = {
    # case: (files, the file the message names, a word of the reason)
    "empty file": ({"a.txt": GOOD, "b.txt": b""}, "b.txt", "empty"),
    "only whitespace": ({"a.txt": GOOD, "b.md": " \r\n\t\n\u3000\u00a0".encode()}, "b.md", "empty"),
    "binary image named .txt": ({"a.txt": GOOD, "photo.txt": PNG}, "photo.txt", "binary"),
    "Word document named .html": (
        {"doc.html": b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))},
        "doc.html",
        "binary",
    ),
    "latin-1 text": (
        {"a.txt": GOOD, "b.txt": "Caf\u00e9 owners protest, the mayor said.".encode("latin-1")},
        "b.txt",
        "UTF-8",
    ),
    "utf-16 text without a byte-order mark": (
        {"b.txt": GOOD.decode().encode("utf-16-le")},
        "b.txt",
        "binary",
    ),
    "over the size limit": (
        {"a.txt": GOOD, "huge.txt": GOOD * (MAX_ARTICLE_BYTES // len(GOOD) + 1)},
        "huge.txt",
        "MiB",
    ),
    "front matter never closed": (
        {"a.md": b"---\ntitle: Harbour reopens\n\n" + GOOD},
        "a.md",
        "never closed",
    ),
    "front matter line without a colon": (
        {"a.md": b"---\ntitle Harbour reopens\n---\n" + GOOD},
        "a.md",
        "key: value",
    ),
    "front matter and nothing else": (
        {"a.md": b"---\ntitle: Harbour reopens\noutlet: Port News\n---\n"},
        "a.md",
        "no article text",
    ),
    "front matter title too long": (
        {"a.md": b"---\ntitle: " + b"Harbour " * 80 + b"\n---\n" + GOOD},
        "a.md",
        "at most 500",
    ),
    "story.toml not TOML": (
        {"a.txt": GOOD, "story.toml": b'title = "Harbour\n[articles'},
        "story.toml",
        "TOML",
    ),
    "story.toml not UTF-8": (
        {"a.txt": GOOD, "story.toml": 'title = "Caf\u00e9"\n'.encode("latin-1")},
        "story.toml",
        "UTF-8",
    ),
    "story.toml binary": ({"a.txt": GOOD, "story.toml": PNG}, "story.toml", "binary"),
    "story.toml outlet is a table": (
        {"a.txt": GOOD, "story.toml": b'[articles."a.txt"]\noutlet = { name = "X" }\n'},
        "story.toml",
        "must be text",
    ),
    "story.toml title is a list": (
        {"a.txt": GOOD, "story.toml": b'title = ["a", "b"]\n'},
        "story.toml",
        "must be text",
    ),
    "story.toml names a missing file": (
        {"a.txt": GOOD, "story.toml": b'[articles."gone.txt"]\noutlet = "X"\n'},
        "gone.txt",
        "no such file",
    ),
    "story.toml outlet too long": (
        {"a.txt": GOOD, "story.toml": b'[articles."a.txt"]\noutlet = "' + b"X" * 300 + b'"\n'},
        "a.txt",
        "at most 200",
    ),
    "html with scripts and no article": (
        {"a.txt": GOOD, "page.html": HTML_ONLY_SCRIPTS},
        "page.html",
        "no article text",
    ),
    "page of debris": (
        {"a.txt": b"Home | News | Sport\n\nShare this article\n\nhttps://example.org/x\n"},
        "a.txt",
        "no article text",
    ),
    "two files, one name": (
        {"harbour.txt": GOOD, "harbour.html": b"<p>" + OTHER + b"</p>"},
        "harbour.html and harbour.txt",
        "share the name",
    ),
    "one name, suffix in capitals": (
        {"harbour.TXT": GOOD, "harbour.txt": OTHER},
        "harbour",
        "share the name",
    ),
    "file name too long": (
        {"a.txt": GOOD, ("x" * (MAX_NAME_LENGTH + 1)) + ".txt": OTHER},
        "x" * 50,
        f"longer than {MAX_NAME_LENGTH}",
    ),
    "no article files": (
        {"notes.csv": b"a,b\n", "README.md": b"# notes\n", "photo.jpg": PNG},
        "story",
        "no article files",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_loader_refuses_a_bad_folder_naming_the_file(tmp_path, case):
    files, named, reason = REFUSED[case]
    with pytest.raises(StoryError) as error:
        load_story(folder_with(tmp_path, files))
    message = str(error.value)
    assert named in message
    assert reason.casefold() in message.casefold()
    assert len(message) < 400 and "\n" not in message  # one readable line, not a dump


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_load_story_command_refuses_a_bad_folder_and_stores_nothing(app, runner, tmp_path, case):
    files, named, _ = REFUSED[case]
    result = runner.invoke(args=["load-story", str(folder_with(tmp_path, files))])
    assert_clean_refusal(result, named)
    assert stored(app) == (0, 0, 0)


def test_a_bad_file_last_in_the_folder_leaves_no_earlier_article_behind(app, runner, tmp_path):
    folder = folder_with(tmp_path, {"a.txt": GOOD, "b.txt": OTHER, "z.txt": b"\xff\xfe\x00bad"})
    assert_clean_refusal(runner.invoke(args=["load-story", str(folder)]), "z.txt")
    assert stored(app) == (0, 0, 0)
    # Fixed, the same folder loads whole.
    (folder / "z.txt").write_bytes(GOOD.replace(b"Friday", b"Saturday"))
    result = runner.invoke(args=["load-story", str(folder)])
    assert result.exit_code == 0, result.output
    assert stored(app)[:2] == (1, 3)


def test_an_unreadable_file_is_named_not_traced(app, runner, tmp_path):
    mem = Path("/proc/self/mem")  # a regular file to stat, an I/O error to read from offset 0
    if not mem.exists():
        pytest.skip("needs Linux's /proc")
    folder = folder_with(tmp_path, {"a.txt": GOOD})
    (folder / "b.txt").symlink_to(mem)
    with pytest.raises(StoryError, match=r"b\.txt: the file cannot be read"):
        load_story(folder)
    assert_clean_refusal(runner.invoke(args=["load-story", str(folder)]), "b.txt")
    assert stored(app) == (0, 0, 0)


def test_a_folder_name_too_long_for_a_story_is_refused(app, runner, tmp_path):
    folder = folder_with(tmp_path, {"a.txt": GOOD}, name="s" * (MAX_NAME_LENGTH + 1))
    assert_clean_refusal(runner.invoke(args=["load-story", str(folder)]), "folder's name")
    assert stored(app) == (0, 0, 0)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_text_saved_as_windows_unicode_loads(encoding):
    # Notepad's "Unicode" is UTF-16 with a byte-order mark; "-be" here gets its mark added.
    data = GOOD.decode().encode(encoding)
    if encoding == "utf-16-be":
        data = "\ufeff".encode(encoding) + data
    article = read_article("notepad.txt", data)
    assert article.text == GOOD.decode().strip()


SEED = Path(__file__).resolve().parents[2] / "seeds" / "beijing-denies-chinese-fighters"


def test_create_quiz_refuses_a_title_too_long_to_keep(app, runner, generated_once):
    from quizapp.models import Quiz

    assert runner.invoke(args=["load-story", str(SEED)]).exit_code == 0
    assert runner.invoke(args=["generate", SEED.name, "--approve"]).exit_code == 0
    result = runner.invoke(args=["create-quiz", SEED.name, "--title", "Harbour quiz " * 30])
    # PostgreSQL refuses a title over the column's 300 characters with a trace; SQLite keeps it.
    assert_clean_refusal(result, "title")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Quiz.id))).scalar_one() == 0


def test_create_instructor_refuses_a_name_too_long_to_keep(app, runner):
    from quizapp.models import Instructor

    result = runner.invoke(args=["create-instructor", "t" * 81], input="correct horse battery\n")
    assert_clean_refusal(result, "name")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Instructor.id))).scalar_one() == 0


def test_a_file_at_the_size_limit_still_loads():
    paragraph = GOOD.split(b"\n\n")[0] + b"\n\n"
    data = paragraph * (MAX_ARTICLE_BYTES // len(paragraph))
    assert len(data) <= MAX_ARTICLE_BYTES
    article = read_article("big.txt", data)
    assert article.text.startswith("The harbour of Varnholm reopened")


def test_the_size_limit_holds_for_uploaded_bytes_too():
    with pytest.raises(StoryError, match=r"upload\.txt: the file is 2\.0 MiB"):
        read_article("upload.txt", b"a" * (MAX_ARTICLE_BYTES + 1))


# --- HTML pages full of scripts ---------------------------------------------------------------

def test_scripts_in_an_html_article_never_reach_the_article_text():
    page = (b"<html><head><title>Harbour reopens</title><script>alert('head script')</script>"
            b"<style>p { color: red }</style></head><body>"
            b"<article><h1>Harbour reopens</h1><p>" + GOOD.split(b"\n\n")[0] + b"</p>"
            b"<script>document.write('inline script text')</script>"
            b"<p><img src=x onerror=\"alert('img')\">" + GOOD.split(b"\n\n")[1] + b"</p>"
            b"</article><script src=\"tracker.js\"></script></body></html>")
    article = read_article("page.html", page)
    assert "The harbour of Varnholm reopened on Friday" in article.text
    assert "40 ships had waited" in article.text
    for leftover in ("script", "alert", "document.write", "onerror", "<", "color: red"):
        assert leftover not in article.text, leftover


# --- other scripts and right-to-left text -----------------------------------------------------

LANGUAGES = {
    "russian": (
        (
            "Паром загорелся в порту Варнхольма\n\n"
            "В пятницу на пароме в порту Варнхольма вспыхнул пожар, сообщила портовая "
            "администрация.\n\n"
            "«Все пассажиры эвакуированы», — сказал капитан Иван Петров журналистам. По данным "
            "спасателей, пострадали 12 человек.\n"
        ),
        (
            "В порту Варнхольма в пятницу загорелся паром, передаёт агентство «Порт-Ньюс».\n\n"
            "Капитан Иван Петров заявил: «Все пассажиры в безопасности». Спасатели сообщили о 14 "
            "пострадавших.\n"
        ),
    ),
    "chinese": (
        (
            "瓦恩霍尔姆港渡轮起火\n\n"
            "周五，瓦恩霍尔姆港的一艘渡轮发生火灾，港务局表示。\n\n"
            "“所有乘客都已疏散，”船长王伟对记者说。据救援人员称，有12人受伤。\n"
        ),
        (
            "据港口新闻报道，周五瓦恩霍尔姆港一艘渡轮起火。\n\n"
            "船长王伟说：“所有乘客都安全。”救援人员称有14人受伤。\n"
        ),
    ),
    "japanese": (
        (
            "ヴァルンホルム港でフェリー火災\n\n"
            "金曜日、ヴァルンホルム港のフェリーで火災が発生したと港湾当局が発表した。\n\n"
            "「乗客は全員避難した」と船長は記者団に語った。救助隊によると、12人が負傷した。\n"
        ),
        (
            "港湾ニュースによると、金曜日にヴァルンホルム港でフェリーが燃えた。\n\n"
            "船長は「乗客は全員無事だ」と述べた。救助隊は14人が負傷したと発表した。\n"
        ),
    ),
    "arabic": (
        (
            "حريق في عبارة بميناء فارنهولم\n\n"
            "اندلع حريق يوم الجمعة في عبارة بميناء فارنهولم، بحسب سلطة الميناء.\n\n"
            "وقال القبطان أحمد علي للصحفيين: «تم إجلاء جميع الركاب». "
            "وأفاد رجال الإنقاذ بإصابة 12 شخصا.\n"
        ),
        (
            "ذكرت أخبار الميناء أن عبارة احترقت يوم الجمعة في ميناء فارنهولم.\n\n"
            "قال القبطان أحمد علي: «جميع الركاب بأمان». وأعلن رجال الإنقاذ عن إصابة 14 شخصا؟\n"
        ),
    ),
    "hebrew with direction marks": (
        (
            "\u200fשריפה במעבורת בנמל ורנהולם\n\n"
            "\u200fביום שישי פרצה שריפה במעבורת בנמל ורנהולם, כך מסרה רשות הנמל.\n\n"
            "\u202b\"כל הנוסעים פונו\", אמר הקפטן דוד כהן לכתבים. "
            "לדברי המחלצים, 12 בני אדם נפצעו.\u202c\n"
        ),
        (
            "לפי חדשות הנמל, מעבורת עלתה באש ביום שישי בנמל ורנהולם.\n\n"
            "הקפטן דוד כהן אמר: \"כל הנוסעים בטוחים\". המחלצים דיווחו על 14 פצועים.\n"
        ),
    ),
    "thai": (
        (
            "ไฟไหม้เรือข้ามฟากที่ท่าเรือวาร์นโฮล์ม\n\n"
            "เมื่อวันศุกร์เกิดเพลิงไหม้บนเรือข้ามฟากที่ท่าเรือวาร์นโฮล์ม การท่าเรือแถลง\n\n"
            "กัปตันอีวานกล่าวว่า ผู้โดยสารทั้งหมดได้รับการอพยพแล้ว มีผู้บาดเจ็บ 12 คน\n"
        ),
        (
            "สำนักข่าวท่าเรือรายงานว่า เรือข้ามฟากลำหนึ่งถูกไฟไหม้เมื่อวันศุกร์ที่ท่าเรือวาร์นโฮล์ม\n\n"
            "กัปตันอีวานกล่าวว่า ผู้โดยสารทุกคนปลอดภัย เจ้าหน้าที่กู้ภัยรายงานผู้บาดเจ็บ 14 คน\n"
        ),
    ),
    "hindi": (
        (
            "वार्नहोम बंदरगाह पर फ़ेरी में आग\n\n"
            "शुक्रवार को वार्नहोम बंदरगाह पर एक फ़ेरी में आग लग गई, बंदरगाह प्राधिकरण ने कहा।\n\n"
            "कप्तान इवान ने पत्रकारों से कहा, \"सभी यात्रियों को निकाल लिया गया।\" 12 लोग घायल हुए।\n"
        ),
        (
            "पोर्ट न्यूज़ के अनुसार शुक्रवार को वार्नहोम बंदरगाह पर एक फ़ेरी जल गई।\n\n"
            "कप्तान इवान ने कहा कि सभी यात्री सुरक्षित हैं। बचावकर्मियों ने 14 घायलों की सूचना दी।\n"
        ),
    ),
    "english with a greek and a cyrillic name": (
        GOOD.decode()
        + "\nThe Greek minister Κώστας Παπαδόπουλος said the repairs cost 3 million euros.\n",
        OTHER.decode() + "\nUkraine's envoy Олена Коваленко said “the port matters to us all”.\n",
    ),
}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_articles_in_other_scripts_load_with_their_words_intact(tmp_path, language):
    first, second = LANGUAGES[language]
    folder = folder_with(tmp_path, {"one.txt": first.encode(), "two.md": second.encode()})
    story = load_story(folder)
    assert [a.id for a in story.articles] == ["one", "two"]
    for article, source in zip(story.articles, (first, second), strict=True):
        # Every sentence of the body is there, character for character.
        for paragraph in source.strip().split("\n\n")[1:]:
            assert paragraph.strip() in article.text, (language, paragraph)
    questions = generate_questions(story)
    for question in questions:
        assert not problems(question, story), (question, problems(question, story))


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_load_story_and_generate_commands_take_other_scripts(app, runner, tmp_path, language):
    first, second = LANGUAGES[language]
    folder = folder_with(tmp_path, {"one.txt": first.encode(), "two.txt": second.encode()})
    loaded = runner.invoke(args=["load-story", str(folder)])
    assert loaded.exit_code == 0, loaded.output
    assert "2 articles" in loaded.output
    generated = runner.invoke(args=["generate", folder.name])
    assert generated.exit_code == 0, (generated.output, generated.exception)
    assert "added" in generated.output  # "Questions: N added, ...", N may be 0
    with app.app_context():
        texts = [a.text for a in db.session.execute(db.select(Article)).scalars()]
    assert first.strip().split("\n\n")[1].strip() in texts[0]


def test_case_variants_of_one_name_are_two_articles_with_their_own_ids(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "Harbour.txt").write_bytes(GOOD)
    if (folder / "harbour.txt").exists():
        pytest.skip("this file system ignores case")
    (folder / "harbour.txt").write_bytes(OTHER)
    story = load_story(folder)
    assert sorted(a.id for a in story.articles) == ["Harbour", "harbour"]
    assert story.article("Harbour").text != story.article("harbour").text


def test_case_variants_load_into_the_database_side_by_side(app, runner, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "Harbour.txt").write_bytes(GOOD)
    if (folder / "harbour.txt").exists():
        pytest.skip("this file system ignores case")
    (folder / "harbour.txt").write_bytes(OTHER)
    result = runner.invoke(args=["load-story", str(folder)])
    assert result.exit_code == 0, result.output
    assert stored(app)[:2] == (1, 2)


# --- facts found on a page are kept to a sensible length -------------------------------------

def test_an_overlong_page_title_and_date_line_are_shortened_not_refused():
    title = "Harbour " * 100
    page = (f"<html><head><title>{title}</title><meta name=author content=\"{'Ann ' * 80}\">"
            f"</head><body><article><p>{GOOD.decode().split(chr(10))[0]}</p></article></body>"
            "</html>").encode()
    article = read_article("page.html", page)
    assert 0 < len(article.title) <= FIELD_LIMITS["title"] and article.title.endswith("\u2026")
    assert len(article.author) <= FIELD_LIMITS["author"]
    dated = read_article("dated.txt", b"Tuesday, September 9th, 10:45 am EST, updated Wednesday, "
                                      b"11:00 am EST\n\n" + GOOD)
    assert 0 < len(dated.date) <= FIELD_LIMITS["date"]
    assert "Tuesday" in dated.date


# --- hypothesis: the loader on anything -------------------------------------------------------

SUFFIXES = st.sampled_from([".txt", ".md", ".markdown", ".html", ".htm", ".TXT", ".Html"])
STEMS = st.text(st.characters(codec="utf-8", exclude_characters="/\x00", exclude_categories=["Cs"]),
                min_size=1, max_size=30).filter(lambda s: s not in (".", ".."))
FILENAMES = st.builds(lambda stem, suffix: stem + suffix, STEMS, SUFFIXES)
# Pieces a page is made of, so the fuzzer reaches the loader's rules, not only its first check.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        " ",
        ". ",
        ", ",
        "\u201c",
        "\u201d",
        '"',
        "'",
        "\u00ab",
        "\u00bb",
        "---",
        "---\n",
        "title: ",
        "outlet: ",
        "date: 2025-04-09",
        ": ",
        "# ",
        "## ",
        "* ",
        "- ",
        "> ",
        "1. ",
        "[link](http://x)",
        "![img](x.png)",
        "**",
        "_",
        "<p>",
        "</p>",
        "<script>alert(1)</script>",
        "<article>",
        "</article>",
        "<h1>",
        "</h1>",
        "<title>",
        "</title>",
        "&amp;",
        "&#0;",
        "By ",
        "Reuters",
        "- AFP",
        "Photo: ",
        "Share this article",
        "Subscribe",
        "5 min read",
        "Published April 9, 2025",
        "said",
        "told reporters",
        "The minister",
        "Lena Varga",
        "40",
        "3.5 million",
        "%",
        "\u2014",
        "\u2026",
        "\u200f",
        "\u202e",
        "\u3002",
        "\u0418\u0432\u0430\u043d",
        "\u738b\u4f1f",
        "\u0623\u062d\u0645\u062f",
        "\t",
        "\x0b",
        "\x0c",
        "\u2028",
        "\u2029",
        "\x85",
        "\ufeff",
        "\u00a0",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(st.characters(codec="utf-8"), max_size=12)),
                 max_size=50).map("".join)


def check_article(article, filename: str) -> None:
    assert article.id == Path(filename).stem
    assert article.text.strip()
    assert "\x00" not in article.text
    for field, limit in FIELD_LIMITS.items():
        assert len(getattr(article, field)) <= limit, field
    for sentence in sentences(article.text):
        assert article.text[sentence.start:sentence.end] == sentence.text


@FUZZ
@given(FILENAMES, st.one_of(TEXTS.map(str.encode), st.binary(max_size=300),
                           st.deferred(lambda: BODIES).map(str.encode)))
def test_read_article_gives_an_article_or_a_story_error_for_any_bytes(filename, data):
    try:
        article = read_article(filename, data)
    except StoryError as error:
        assert str(error).strip()
        return
    check_article(article, filename)


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=400), SUFFIXES)
def test_read_article_gives_an_article_or_a_story_error_for_any_text(text, suffix):
    try:
        article = read_article("fuzzed" + suffix, text.encode("utf-8"))
    except StoryError:
        return
    check_article(article, "fuzzed" + suffix)


@FUZZ
@given(
    st.dictionaries(
        FILENAMES,
        st.one_of(TEXTS.map(str.encode), st.just(GOOD), st.binary(max_size=80)),
        min_size=1,
        max_size=4,
    ),
    st.one_of(st.none(), TEXTS),
)
def test_a_fuzzed_folder_loads_whole_or_raises_a_story_error(files, manifest):
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "story"
        folder.mkdir()
        for name, data in files.items():
            try:
                (folder / name).write_bytes(data)
            except OSError:  # a name this file system refuses (too long in bytes, say)
                return
        if manifest is not None:
            (folder / "story.toml").write_text(manifest, encoding="utf-8")
        try:
            story = load_story(folder)
        except StoryError as error:
            assert str(error).strip()
            return
        assert story.articles and story.title
        assert len({a.id for a in story.articles}) == len(story.articles)


# --- hypothesis: made-up article text, from pieces of news prose ------------------------------

PEOPLE = st.sampled_from(["Lena Varga", "Lena Vargas", "Ivan Petrov", "Wang Wei", "Dr. Amal O'Neil",
                          "the harbour master", "Иван Петров", "أحمد علي", "Varga"])
QUOTES = st.sampled_from(["we are open for business again", "All passengers were evacuated",
                          "the repairs were \u201cnecessary\u201d", "40 ships had waited", "",
                          "\u00abвсе эвакуированы\u00bb", "<script>alert(1)</script>"])
NUMBERS = st.sampled_from(
    [
        "40",
        "38",
        "forty",
        "1,200",
        "3.5 million",
        "at least 12",
        "more than 155",
        "0",
        "-4",
        "\uff11\uff12",
        "\u0663",
    ]
)
VERBS = st.sampled_from(
    ["said", "told reporters", "claimed", "alleged", "wrote", "added", "denied"]
)
OUTLETS = st.sampled_from(["", "Reuters", "AFP", "Port News", "<b>Port</b> News"])
SENTENCES = st.one_of(
    st.builds(
        lambda who, quote, verb: f"\u201c{quote},\u201d {who} {verb}.", PEOPLE, QUOTES, VERBS
    ),
    st.builds(lambda who, quote, verb: f'{who} {verb}: "{quote}."', PEOPLE, QUOTES, VERBS),
    st.builds(
        lambda who, n, verb: f"{who} {verb} that {n} ships waited outside the harbour.",
        PEOPLE,
        NUMBERS,
        VERBS,
    ),
    st.builds(lambda n: f"According to unnamed officials, {n} people were hurt.", NUMBERS),
    st.builds(
        lambda who: f"The fire was allegedly started by {who}, the port authority said.", PEOPLE
    ),
    st.text(st.sampled_from(string.ascii_letters + " .,\u201c\u201d\"'"), max_size=40),
)
BODIES = st.lists(st.lists(SENTENCES, min_size=1, max_size=3).map(" ".join), min_size=1,
                  max_size=4).map("\n\n".join)


# --- hypothesis: reading text ------------------------------------------------------------------

@FUZZ
@given(st.one_of(TEXTS, BODIES, st.tuples(BODIES, TEXTS).map("\n".join)))
def test_sentences_quotations_and_tokens_are_exact_slices_of_any_text(text):
    previous_end = 0
    for sentence in sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)  # in order, no overlap
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and "\n" not in sentence.text
        previous_end = sentence.end
    for quote in quotations(text):
        assert text[quote.inner_start:quote.inner_end] == quote.text
        assert quote.start <= quote.inner_start <= quote.inner_end <= quote.end
    for token in tokens(text):
        assert text[token.start:token.end] == token.text
    assert len(fold(text)) == len(text)


@FUZZ
@given(st.one_of(TEXTS, BODIES), st.text(st.characters(codec="utf-8"), min_size=1, max_size=6))
def test_find_all_points_at_the_needle_whatever_the_text(text, needle):
    for at in find_all(text, needle):
        assert fold(text[at:at + len(needle)]) == fold(needle)


# --- hypothesis: the generators on small made-up stories --------------------------------------

@FUZZ_GENERATORS
@given(st.lists(st.tuples(OUTLETS, BODIES), min_size=1, max_size=3))
def test_generated_questions_on_fuzzed_stories_are_all_sound(pieces):
    articles = []
    for number, (outlet, body) in enumerate(pieces):
        try:
            articles.append(read_article(f"a{number}.txt", body.encode(),
                                         {"outlet": outlet} if outlet else None))
        except StoryError:
            continue
    if not articles:
        return
    story = Story(slug="fuzzed", title="Fuzzed", articles=tuple(articles))
    try:
        questions = generate_questions(story)
    except StoryError:
        return
    for question in questions:
        assert not problems(question, story), (question, problems(question, story))
    assert generate_questions(story) == questions  # same story, same quiz


# --- the same files uploaded through the instructor's story form ------------------------------

UPLOADS = {
    "empty": ("empty.txt", b"", "empty"),
    "binary": ("photo.txt", PNG, "binary"),
    "not utf-8": (
        "latin.txt",
        "Caf\u00e9 owners protest, the mayor said.".encode("latin-1"),
        "UTF-8",
    ),
    "over the size limit": ("huge.txt", GOOD * (MAX_ARTICLE_BYTES // len(GOOD) + 1), "MiB"),
    "front matter never closed": (
        "open.md",
        b"---\ntitle: Harbour reopens\n\n" + GOOD,
        "never closed",
    ),
    "html with scripts and no article": ("page.html", HTML_ONLY_SCRIPTS, "no article text"),
    "another kind of file": ("report.pdf", b"%PDF-1.7\n", "only"),
    "file name too long": ("x" * (MAX_NAME_LENGTH + 1) + ".txt", GOOD, "shorter name"),
}


@pytest.mark.parametrize("case", sorted(UPLOADS))
def test_a_bad_upload_gets_a_message_beside_the_file_and_stores_nothing(app, signed_in, case):
    filename, data, reason = UPLOADS[case]
    page = signed_in.get("/instructor/stories/new")
    assert page.status_code == 200
    form = {
        **hidden_fields(page.get_data(as_text=True)),
        "title": "Harbour fire",
        "articles-0-file": FileStorage(io.BytesIO(data), filename),
        "articles-0-outlet": "Port News",
        "articles-1-text": OTHER.decode(),
        "articles-1-outlet": "Harbour Daily",
        "submit": "Save story",
    }
    # Encoded here, in memory: the test client would spool a big body to a temporary file it
    # never closes (a ResourceWarning, which this suite treats as an error).
    boundary, body = encode_multipart(form)
    response = signed_in.post("/instructor/stories/new", data=body,
                              content_type=f"multipart/form-data; boundary={boundary}")
    html = response.get_data(as_text=True)
    assert response.status_code in (400, 413, 422), response.status_code
    assert filename[:50] in html or response.status_code == 413
    assert reason.casefold() in re.sub(r"&#39;|&#x27;", "'", html).casefold()
    assert "Traceback" not in html
    assert stored(app) == (0, 0, 0)
    # What was typed in the other fields is still there to send again.
    assert "Harbour fire" in html and "Harbour Daily" in html
