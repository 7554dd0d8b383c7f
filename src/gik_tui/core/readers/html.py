"""HTML page → article text, with each real <table> rendered one row per line.

Navigation, scripts, styles, forms and footers are dropped. A table row becomes
"cell | cell | cell", with rowspan/colspan expanded and `&nbsp;` cells empty, so the table parser
reads it like a row-per-line layout; spans are placed and rendered as for every kind of file
(readers/grid.py: a spanned label in every slot it covers, a spanned figure shown once).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from ..document import Grid
from ..values import RAISED
from .colours import white_css
from .grid import MISSING, place, render, rows_of
from .text import REFERENCE

_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "iframe", "form", "select",
              "button", "head", "title", "meta", "link", "svg", "object", "embed", "input", "textarea"}
_DROP_ATTR = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumb|crumb|sidebar|share|copyright|topbar|header)(?:$|[\s_-])", re.I)
_ARTICLE_ATTR = re.compile(r"(?:TRS_Editor|article|content|zoom|main|detail|view|text)", re.I)
_KEEP = {"body", "html", "table", "td", "th", "tr", "tbody", "thead"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "tr", "table", "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "body", "main"}
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
MAX_SPAN = 100
MAX_PICTURES = 30  # pictures of one article recognised (a report's tables are a handful)
MAX_WIDTH = 200  # grid columns of one table; a report's widest has 16
MAX_SLOTS = 200_000  # grid slots (rows × columns, spans expanded) of one page's tables together
# purely presentational inline tags: old Word exports leave one <font> open per line, 255+ deep
_INLINE = re.compile(r"</?(?:font|span|b|i|u|em|strong|small|big|o:p|st1:[a-z]+)\b[^<>]*>", re.I)
# the same in lower case, as nearly every page writes its tags: five times cheaper than ignoring
# case (a page with a tag in capitals anywhere is cut with `_INLINE` after it)
_INLINE_LOWER = re.compile(r"</?(?:font|span|b|i|u|em|strong|small|big|o:p|st1:[a-z]+)\b[^<>]*>")
_CAPITAL_TAG = re.compile(r"</?[A-Z]")
_TABLE_MARK = re.compile(r"\s*\x00T(\d+)\x00\s*")
_PICTURE_MARK = re.compile(r"\s*\x00I(\d+)\x00\s*")
_NOT_TABLE = re.compile(r"<(?!/?(?:table|tr|td|th|tbody|thead|tfoot|caption)\b)/?[a-zA-Z][^<>]*>", re.I)
_ANY_TAG = re.compile(r"<[^<>]*>")
# (found from their attributes: four times cheaper in lxml than a test of every element)
_MARKED = etree.XPath("//@id/.. | //@class/..")
_MARKED_BELOW = etree.XPath(".//@id/.. | .//@class/..")
_ARTICLE_TAGS = frozenset({"div", "article", "td", "section"})
_TEXT_LENGTH = etree.XPath("string-length(string(.))")  # the length of all the text below, counted in C
# text a browser does not show: an inline style or the `hidden` attribute, or a class the page's
# own <style> hides. Pages hide stray characters inside figures against copying (1<span
# style="display:none">7</span>7 shows 17) and keep hidden copies of tables (another year's, a tab)
_INLINE_TAGS = r"span|font|b|i|u|em|strong|small|big|sup|sub|ins|s|label"
_HIDDEN_INLINE = re.compile(rf"<({_INLINE_TAGS})\b([^<>]*)>([^<]*)</\1\s*>", re.I)
# (or drawn at no size, fully transparent, in a transparent colour: font-size:0, opacity:0)
# — what no size or colour of a child shows again (display, visibility, opacity), and what a child
# that sets its own may (font-size:0 on a list of inline blocks is a layout trick: its items say 14px)
_NOUGHT = r"\s*:\s*(?:0+\.?0*|\.0+)(?:px|pt|em|rem|%)?\s*(?:[;!\"']|$)"
# gone from the layout: display:none (the hidden attribute too; a table row set visibility:collapse)
_GONE = r"display\s*:\s*none"
# unseen where it stands — a cell so set is an empty cell, never one taken out of its row, which would
# read the row's later figures a column left: visibility:hidden or collapse (a child may show itself
# again: visibility:visible), opacity:0 (nothing below shows)
_VANISH = r"visibility\s*:\s*(?:hidden|collapse)"
_CLEAR = r"(?<![\w-])opacity" + _NOUGHT
# (struck through by a style, as <del> is: a correction's old text — a child cannot undo it)
# moved out of sight: far off the page (left, top, a margin or text-indent at minus a thousand
# pixels or fifty ems: the "visually hidden" trick), clipped to nothing (clip: rect(0 0 0 0), a
# rectangle of no height; clip-path: inset(50%)), scaled to nothing (transform: scale(0))
_FAR = r"-\s*(?:\d{4,}(?:\.\d+)?\s*(?:px|pt)|(?:[5-9]\d|\d{3,})(?:\.\d+)?\s*r?em)"
_AWAY = (r"(?<![\w-])(?:left|top|right|margin-left|margin-top|text-indent)\s*:\s*" + _FAR +
         r"|(?<![\w-])clip\s*:\s*rect\(\s*(?:0|1px)[\s,]+[\d.]+(?:px)?[\s,]+(?:0|1px)[\s,]"
         r"|clip-path\s*:\s*(?:inset\(\s*50%|circle\(\s*0)|(?<![\w-])transform\s*:\s*scale\(\s*0(?:\.0*)?\s*[,)]")
# (a colour of no opacity is transparent: rgba(0,0,0,0), hsla(0,0%,0%,0), rgb(0 0 0 / 0), #00000000)
_NO_ALPHA = r"(?:rgb|hsl)a?\(\s*[\w.%]+(?:\s*,\s*|\s+)[\d.%]+(?:\s*,\s*|\s+)[\d.%]+\s*[,/]\s*(?:0+\.?0*|\.0+)%?\s*\)"
_UNSEEN = (r"(?<![\w-])font-size" + _NOUGHT + r"|(?<![\w-])color\s*:\s*(?:transparent|" + _NO_ALPHA
           + r"|#(?:[0-9a-f]{6}00|[0-9a-f]{3}0)(?![0-9a-f]))"
           r"|text-decoration(?:-line)?\s*:[^;\"'{}]*line-through|" + _AWAY)
_HIDDEN_STYLE = re.compile(f"{_GONE}|{_VANISH}|{_CLEAR}|{_UNSEEN}", re.I)
_GONE_STYLE = re.compile(_GONE, re.I)
_VANISH_STYLE = re.compile(_VANISH, re.I)
_CLEAR_AWAY_STYLE = re.compile(f"{_CLEAR}|{_AWAY}", re.I)
_VISIBLE_AGAIN = re.compile(r"visibility\s*:\s*visible", re.I)
# … or boxed at no width or height, what overflows the box hidden (both in one style, either order)
_OVERFLOW_HIDDEN = re.compile(r"overflow(?:-[xy])?\s*:\s*hidden", re.I)
_NO_SIZE = re.compile(r"(?<![\w-])(?:max-)?(?:width|height)\s*:\s*0(?:px)?\s*(?:[;!\"'}]|$)", re.I)


def _hides(style: str) -> bool:
    """Does this style hide its element's text (`_HIDDEN_STYLE`, or `_boxed_away`)?"""
    return _HIDDEN_STYLE.search(style) is not None or _boxed_away(style)


