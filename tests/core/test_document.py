"""The normalised view of a report's text (core/document.py)."""

import unicodedata

from hypothesis import given, strategies as st

from gik_tui.core.document import Document, Grid, normalise

# what reports hold: ASCII, CJK, full-width forms and spaces (mapped one to one), characters NFKC
# makes longer (ﬁ, ㈠, ①…), compatibility characters beyond the BMP, characters drawn as nothing
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u202a"  # (some of values.INVISIBLE)
_ALPHABET = st.sampled_from(list("ab1 \n\t|｜，：（）()】]-—/１２３　\u00a0\u2002\u2003\u2009年月日一二三件ﬁ㈠①⑴⒈㎡½¹²⁰")
                            + ["\U0001d7ce", "\U0001f600"] + list(_INVISIBLE))


def _reference(text: str) -> tuple[str, list[int]]:
    """NFKC character by character, without the characters drawn as nothing — and a superscript
    digit, and a circled or bracketed number right after a digit, or after a word (or a bracket, a
    dash) where a cell or the text ends or a figure follows, or alone in its cell or on its line, is a footnote's mark (*),
    never a digit."""
    at = [i for i, ch in enumerate(text) if ch not in _INVISIBLE] + [len(text)]  # kept → original
    full, text = text, "".join(ch for ch in text if ch not in _INVISIBLE)
    parts, offsets = [], []
    digits = "0123456789０１２３４５６７８９"
    for i, ch in enumerate(text):
        after = text[i + 1] if i + 1 < len(text) else ""
        word_end = i > 0 and ("\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in "）)】]—–-－/／") and (
            after == "" or after.isspace() or after in "|｜条件次个项篇人份名期家" + digits)
        rest = text[i + 1:].lstrip(" \u3000")
        alone = (i > 0 and text[i - 1] in "|｜\t\n" or i > 1 and text[i - 1] == " " and text[i - 2] in "|｜\t\n") \
            and (rest == "" or rest[0] in "|｜\t\n")  # (alone in its cell, or on its line)
        mark = ch in "¹²³⁰⁴⁵⁶⁷⁸⁹" or (ch in "①⑴⒈" and (i > 0 and text[i - 1] in digits or word_end or alone))
        n = "*" if mark else unicodedata.normalize("NFKC", ch)
        parts.append(n)
        offsets.extend([at[i]] * len(n))
    offsets.append(len(full))
    return "".join(parts), offsets


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_normalise_is_nfkc_character_by_character_with_a_map_back(text):
    norm, offsets = normalise(text)
    want, want_offsets = _reference(text)
    assert norm == want
    if offsets is None:  # no character changed length: offsets are the same in both
        assert len(norm) == len(text) and want_offsets == list(range(len(text) + 1))
    else:
        assert offsets == want_offsets


def test_a_footnotes_mark_after_a_figure_is_no_digit_of_it():
    """17¹, 17①, 17⑴ show a footnote's number after 17: NFKC would make 171, 171, 17(1)."""
    assert normalise("申请 17¹ | 18² | 3⁰件") == ("申请 17* | 18* | 3*件", None)
    assert normalise("总计１７① 5⑴ 6⒈") == ("总计17* 5* 6*", None)
    assert normalise("①政府网站 ⑴其他")[0] == "1政府网站 (1)其他"  # a numbering where no figure stands before it
    assert normalise("情况①政府网站")[0] == "情况1政府网站"


def test_a_footnotes_mark_after_a_label_is_no_digit_of_it():
    """规章① | 38 and, glued, 行政处罚①2: NFKC would make the label 规章1 and the figure 12."""
    assert normalise("规章① | 38\n行政处罚⑴2\n总计①")[0] == "规章* | 38\n行政处罚*2\n总计*"


def test_characters_drawn_as_nothing_are_left_out_with_a_map_back():
    """A zero-width space inside a figure (1\u200b7 shows as 17), a soft hyphen or a BOM in a label:
    the normalised view reads what is drawn; offsets still point into the text as decoded."""
    text = "规\u00ad章 | 1\u200b7 | \ufeff３"
    norm, offsets = normalise(text)
    assert norm == "规章 | 17 | 3"
    assert [text[offsets[i]] for i in range(len(norm))] == list("规章 | 17 | ３")
    assert offsets[-1] == len(text)


def test_full_width_digits_and_punctuation_become_ascii_in_place():
    assert normalise("申请数量：１７１件（其中　１件）") == ("申请数量:171件(其中 1件)", None)
    assert normalise("plain 年报 text") == ("plain 年报 text", None)


@given(st.lists(st.sampled_from(list("ab1 \n\r|年\u2028１ﬁ")), max_size=80).map("".join))
def test_line_starts_are_zero_and_each_offset_after_a_line_break(text):
    from gik_tui.core.document import Document

    doc = Document(text=text, source="t.txt", encoding="utf-8", sha256="")
    assert doc.line_starts == [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    assert doc.text_lines == text.split("\n") and doc.norm_lines == doc.norm.split("\n")
    assert doc.norm_line_starts == [0] + [i + 1 for i, ch in enumerate(doc.norm) if ch == "\n"]
    for i in range(len(text) + 1):  # every offset is on the line whose start is the last at or before it
        assert doc.line_starts[doc.line_of(i)] == max(s for s in doc.line_starts if s <= i)

def test_the_head_keeps_every_offset_and_drops_what_lies_after():
    text = "一\n二\n\f\n三\n四\n\f\n五\n"
    doc = Document("x.pdf", text, "0" * 64, "utf-8", grids=(Grid((("a",),), 0), Grid((("b",),), 6)),
                   pages=(0, 4, 9), heading_lines=frozenset({0, 5}), ocr_spans=((2, 3), (5, 12)),
                   ocr_boxes=((0, 1, 1, 0, 0, 1, 1), (10, 11, 3, 0, 0, 1, 1)))
    head = doc.head(8)
    assert head.text == text[:8] and head.sha256 == doc.sha256 and head.source == "x.pdf"
    assert [g.first_line for g in head.grids] == [0]
    assert head.pages == (0, 4) and head.heading_lines == frozenset({0})
    assert head.ocr_spans == ((2, 3), (5, 8)) and len(head.ocr_boxes) == 1
    assert head.norm == doc.norm[:8]


def test_a_segment_keeps_every_offset_and_line_and_blanks_what_lies_before():
    text = "一\n二\n\f\n三\n四\n\f\n五\n"
    doc = Document("x.pdf", text, "0" * 64, "utf-8", grids=(Grid((("a",),), 0), Grid((("b",),), 4)),
                   pages=(0, 4, 9), heading_lines=frozenset({0, 5}), ocr_spans=((2, 3), (5, 12)),
                   ocr_boxes=((0, 1, 1, 0, 0, 1, 1), (6, 7, 3, 0, 0, 1, 1)))
    seg = doc.segment(6, 10)
    assert seg.text == " \n \n \n" + text[6:10] and len(seg.text) == 10
    assert seg.text_lines[3] == "三" and seg.line_of(6) == 3 and seg.norm[6:10] == doc.norm[6:10]
    assert [g.first_line for g in seg.grids] == [4] and seg.pages == (0, 4, 9)
    assert seg.heading_lines == frozenset({5}) and seg.ocr_spans == ((6, 10),) and len(seg.ocr_boxes) == 1
    assert doc.segment(0, 8).text == doc.head(8).text

