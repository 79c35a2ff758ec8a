"""Golden rules of page debris: for each rule a small invented page and the article the loader
must make of it. Appeals, adverts, script text, teasers, navigation and dates go; captions and
credit lines stay for reading to mark; a cut-off last paragraph stays as it stops; a headline
printed twice or a little differently from the given title is the headline once."""
from __future__ import annotations

from quizapp.generators.loading.folder import read_article
from quizapp.generators.loading.page import article_text
from quizapp.generators.reading.articles import read_article as read_reading

TITLE = "Ferry crew strike halts crossings to Varnholm"
LEAD = ("Ferry crews walked off the job on Monday, halting every crossing to the island of "
        "Varnholm, the operator said.")
SECOND = "The union said the strike would last until the operator raised its pay offer."
THIRD = "Talks are due to resume on Thursday under a mediator, both sides said."


def page(*lines: str, title: str = TITLE, author: str = "") -> list[str]:
    """The paragraphs the loader keeps of a page made of these lines (one a paragraph)."""
    return list(article_text("\n\n".join(lines), title=title, author=author).paragraphs)


def roles(*lines: str, title: str = TITLE) -> list[tuple[str, str]]:
    article = read_article("page.txt", "\n\n".join(lines).encode("utf-8"), {"title": title})
    return [(s.text, s.role) for s in read_reading(article).sentences][1:]


# --- what goes ---------------------------------------------------------------------------------

def test_a_telegram_or_whatsapp_appeal_goes():
    assert page(LEAD, "Join our Telegram channel for the latest news from the islands.", SECOND,
                "Follow us on WhatsApp", "Get breaking news on our WhatsApp channel") == [
        LEAD, SECOND]


def test_a_link_to_another_story_goes_whether_its_label_ends_in_a_colon_or_a_bar():
    assert page(LEAD, "Also Read: Island cafes close as the ferries stop", SECOND,
                "Also Read | Why the Varnholm ferries stopped for a week?", THIRD) == [
        LEAD, SECOND, THIRD]


def test_advert_and_script_text_goes():
    assert page(LEAD, "Advertisement", "AD",
                "googletag.cmd.push(function() { googletag.display('ad-1'); });",
                "window.dataLayer = window.dataLayer || [];", SECOND) == [LEAD, SECOND]


def test_video_teasers_go():
    assert page(LEAD, "RELATED: Island cafes close as the ferries stop", "Watch the video here:",
                "Watch: Crews march to the union hall", "EMBED More News Videos", SECOND) == [
        LEAD, SECOND]


def test_a_teaser_glued_inside_a_paragraph_goes_and_the_paragraph_stays():
    glued = (f'{LEAD[:-1]}, the operator said."MORE: Island schools close for the week Crews '
             "who stay at home will not be paid, the operator said.")
    assert page(glued) == [f'{LEAD[:-1]}, the operator said." Crews who stay at home will not '
                           "be paid, the operator said."]


def test_navigation_share_buttons_reading_time_and_newsletter_box_go():
    assert page("Home | News | Islands", LEAD, "Share this article", "Share \u00b7 Tweet",
                "4 min read",
                "The Harbour Letter is a free weekly newsletter. Subscribe to get it in your "
                "inbox.",
                SECOND) == [LEAD, SECOND]


def test_a_cookie_notice_and_the_furniture_above_the_headline_go():
    assert page("Harbour Post", "Can't connect right now! retry", "Islands", TITLE,
                "We use cookies to improve your experience.", LEAD) == [LEAD]


def test_a_leading_date_prefix_goes_and_its_date_is_kept():
    found = article_text(f"date 2024-03-02 {TITLE}\n\n{LEAD}", title=TITLE)
    assert found.paragraphs == (LEAD,) and found.date == "2024-03-02"


def test_an_address_slug_and_the_bylines_name_printed_again_go():
    assert page("lena-ortiz", "By Lena Ortiz", "lena ortiz", LEAD) == ["By Lena Ortiz", LEAD]


def test_a_broadcast_script_cue_goes_and_its_line_stays():
    assert page("STORY: " + LEAD, "SOT VALE \u201cWe will not go back.\u201d") == [
        LEAD, "VALE \u201cWe will not go back.\u201d"]


def test_a_link_notice_inside_a_sentence_goes():
    assert page("Shares in Harbour Lines (HBL.OL), opens new tab fell 3% on Monday.") == [
        "Shares in Harbour Lines (HBL.OL) fell 3% on Monday."]


def test_stock_tickers_between_the_words_of_a_sentence_go_and_the_sentence_is_rejoined():
    lines = ("Harbour Lines\nHBL,\n+2.31%\n\nis the third operator to cut routes this year, "
             "after Coastal Ferries\nCFY,\n-1.20%\n,\nand Isle Shipping.\n")
    assert list(article_text(lines).paragraphs) == [
        "Harbour Lines is the third operator to cut routes this year, after Coastal Ferries, "
        "and Isle Shipping."]


def test_a_line_broken_mid_sentence_across_a_blank_line_is_joined():
    assert page("The strike will cost the operator about 2 million crowns a week, according "
                "to the", "Tolmar Chamber of Commerce, which called for talks.") == [
        "The strike will cost the operator about 2 million crowns a week, according to the "
        "Tolmar Chamber of Commerce, which called for talks."]