def _boxed_away(style: str) -> bool:
    """A box of no width or height whose overflow is hidden?"""
    return _OVERFLOW_HIDDEN.search(style) is not None and _NO_SIZE.search(style) is not None


_SHOWN_AGAIN = re.compile(r"(?<![\w-])(?:font-size|color)\s*:", re.I)  # a child's own size or colour
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$", re.I)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_HIDING_WORDS = ("none", "hidden", "NONE", "HIDDEN")  # (display:none, visibility:hidden, the attribute)
# the other ways, found where they are written (words such as opacity or vertical-align stand in
# many a page's styles at values that hide nothing): a size or opacity of nought from its colon,
# which the scan looks for in C (a pattern that opens with the words is tried at every character)
_NOUGHT_AT = re.compile(":(?:(?:" + "|".join(f"(?<={n}{sp}:)" for n in ("opacity", "OPACITY", "Opacity", "font-size",
                                                                       "FONT-SIZE", "Font-Size") for sp in ("", " "))
                        + r")\s*(?:0+\.?0*|\.0+)(?:px|pt|em|rem|%|PX|PT|EM|REM)?\s*(?:[;!\"'}]|$)|(?:"
                        # (in the same scan: visibility:collapse — a table's row or cell so set is gone)
                        + "|".join(f"(?<={n}{sp}:)" for n in ("visibility", "VISIBILITY", "Visibility") for sp in ("", " "))
                        + r")\s*(?:collapse|COLLAPSE)|(?:"
                        # (and a colour of no opacity written in hex, #RRGGBB00 or #RGB0)
                        + "|".join(f"(?<={n}{sp}:)" for n in ("color", "COLOR", "Color") for sp in ("", " "))
                        + r")\s*#(?:[0-9a-fA-F]{6}00|[0-9a-fA-F]{3}0)(?![0-9a-fA-F]))", re.M)
_HIDING_MORE = ("transparent", "TRANSPARENT", "line-through", "LINE-THROUGH")
# text drawn white: unseen on the page's white, where it stands inside other text (an inserted digit:
# 1<span style="color:#fff">9</span>2 shows 12); found where a colour that may be white is written
# (then read, colours.white_css), in lower or upper case: patterns that open with a word re skips to
_WHITE_AT = (re.compile(r"color\s*[:=]\s*[\"']?\s*((?:#[fF]|white|White|WHITE|rgb|RGB)[^;\"'}>]*)"),
             re.compile(r"COLOR\s*[:=]\s*[\"']?\s*((?:#[fF]|WHITE|White|white|RGB|rgb)[^;\"'}>]*)"))
