"""Label keys: the form in which report labels and template labels are compared.

    label_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开"
    label_key("3.危及“三安全一稳定”") == "危及三安全一稳定"
    label_key("其中：主动公开规范性文件数") == "主动公开规范性文件数"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .values import FOOTNOTE_AFTER, INVISIBLE, MARK_ENDS, NUMBERED, SUPERSCRIPTS

WORD_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z]")  # a word's character (no figure, sign, dash or box line)
_NUMBERING = re.compile(
    r"^(?:其中\s*[:：]?|第[一二三四五六七八九十]+部分|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]"
    r"|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d)|\d{1,2}\s*[)）](?!\d)|[①-⑳])\s*"
)
_NOTES = re.compile(r"[（(][^（()）]{0,80}(?:[）)]|$)")
DROP_CHARS = r"[\s“”‘’\"'《》〈〉、,，:：;；。.．·/|!！?？\-—_" + INVISIBLE + "]"  # what a label key leaves out
_DROP = re.compile(DROP_CHARS + "+")
# a footnote's mark after a label (规章*, 规章¹, 规章①, 规章[1]) is no word of it: NFKC would make 规章1 of
# the raised and circled ones, so those go first
_RAISED_END = re.compile(f"[{SUPERSCRIPTS}{NUMBERED}]+\\s*$")
_MARK_END = re.compile(rf"(?<=[^\s\d])\s*{FOOTNOTE_AFTER}+\s*$")


def strip_numbering(label: str) -> str:
    """The label without its leading numbering (一、 （一） 1. 其中：), repeatedly."""
    s = label.strip()
    while True:
        m = _NUMBERING.match(s)
        if m is None or m.end() == 0:
            return s
        s = s[m.end():]


_NUM = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_ITS_NUMBER = re.compile(r"\d+|[一二三四五六七八九十]+|[①-⑳]")


def ordinal(s: str) -> int:
    """一 … 九十九 as a number (0 when it is none)."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _NUM.get(s[1:], 0)
    if s.endswith("十"):
        return _NUM.get(s[0], 0) * 10
    if "十" in s:
        a, b = s.split("十", 1)
        return _NUM.get(a, 0) * 10 + _NUM.get(b, 0)
    return _NUM.get(s, 0)


def numbering_value(label: str) -> int | None:
    """The number a label is numbered with (（二）, 二、, 2., ②: 2), or None (其中：, no numbering)."""
    m = _NUMBERING.match(label.strip())
    n = _ITS_NUMBER.search(m.group()) if m is not None else None
    if n is None:
        return None
    if "①" <= n.group() <= "⑳":
        return ord(n.group()) - ord("①") + 1
    return ordinal(n.group()) or None


@lru_cache(maxsize=65536)
def has_numbering(label: str) -> bool:
    m = _NUMBERING.match(label.strip())
    return m is not None and m.end() > 0


@lru_cache(maxsize=65536)
def label_key(label: str) -> str:
    # (numbering first too: NFKC makes 1 of a leading ①)
    s = label if label.isascii() else unicodedata.normalize("NFKC", _RAISED_END.sub("", strip_numbering(label)))
    if s and s[-1] in MARK_ENDS:
        s = _MARK_END.sub("", s)
    s = strip_numbering(s)
    key = _DROP.sub("", _NOTES.sub("", s)) or _DROP.sub("", s)  # (a label that is all note, 勾稽关系, keeps its words)
    return key.replace("其它", "其他") if "它" in key else key  # (its common variant: 其它方式, 其它)