def test_a_no_break_space_read_in_the_wrong_encoding_goes():
    assert page(LEAD[:-1] + ".\u00c2") == [LEAD]


# --- what stays and is marked ------------------------------------------------------------------

def test_photo_captions_and_credits_stay_as_captions():
    found = roles(LEAD, "Image: Crews gather on the quay at Tolmar",
                  "Pickets at the terminal. (Ana Vries/AP)",
                  "FILE - The ferry Arden Star leaves Tolmar, June 2, 2021.",
                  "Jon Berg / AP", "(Photo by Ana Vries/Getty Images)", SECOND)
    assert [role for _, role in found] == ["prose"] + ["caption"] * 6 + ["prose"]


def test_the_italic_line_under_a_picture_is_its_caption():
    article = read_article("page.md", (
        f"# {TITLE}\n\n{LEAD}\n\n![The quay](quay.jpg)\n*Crews gather on the quay at Tolmar*\n\n"
        f"{SECOND}\n").encode())
    assert "Photo: Crews gather on the quay at Tolmar" in article.text.split("\n\n")
    assert "caption" in {s.role for s in read_reading(article).sentences}


def test_bylines_agency_tags_and_sign_offs_stay_as_credits():
    for line in ("By AFP", "\u2014 Reuters", "-Agency", "This article first ran on Harbour Radio.",
                 "Reporting by Ana Ortiz; Editing by Tom Vale",
                 "Jon Berg contributed to this report.", "(Xinhua)"):
        found = roles(LEAD, SECOND, line)
        assert found[-1] == (line, "credit"), line


def test_an_agency_tag_at_the_start_of_the_text_stays_in_its_sentence():
    lead = "TOLMAR (AP) \u2014 " + LEAD
    assert roles(lead)[0] == (lead, "prose")


def test_a_byline_loses_the_date_and_reading_time_set_in_its_row():
    found = article_text(f"By Lena Ortiz | March 2, 2024 | 4 min read\n\n{LEAD}")
    assert found.paragraphs == ("By Lena Ortiz", LEAD)
    assert (found.author, found.date) == ("Lena Ortiz", "2024-03-02")


def test_an_organisers_figure_set_as_a_short_line_stays():
    assert page(LEAD, "Organisers' count: 12,000", SECOND) == [
        LEAD, "Organisers' count: 12,000", SECOND]


def test_a_deck_under_the_headline_stays_and_a_wire_slug_above_the_text_goes():
    assert page(TITLE, "Crews walk out after pay talks break down", LEAD) == [
        "Crews walk out after pay talks break down", LEAD]
    assert page("HPA-FERRY/STRIKE (UPDATE 2, adds union comment)", "Priority: Urgent", LEAD,
                title="") == [LEAD]


# --- where the text stops ----------------------------------------------------------------------

def test_a_cut_off_last_paragraph_stays_as_it_stops():
    assert page(LEAD, "The union said the strike would last until the operator raised") == [
        LEAD, "The union said the strike would last until the operator raised"]


def test_one_cut_off_fragment_after_the_prose_stays_but_a_row_of_link_headlines_goes():
    assert page(LEAD, SECOND, "Tolmar Chamber of Comm") == [LEAD, SECOND, "Tolmar Chamber of Comm"]
    assert page(LEAD, SECOND, "Island cafes close as the ferries stop",
                "Ten things to do in Tolmar this spring") == [LEAD, SECOND]


def test_a_site_name_followed_by_more_page_furniture_is_no_cut_off_fragment():
    assert page(LEAD, SECOND, "Harbour Post", "Share this article") == [LEAD, SECOND]


def test_after_a_paywall_notice_the_pages_footer_is_no_sign_of_the_end():
    article = read_article("page.txt", "\n\n".join(
        (TITLE, LEAD, "Subscribe to continue reading.", "\u00a9 2024 Harbour Post")).encode())
    assert article.text == f"{TITLE}\n\n{LEAD}"
    assert not read_reading(article).complete


def test_a_sign_off_after_the_last_paragraph_makes_the_article_complete():
    article = read_article("page.txt", "\n\n".join((TITLE, LEAD, SECOND, "(AFP)")).encode())
    assert read_reading(article).complete


# --- the headline ------------------------------------------------------------------------------

def test_a_headline_printed_twice_is_the_headline_once():
    assert page(TITLE, TITLE, LEAD) == [LEAD]


def test_a_headline_with_a_section_word_glued_on_is_the_headline():
    assert page(TITLE + " News", LEAD) == [LEAD]


def test_a_headline_cut_short_with_an_ellipsis_is_a_copy_of_it():
    assert page(TITLE, "Ferry crew strike halts crossings to Varn ...", LEAD) == [LEAD]


def test_a_headline_opened_by_stray_punctuation_is_the_headline():
    assert page(": " + TITLE, LEAD) == [LEAD]


def test_without_a_title_the_pages_own_headline_is_found():
    found = article_text(f"Harbour Post\n\n{TITLE}\n\n{LEAD}")
    assert (found.title, found.paragraphs) == (TITLE, (LEAD,))


def test_a_sentence_that_repeats_the_headline_with_more_words_stays():
    sentence = TITLE + ". Analysts expect talks this week."
    assert page(LEAD, sentence) == [LEAD, sentence]