_WHITE_COLOUR = re.compile(r"(?<![\w-])color\s*:\s*([^;\"'}]+)", re.I)
# (far off the page, from its minus sign; clipped or scaled to nothing, from its bracket: each a
# character re skips to in C)
# (two patterns: one opening with a choice of the two characters is tried at every character)
_FAR_AT = re.compile(r"-(?:(?<=:-)|(?<=: -))\s*(?:\d{4,}(?:\.\d+)?\s*(?:px|pt|PX|PT)|(?:[5-9]\d|\d{3,})(?:\.\d+)?\s*(?:r?em|R?EM))")
_CLIP_AT = re.compile(r"\((?:(?:(?<=rect\()|(?<=RECT\()|(?<=scale\()|(?<=SCALE\()|(?<=inset\()|(?<=circle\())\s*(?:0|1px|50%)"
                      # (in the same scan: a colour of no opacity, from its bracket)
                      r"|(?:(?<=rgba\()|(?<=RGBA\()|(?<=hsla\()|(?<=HSLA\()|(?<=rgb\()|(?<=RGB\())"
                      + _NO_ALPHA[_NO_ALPHA.index(r"\(") + 2:] + ")")
# text raised or lowered by a style (a footnote's number, as <sup> is): 17<span style="vertical-align:
# super">1</span> shows 17¹
_RAISE_STYLE = re.compile(r"vertical-align\s*:\s*(?:super|sub)\b", re.I)
# (from its hyphen, a character re skips to in C: opened with the words, it was tried at every character)
_RAISE_AT = re.compile(r"-(?<=vertical-|VERTICAL-|Vertical-)(?:align|ALIGN|Align)\s*:\s*(?:super|sub|SUPER|SUB|Super|Sub)\b")
_RAISED_DIGITS = re.compile(r"\s*\d{1,3}\s*")
_FOLDED = "translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ \t\n', 'abcdefghijklmnopqrstuvwxyz')"  # lower case, no spaces
_MAY_HIDE = etree.XPath("//@style[" + " or ".join(f"contains({_FOLDED}, '{w}')" for w in (
    "none", "hidden", "collapse", "size:0", "size:.0", "opacity:0", "opacity:.0", "transparent", "line-through", ":-", "rect(",
    "rgba(", "hsla(",
    "scale(0", "inset(50", "circle(0"))
                        + "]/.. | //@hidden/..")  # (over the attributes: in C, fast)
_STRUCK = ("del", "s", "strike", "dialog")  # (and a dialog not opened: never drawn)
_KEEP_HIDDEN = 0.5  # a hidden element holding this share of the page's text is shown by a script: kept
_SUP_AT = re.compile("<[sS][uU][bpBP]")  # (a gate for _SUP: two scans for "<su" and "<SU" cost half again)
_SUP = re.compile(r"<(sup|sub)\b[^<>]*>\s*(?:<a\b[^<>]*>\s*)?(\d{1,3})\s*(?:</a\s*>\s*)?</\1\s*>", re.I)
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)


def _too_deep() -> bool:
    """Did the last parse stop at the parser's depth limit (and drop what lay deeper)?"""
    return any("depth" in e.message.lower() for e in _PARSER.error_log)


class _Out:
    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.budget = MAX_SLOTS  # grid slots left for the page's tables
        self.cut = 0  # tables cut to the bounds
        self.pictures: list[str] = []  # the src of each <img> in the article, in order

    def newline(self) -> None:
        self.chunks.append("\n")


def html_to_text(text: str, source: str = "", pictures: Callable[[str], list[str] | None] | None = None
                 ) -> tuple[str, list[Grid], list[str], list[tuple[int, int]]]:
    """The page's article text, its tables as grids, notes on what had to be left out, and the
    stretches of the text recognised in the article's pictures: `pictures(src)` gives a picture's
    recognised lines (None: not read), placed where the picture stands."""
    notes: list[str] = []
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str input with an encoding declaration
    noughts = _hiding_at(text)  # (scanned once: the tests here and the cuts)
    white_at = _white_at(text)
    hidden_classes, unseen_classes, raised_classes, white_classes = _hidden_classes(text, noughts, white_at)
    lifts = [m.start() for m in _RAISE_AT.finditer(text)]
    may_hide = bool(hidden_classes) or bool(noughts) or any(w in text for w in (*_HIDING_WORDS, *_HIDING_MORE))
    whites = bool(white_classes) or bool(white_at)
    if whites and _dark_page(text):
        whites, white_classes, white_at = False, frozenset(), []
    drawn = _generated(text) if "content" in text or "CONTENT" in text else {}
    if may_hide or raised_classes or lifts or whites or drawn:
        text, n, d = _inline_styles(text, hidden_classes, raised_classes, noughts + lifts + white_at,
                                    white_classes if whites else None, drawn)
        if n:
            notes.append(f"{n} piece(s) of text the page hides from view (display:none, hidden, font-size:0, white "
                         "on the white page) or strikes through stood inside its text; left out, as a browser shows it")
        if d:
            notes.append(f"{d} piece(s) of text the page's styles draw (content: in a ::before or ::after rule) "
                         "stood inside its text; read where they show")
    if _SUP_AT.search(text):  # a footnote's number raised after a figure: 17¹, as shown, never 171
        text = _SUP.sub(lambda m: m.group(2).translate(RAISED), text)
    text = _INLINE_LOWER.sub("", text)  # they carry no text or structure; unclosed, they nest without end
    if _CAPITAL_TAG.search(text):
        text = _INLINE.sub("", text)
    # (cut from the text, not from the parsed tree: a <font> closed in the next paragraph moves
    # the text after it out of its paragraph in libxml2's tree, where a browser keeps it in)
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return text, [], ["the HTML could not be parsed; read as plain text"], []
    if root is None:
        return text, [], ["the HTML could not be parsed; read as plain text"], []
    if _too_deep():
        # read it again flattened: every tag but a table's own becomes a line break
        flat = _NOT_TABLE.sub("<br>", text)
        try:
            again = etree.fromstring(flat, _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            again = None
        if again is not None and not _too_deep():
            root = again
            notes.append("the page nests tags deeper than the HTML parser goes; it was read flattened "
                         "(paragraphs as lines, tables kept)")
        else:
            plain = html.unescape(_ANY_TAG.sub("\n", text))
            lines = [ln for ln in (_WS.sub(" ", x).strip() for x in plain.split("\n")) if ln]
            return "\n".join(lines) + "\n", [], ["the page nests tags (tables too) deeper than the HTML parser "
                                                 "goes; it was read as plain text, without its tables"], []
    # the page's chrome goes before any walk in Python: scripts, styles, forms … in lxml's C code,
    # then the elements whose id or class says navigation, menu or footer (found by XPath)
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    hidden = [el for el in _MAY_HIDE(root) if el.get("hidden") is not None
              or _hides(el.get("style") or "")] if may_hide else []
    total: float | None = None  # the page's text, measured when first needed
    drawn_in = 0  # elements (not inline) whose class draws text around theirs
    for el in _MARKED(root):
        if el.tag not in _KEEP and _DROP_ATTR.search(f"{el.get('id', '')} {el.get('class', '')}"):
            if total is None:
                total = float(_TEXT_LENGTH(root)) or 1.0
            # (one holding a table of figures or most of the page's text is its article, whatever its
            # name says: article share-box, content-header — a menu of a few hundred links may hold
            # two fifths of a page's text)
            if float(_TEXT_LENGTH(el)) < _KEEP_HIDDEN * total and _FIGURE_CELLS(el) < 10:
                _remove(el)
        elif hidden_classes and hidden_classes.intersection((el.get("class") or "").split()):
            hidden.append(el)
        elif drawn and (around := _drawn_around(el.get("class") or "", drawn)) is not None:
            _draw(el, *around)  # (a cell, a paragraph: not inline)
            drawn_in += 1
    if drawn_in:
        notes.append(f"{drawn_in} piece(s) of text the page's styles draw (content: in a ::before or ::after rule) "
                     "stood in its cells or paragraphs; read where they show")
    if hidden:
        _drop_hidden(root, hidden, hidden_classes - unseen_classes)
    # struck through: a correction's old figure (<del>18</del>17 shows 17 as the figure); lxml's walk
    # by tag name, in C, is cheaper than any search of the page's text for the tags (and than XPath)
    struck = [el for el in root.iter(*_STRUCK) if (el.text or len(el)) and (el.tag != "dialog" or el.get("open") is None)]
    for el in struck:
        _remove(el)
    if struck:
        notes.append(f"{len(struck)} piece(s) of text struck through (a correction's old text) left out")
    article = _article(root)
    out = _Out()
    out.budget = MAX_SLOTS
    _render(article, out)
    if out.cut:
        notes.append(f"{out.cut} table(s) larger than {MAX_WIDTH} columns or {MAX_SLOTS:,} cells in all "
                     "(spans expanded) were cut")
    raw_lines = "".join(out.chunks).split("\n")
    lines: list[str] = []
    grids: list[Grid] = []
    recognised: list[tuple[int, int]] = []  # line ranges [first, end) read from pictures
    for line in raw_lines:
        m = _TABLE_MARK.fullmatch(line) if "\x00" in line else None
        if m:
            rendered, grid = render(out.tables[int(m.group(1))], len(lines))
            grids.append(grid)
            lines.extend(rendered)
            continue
        m = _PICTURE_MARK.fullmatch(line) if "\x00" in line else None
        if m:
            got = pictures(out.pictures[int(m.group(1))]) if pictures is not None else None
            if got:
                recognised.append((len(lines), len(lines) + len(got)))
                lines.extend(got)
            continue
        if "&" in line and REFERENCE.search(line) is not None:
            line = html.unescape(line)
        line = _WS.sub(" ", line).strip()
        if line:
            lines.append(line)
    spans: list[tuple[int, int]] = []
    if recognised:
        starts = [0]
        for ln in lines:
            starts.append(starts[-1] + len(ln) + 1)
        spans = [(starts[a], starts[b]) for a, b in recognised]
    return "\n".join(lines) + "\n", grids, notes, spans


def _draw(el, before: str, after: str) -> None:
    """Write the text a style draws before and after an element's own, inside it."""
    if before:
        el.text = before + (el.text or "")
    if after:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + after
        else:
            el.text = (el.text or "") + after


def _remove(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _hiding_at(text: str) -> list[int]:
    """Where a style that hides may be written by its value (a size or opacity of nought, a collapse,
    far off the page, clipped or scaled to nothing): each pattern opens with a character re skips to."""
    return [m.start() for pattern in (_NOUGHT_AT, _FAR_AT, _CLIP_AT) for m in pattern.finditer(text)]


def _hidden_classes(text: str, hiding_at: list[int] | None = None, white_at: list[int] | None = None
                    ) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The classes the page's own <style> blocks hide (`.x{display:none}`, `span.x, .y{…}`); those
    of them that only draw their text at no size, in no colour or struck through (a child may show
    its own); those that raise their text (vertical-align:super); and those that draw it white on
    no background of their own (`.jammer{color:#fff}`). `hiding_at`, `white_at`: the page's
    `_hiding_at` and `_white_at`, when known."""
    if hiding_at is None:
        hiding_at = _hiding_at(text)
    if white_at is None:
        white_at = _white_at(text)
    out: set[str] = set()
    gone: set[str] = set()
    raised: set[str] = set()
    white: set[str] = set()
    for at, block in _style_blocks(text):
        hides = any(w in block for w in (*_HIDING_WORDS, *_HIDING_MORE)) or _any_within(hiding_at, at, at + len(block))
        whites = _any_within(white_at, at, at + len(block))
        if hides or whites or _RAISE_AT.search(block):
            for selectors, body in _rules(block):
                hidden = hides and _hides(body)
                drawn_white = whites and not hidden and _white(body)
                if hidden or drawn_white or _RAISE_STYLE.search(body):
                    for sel in selectors.split(","):
                        m = _CLASS_SELECTOR.match(sel)
                        if m and hidden:
                            out.add(m.group(1))
                            if _GONE_STYLE.search(body):
                                gone.add(m.group(1))
                        elif m and drawn_white:
                            white.add(m.group(1))
                        elif m:
                            raised.add(m.group(1))
    return frozenset(out), frozenset(out - gone), frozenset(raised), frozenset(white)


def _style_blocks(text: str):
    """Each of the page's <style> blocks, as (where it starts, its text up to its end tag)."""
    at = 0
    while (at := text.find("<style", at)) != -1:  # (pages write it in lower case; a block is short)
        end = text.find("</style", at)
        block = text[at:end if end != -1 else len(text)]
        yield at, block
        at += len(block) or 1


_BACKDROP = re.compile(r"background(?:-color)?\s*:\s*([^;}]+)", re.I)


def _painted(style: str) -> bool:
    """Does this style paint a background that is not white (under which white text shows)?"""
    m = _BACKDROP.search(style)
    return m is not None and not white_css(m.group(1)) and m.group(1).strip().lower() not in _NO_PAINT


_NO_PAINT = frozenset({"none", "transparent", "inherit", "initial", "unset"})


@lru_cache(maxsize=32)
def _rules(block: str) -> tuple[tuple[str, str], ...]:
    """A <style> block's rules as (selectors, declarations): read once a page, whichever of the
    classes that hide, shade or draw is looked for."""
    return tuple(_CSS_RULE.findall(block[block.find(">") + 1:]))


def _any_within(positions: list[int], a: int, b: int) -> bool:
    """Does any of the positions stand in [a, b)?"""
    return any(a <= p < b for p in positions)


def _white_at(text: str) -> list[int]:
    """Where a white colour is written (`_WHITE_AT`, colours.white_css)."""
    return [m.start() for p in _WHITE_AT if p is _WHITE_AT[0] or "COLOR" in text
            for m in p.finditer(text) if white_css(m.group(1))]


def _white(style: str) -> bool:
    """Does this style draw its text white, on no background of its own?"""
    m = _WHITE_COLOUR.search(style)
    return m is not None and white_css(m.group(1)) and not _painted(style)


def _dark_page(text: str) -> bool:
    """Does the page's <body> set a background that is not white (white text may show on it)?"""
    at = text.find("<body")
    if at == -1:
        at = text.find("<BODY")
    if at == -1:
        return False
    tag = text[at:text.find(">", at) + 1]
    for name, value in _ATTR.findall(tag[5:]):
        name, value = name.lower(), value.strip("\"'")
        if name == "bgcolor" and not white_css(value):
            return True
        if name == "style" and _painted(value):
            return True
    return False


def _styled(attrs: str, classes: frozenset[str], raised: frozenset[str],
            whites: frozenset[str] | None = None, shaded: frozenset[str] = frozenset()) -> str:
    """What a tag's attributes do to its text: "hide" (hidden, struck), "raise", "white" (drawn
    white on no background of its own: by a style, a <font> colour or a class in `whites`; None:
    white is not looked for), "painted" (a background not white: a style, bgcolor, a picture, a
    class in `shaded`), or ""."""
    how = ""
    white = background = False
    for name, value in _ATTR.findall(attrs):
        name = name.lower()
        value = value.strip("\"'")
        if name == "hidden" or name == "style" and _hides(value) or \
                name == "class" and classes and classes.intersection(value.split()):
            return "hide"
        if name == "style" and _RAISE_STYLE.search(value) or name == "class" and raised and \
                raised.intersection(value.split()):
            how = "raise"
        if whites is not None:
            if name == "style":
                m = _WHITE_COLOUR.search(value)
                white = white or m is not None and white_css(m.group(1))
                background = background or _painted(value)
            elif name == "color":
                white = white or white_css(value)
            elif name == "class":
                white = white or bool(whites) and not whites.isdisjoint(value.split())
                background = background or bool(shaded) and not shaded.isdisjoint(value.split())
            elif name == "bgcolor":
                background = background or not white_css(value)
            elif name == "background":  # (a picture)
                background = True
    return how or ("painted" if background else "white" if white else "")


def _inline_styles(text: str, classes: frozenset[str], raised: frozenset[str] = frozenset(),
                   styled: list[int] = (), whites: frozenset[str] | None = None,
                   drawn: dict[str, tuple[str, str]] | None = None) -> tuple[str, int, int]:
    """The page with its inline elements of plain text that a style hides or strikes through cut
    (a stray digit hidden inside a figure), and those it raises written raised (a footnote's
    number, 17¹); and how many were cut. This happens before the inline tags are cut from the
    text, which would leave their text in as it stands. Found from what styles them (none,
    hidden, font-size:0, line-through, vertical-align:super, a class), each within the opening
    tag of an inline element (`styled`: where a nought size or opacity, a raise, or a colour that
    may be white is written).
    With `whites` (the classes that draw white; None: white is not looked for), an element drawn
    white is cut where it stands inside other text, in elements that set no background nor a
    white of their own (`_white_inside`): on the page's white, only the text around it shows.
    With `drawn` (class → the text its ::before and ::after rules draw, `_generated`), an element of
    such a class that is not hidden is written with that text around its own (1<span class="n7">
    </span> shows 17). Returns the text, how many pieces were cut and how many drawn."""
    starts: set[int] = set()

    def inside_tag(at: int) -> None:
        start = text.rfind("<", 0, at)
        if start != -1 and text.find(">", start, at) == -1:
            starts.add(start)

    for word in (*_HIDING_WORDS, *_HIDING_MORE, *classes, *raised, *(whites or ()), *(drawn or ())):
        at = 0
        while (at := text.find(word, at)) != -1:
            inside_tag(at)
            at += len(word)
    for at in styled:
        inside_tag(at)
    cuts: list[tuple[int, int, str]] = []
    shaded: tuple[frozenset[str], frozenset[str]] | None = None
    shown = 0  # pieces the page's styles draw, written in
    for start in sorted(starts):
        if cuts and start < cuts[-1][1]:
            continue  # (inside one cut already)
        t = _HIDDEN_INLINE.match(text, start)
        if t is None:
            continue
        how = _styled(t.group(2), classes, raised, whites)
        if how == "white" and shaded is None:
            shaded = _shaded(text)  # (the page's shading looked at once, for its first white element)
        if how == "hide" or how == "white" and _white_inside(text, start, t.end(), whites or frozenset(), shaded):
            cuts.append((start, t.end(), ""))
        elif how == "raise" and _RAISED_DIGITS.fullmatch(t.group(3)):
            cuts.append((start, t.end(), t.group(3).strip().translate(RAISED)))
        elif drawn and (m := _CLASS_ATTR.search(t.group(2))) is not None \
                and (around := _drawn_around(m.group(1), drawn)) is not None:
            cuts.append((start, t.end(), html.escape(around[0]) + t.group(3) + html.escape(around[1])))
            shown += 1
    if not cuts:
        return text, 0, 0
    parts, at = [], 0
    for a, b, new in cuts:
        parts.append(text[at:a])
        parts.append(new)
        at = b
    parts.append(text[at:])
    return "".join(parts), sum(not new for _, _, new in cuts), shown


_NO_TEXT = frozenset("<> \t\r\n\u00a0\u3000")


def _white_inside(text: str, start: int, end: int, whites: frozenset[str],
                  shaded: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Does the white element text[start:end] stand inside other text (a character of text right
    before or after it), within elements none of which may draw it on a colour: no background (by
    an attribute, a style, or a class or tag the page's styles shade: `shaded`, see `_shaded`) and
    no white of their own (white among white text on a coloured cell shows)? Its elements are
    looked at up to the table or the body it stands in."""
    before = text[start - 1] if start else "<"
    after = text[end] if end < len(text) else "<"
    if before in _NO_TEXT and after in _NO_TEXT:
        return False
    classes, tags = shaded
    for name, attrs in _ancestors(text, start):
        if name in tags or _styled(attrs, frozenset(), frozenset(), whites, classes) in ("white", "painted"):
            return False
        if name in ("table", "body"):
            break
    return True


_TAG_AT = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^<>]*)>")
_CLASS_ATTR = re.compile(r"""class\s*=\s*["']?([^"'>]*)""", re.I)
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source", "embed",
                   "param", "track"})


def _ancestors(text: str, at: int, limit: int = 60):
    """The opening tags of the elements that text[at] stands in, nearest first, as (name, the rest
    of the tag): found walking back over the tags, past the elements closed before it (an element
    whose closing tag HTML lets a page leave out, <p>, <td>, is taken as one it stands in: one
    more element looked at)."""
    closed: dict[str, int] = {}
    for _ in range(limit):
        at = text.rfind("<", 0, at)
        if at == -1:
            return
        m = _TAG_AT.match(text, at)
        if m is None:
            continue
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or attrs.endswith("/"):
            continue
        if closing:
            closed[name] = closed.get(name, 0) + 1
        elif closed.get(name):
            closed[name] -= 1
        else:
            yield name, attrs


def _shaded(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and tags the page's own <style> blocks give a background that is not white (or
    white text on a background): text drawn white in them may show (`.hd{background:#036}`, `th {
    background-color: navy }`, `.tbl td{…}` — the last part of each selector)."""
    classes: set[str] = set()
    tags: set[str] = set()
    for _, block in _style_blocks(text):
        if "background" not in block.lower():
            continue
        for selectors, body in _rules(block):
            if not _painted(body):
                continue
            for sel in selectors.split(","):
                last = sel.strip().split()[-1] if sel.strip() else ""
                classes.update(re.findall(r"\.([\w-]+)", last))
                tag = re.match(r"[a-zA-Z][a-zA-Z0-9]*", last)
                if tag:
                    tags.add(tag.group().lower())
    return frozenset(classes), frozenset(tags)


def _drop_hidden(root, hidden: list, gone_classes: frozenset[str] = frozenset()) -> None:
    """Remove the elements the page hides, keeping their tails — but not one that holds most of the
    page's text (an article hidden until a script shows it), nor the page's body. One that only
    draws its text at no size or in no colour keeps its place and loses the text its children do
    not draw again (inline children are gone by now: their text is its own)."""
    total = float(_TEXT_LENGTH(root)) or 1.0
    for el in hidden:
        if el.tag in ("html", "body") or float(_TEXT_LENGTH(el)) >= _KEEP_HIDDEN * total:
            continue
        style = el.get("style") or ""
        vanish = _VANISH_STYLE.search(style)
        if el.get("hidden") is not None or _GONE_STYLE.search(style) \
                or not gone_classes.isdisjoint((el.get("class") or "").split()) \
                or vanish and el.tag == "tr" and "collapse" in vanish.group(0).lower():
            _remove(el)
        elif _CLEAR_AWAY_STYLE.search(style) or _boxed_away(style):
            for sub in el.iter():  # out of sight with all it holds, whatever its children set; its place kept
                if sub is not el:
                    sub.tail = None
                sub.text = None
        else:  # (it keeps its place: a cell drawn at no size, or unseen, is an empty cell)
            _drop_unseen_text(el, _VISIBLE_AGAIN if vanish else _SHOWN_AGAIN)


def _drop_unseen_text(el, again: re.Pattern = _SHOWN_AGAIN) -> None:
    """Clear the text an element draws unseen (at no size, in no colour, hidden): its own, and that
    of the children that set no class nor a style that shows them `again` (their own size or colour;
    visibility:visible), all the way down."""
    el.text = None
    for child in el:
        child.tail = None
        if not isinstance(child.tag, str):
            continue
        if child.get("class") is None and not again.search(child.get("style") or ""):
            _drop_unseen_text(child, again)


def _article(root):
    body = root.find("body")
    if body is None:
        body = root
    best, best_len = None, 0
    for el in _MARKED_BELOW(body):  # document order, as the first of the longest wins
        if el.tag not in _ARTICLE_TAGS or el is body:
            continue
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        if _ARTICLE_ATTR.search(attrs):
            n = int(_TEXT_LENGTH(el))
            if n > best_len:
                best, best_len = el, n
    total = int(_TEXT_LENGTH(body))
    if best is not None and best_len >= 0.3 * total and not _figures_outside(body, best):
        return best
    return body


_FIGURE_CELLS = etree.XPath("count(.//td[translate(normalize-space(.), '0123456789', '') = '' and "
                            "string-length(normalize-space(.)) > 0])")


def _figures_outside(body, article) -> bool:
    """Is there a table of figures (ten cells or more holding a figure alone) outside the article —
    the report's tables put after its text in an element of their own?"""
    for t in body.iter("table"):
        el = t
        while el is not None and el is not article:
            el = el.getparent()
        if el is None and not _lays_out(t) and _FIGURE_CELLS(t) >= 10:
            return True
    return False


def _render(root, out: _Out) -> None:
    """Text in document order, a table as a placeholder line; iterative, so no nesting depth is
    too deep for it."""
    stack: list[tuple[object, bool]] = [(root, False)]  # (element, closing?)
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                out.newline()
            if el.tail:
                out.chunks.append(el.tail)
            continue
        if tag == "table" and _lays_out(el):
            # a table that lays the page out (tables in its cells): its cells are read as the page's
            # flow, each a block, and the tables in them as tables — gridded whole, the report's
            # tables would be flattened into one cell of it (a page whose article has no name)
            for cell in _own_cells(el):
                cell.tag = "div"
            el.tag = tag = "div"
        if tag == "table":
            out.newline()
            out.chunks.append(f"\x00T{len(out.tables)}\x00")
            out.tables.append(_grid(el, out))
            out.newline()
            if el.tail:
                out.chunks.append(el.tail)
            continue
        if tag == "img":
            src = el.get("src") or ""
            if src and len(out.pictures) < MAX_PICTURES:
                out.newline()
                out.chunks.append(f"\x00I{len(out.pictures)}\x00")
                out.pictures.append(src)
                out.newline()
        if tag in _BLOCK:
            out.newline()
        if el.text and tag != "br":
            out.chunks.append(el.text)
        stack.append((el, True))
        children = []
        for child in el:
            if isinstance(child.tag, str):
                children.append((child, False))
            elif child.tail:
                children.append((_Tail(child.tail), True))
        stack.extend(reversed(children))


def _lays_out(table) -> bool:
    """Does a table hold a table of rows in its cells (a page's layout, not a table of figures)? A
    cell holding a table of one row (a label and its note, set side by side) is read as that cell."""
    it = table.iter("table")
    next(it, None)  # (the table itself)
    return any(len(_own_rows(inner)) >= 2 for inner in it)


def _own_rows(table) -> list:
    """The table's own rows, not those of the tables inside its cells (wherever the page's markup
    puts them: in a tbody, or in an element it should not have)."""
    rows = []
    for tr in table.iter("tr"):
        anc = tr.getparent()
        while anc is not None and anc.tag != "table":
            anc = anc.getparent()
        if anc is table:
            rows.append(tr)
    return rows


def _own_cells(table) -> list:
    """The table's own cells, not those of the tables inside them."""
    return [c for tr in _own_rows(table) for c in tr if c.tag in ("td", "th")]


class _Tail:
    """The text after a comment or processing instruction, emitted in its place."""

    tag = None

    def __init__(self, tail: str):
        self.tail = tail


def _cell_text(cell) -> str:
    if len(cell) == 0:
        t = cell.text
        if not t:
            return ""
        if (" " not in t and "\n" not in t and "\t" not in t and "\xa0" not in t and "|" not in t and "\u3000" not in t
                and "&" not in t):
            return t
        s = _WS.sub(" ", t).strip()
    else:
        s = _WS.sub(" ", "".join(cell.itertext())).strip()
    if "&" in s and REFERENCE.search(s) is not None:  # (escaped twice, &amp;nbsp;: the page shows &nbsp;)
        s = _WS.sub(" ", html.unescape(s)).strip()
    return s.replace("|", "¦")


def _span(value: str | None) -> int:
    if value is None or value == "1":
        return 1
    try:
        return max(1, min(MAX_SPAN, int(value)))
    except ValueError:
        return 1


def _grid(table, out: _Out | None = None) -> list[list[str]]:
    """The table's rows with spans expanded; cells of nested tables are flattened into their cell.
    Bounded: at most MAX_WIDTH columns, and the page's tables share MAX_SLOTS slots (a page of
    `colspan=100` cells cannot make a grid of millions); a table past them is cut (counted)."""
    budget = out.budget if out is not None else MAX_SLOTS
    cut = False
    rows = _own_rows(table)
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            tag = cell.tag
            if tag != "td" and tag != "th":
                continue
            while (r, c) in grid:
                c += 1
            text = _cell_text(cell)
            rs_at, cs_at = cell.get("rowspan"), cell.get("colspan")
            if (rs_at is None or rs_at == "1") and (cs_at is None or cs_at == "1") and c < MAX_WIDTH:
                # (most cells span nothing: placed here, without the spans' arithmetic)
                if len(grid) >= budget:
                    cut = True
                    break
                grid[(r, c)] = text
                c += 1
                if c > width:
                    width = c
                continue
            rs, cs = _span(rs_at), _span(cs_at)
            rs = min(rs, len(rows) - r)
            cs = min(cs, MAX_WIDTH - c)
            if cs <= 0 or len(grid) + rs * cs > budget:
                cut = True
                break
            place(grid, r, c, rs, cs, text)
            c += cs
            if c > width:
                width = c
        if len(grid) + width > budget:
            cut = True
        if cut:
            rows = rows[: r + 1]
            break
    if out is not None:
        out.budget -= min(out.budget, len(rows) * width)
        out.cut += cut
    if not grid:
        return []
    return rows_of(grid, len(rows), width, MISSING)


_CONTENT = re.compile(r"""(?<![\w-])content\s*:\s*(["'])((?:\\.|(?!\1).){0,40})\1""", re.I)
# a content that is not empty (in lower or upper case: a pattern that opens with a word re skips to)
_DRAWS = (re.compile(r"""content\s*:\s*(["'])(?!\1)"""), re.compile(r"""CONTENT\s*:\s*(["'])(?!\1)"""))
_PSEUDO = re.compile(r"\s*(?:[a-zA-Z][a-zA-Z0-9]*)?\.([\w-]+)\s*::?(before|after)\s*", re.I)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")


def _generated(text: str) -> dict[str, tuple[str, str]]:
    """The classes whose ::before or ::after rules in the page's own <style> blocks draw text
    (`.n7::after{content:"7"}`, CSS escapes read: "\\37"), as class → (before, after): a page may
    draw a figure's digits so, against copying."""
    out: dict[str, tuple[str, str]] = {}
    for _, block in _style_blocks(text):
        if not any(p.search(block) for p in _DRAWS):
            continue  # (a clearfix's empty content draws nothing: the rules are not read)
        for selectors, body in _rules(block):
            m = _CONTENT.search(body)
            if m is None:
                continue
            drawn = _CSS_ESCAPE.sub(lambda e: chr(int(e.group(1), 16)) if e.group(1) else e.group(2), m.group(2))
            for sel in selectors.split(","):
                pm = _PSEUDO.fullmatch(sel)
                if pm is not None and _words(drawn):
                    before, after = out.get(pm.group(1), ("", ""))
                    out[pm.group(1)] = (drawn, after) if pm.group(2).lower() == "before" else (before, drawn)
    return out


def _drawn_around(classes: str, drawn: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The text an element of these classes (a class attribute's value) has drawn before and after
    its own (`_generated`), or None when none of them draws."""
    own = [drawn[c] for c in classes.split() if c in drawn]
    return ("".join(b for b, _ in own), "".join(a for _, a in own)) if own else None


def _words(drawn: str) -> bool:
    """Is what a rule draws text — letters, digits or characters, not an icon font's glyph (a
    private-use character) nor marks alone?"""
    return any(ch.isalnum() for ch in drawn) and not any("\ue000" <= ch <= "\uf8ff" for ch in drawn)
