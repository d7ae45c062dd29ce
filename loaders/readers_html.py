"""HTML -> main text with its block structure kept as lines.

Page chrome (scripts, menus, cookie banners, headers and footers of the page) is
skipped while walking the tree; the walk prefers ``<main>``, ``role=main`` or a single
``<article>``. Blocks become lines so that line-based extraction works downstream:
``<li>`` -> "• item", ``<dt>``/``<dd>`` -> "Label:" / "Value", a two-cell row with a
header cell -> "Label:" / "Value", other table rows -> "cell | cell".
"""
from __future__ import annotations

import os
import re

from selectolax.lexbor import LexborHTMLParser

from .readers_base import ReadError, clean_text, decode_bytes

# elements never part of the text
_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "nav", "aside", "button", "select", "textarea",
    "input", "option", "dialog", "head", "title", "meta", "link",
}
# page chrome unless it belongs to an article or main (then it holds its title and date)
_CHROME_TAGS = {"header", "footer"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog",
                 "menu", "menubar"}
_CHROME_CLASS = re.compile(
    r"cookie|consent|gdpr|banner|menu|breadcrumb|skip|(?:^|[-_\s])nav|navbar|navigation"
    r"|sidenav|topnav|site-?header|site-?footer|share|social|print-?logo|visually-?hidden"
    r"|sr-only|screen-?reader|outdated-?browser|browser-?update",
    re.IGNORECASE,
)
_SKIP_LINK_TEXT = re.compile(r"^\s*(hoppa\s+till|gå\s+(direkt\s+)?till|skip\s+to|till\s+innehåll)",
                             re.IGNORECASE)
_MAIN_HINTS = "main, article, [role=main], h1"

_PARA = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote",
         "pre", "figure", "hr", "address", "details", "fieldset"}
_LINE = {"div", "section", "article", "main", "header", "footer", "li", "dt", "dd", "tr",
         "caption", "figcaption", "summary", "legend", "center", "tbody", "thead", "tfoot",
         "form", "label", "body", "html"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}


def decode_html(data: bytes, path) -> tuple[str, str]:
    """HTML bytes -> (markup, encoding): the declared charset if it works, else like text."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii").lower()
            declared = _WHATWG_ALIASES.get(declared, declared)
            try:
                text = data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" not in text:
                    return text, declared
    return decode_bytes(data, path)


def _attrs(node) -> dict:
    try:
        return node.attributes
    except Exception:  # malformed attribute bytes
        return {}


def _is_chrome(node, inside_main: bool) -> bool:
    tag = node.tag
    if tag in _SKIP_TAGS:
        return True
    attrs = _attrs(node)
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = attrs.get("style")
    if style and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.I):
        return True
    if tag in ("html", "body", "main", "article"):
        return False
    if tag in _CHROME_TAGS and not inside_main:
        return True
    role = (attrs.get("role") or "").lower()
    marks = " ".join(filter(None, (attrs.get("id"), attrs.get("class"))))
    if role in _CHROME_ROLES or (marks and _CHROME_CLASS.search(marks)):
        # a class like "menu-open" on a wrapper must not cost us the page
        return node.css_first(_MAIN_HINTS) is None
    if tag == "a" and (attrs.get("href") or "").startswith("#"):
        return bool(_SKIP_LINK_TEXT.match(node.text(deep=True) or ""))
    if tag == "form":
        return node.css_first(_MAIN_HINTS) is None and len(node.css("p")) < 3
    return False


def _usable_root(node) -> bool:
    """A content root must hold text and be no script, style, nav … nor inside one
    (``<script role="main">`` is code, whatever its role says)."""
    if node is None or not (node.text(deep=True) or "").strip():
        return False
    if any(n.tag in _SKIP_TAGS for n in (node, *_ancestors(node))):
        return False
    w = _Writer()  # text that only scripts and menus hold does not count
    _walk(node, w, True)
    return bool(w.result().strip())


def _choose_root(tree):
    for selector in ("main", "[role=main]"):
        node = next((n for n in tree.css(selector) if _usable_root(n)), None)
        if node is not None:
            return node
    articles = [a for a in tree.css("article") if _usable_root(a)]
    if len(articles) == 1:
        return articles[0]
    for selector in ("#main-content", "#maincontent", "#content", "#main"):
        node = next((n for n in tree.css(selector) if _usable_root(n)), None)
        if node is not None:
            return node
    return tree.body or tree.root


class _Writer:
    """Collects inline text and block breaks into lines."""

    def __init__(self):
        self.parts: list[str] = []  # finished lines and the newlines between them
        self.line: list[str] = []  # inline text of the line being built
        self.pending = 0  # newlines owed before the next text
        self.prefix = ""  # "• " for a list item, put before its first text
        self.lines = 0  # finished lines so far
        self.li_depth = 0  # inside a list item a <p> is a line, not a paragraph

    def brk(self, n: int) -> None:
        if self.line:
            line = " ".join("".join(self.line).split())
            self.line = []
            if line:
                self.parts.append(line)
                self.lines += 1
        if self.parts:
            self.pending = max(self.pending, n)

    def hard_break(self) -> None:
        """<br>: ends the line; two in a row leave a blank line."""
        if self.line:
            self.brk(1)
        elif self.parts:
            self.pending = min(self.pending + 1, 2)

    def text(self, s: str, pre: bool = False) -> None:
        if not s:
            return
        if pre:
            self.brk(0)
            self._start_line()
            self.parts.append(s)
            self.lines += 1
            return
        if not self.line:
            if not s.strip():
                return
            self._start_line()
            if self.prefix:
                self.line.append(self.prefix)
                self.prefix = ""
        self.line.append(s)

    def _start_line(self) -> None:
        if self.pending and self.parts:
            self.parts.append("\n" * self.pending)
        self.pending = 0

    def colon_after(self, mark: int) -> None:
        """End the line of a <dt> with a colon, if that <dt> wrote a line."""
        self.brk(1)
        if self.lines > mark and not self.parts[-1].endswith(":"):
            self.parts[-1] += ":"

    def result(self) -> str:
        self.brk(0)
        return "".join(self.parts)


# ---------------------------------------------------------------- nesting depth

#: environment variable: the deepest element nesting an HTML page may have
MAX_NESTING_ENV = "SAMVERKAN_MAX_NESTING"
DEFAULT_MAX_NESTING = 10_000
#: the work (``parser_load``) allowed is this times the square of the nesting limit
WORK_PER_DEPTH = 1.0

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)|<!--")
# elements that hold no others
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "basefont bgsound frame keygen".split())
# elements whose text is no markup
_RAW_TEXT = frozenset("script style textarea title xmp noscript iframe noembed noframes "
                      "plaintext svg math".split())
# formatting elements: left open, the parser repeats them in every block that follows
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# a start tag that closes an open element of these names, unless one of the stops is nearer
_BLOCK = frozenset("address article aside blockquote center details dialog dir div dl fieldset "
                   "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu "
                   "nav ol p pre section summary table ul".split())
_SCOPE = frozenset("table td th caption button object applet marquee template html".split())
_CLOSES = {
    "li": ({"li"}, {"ul", "ol", "menu"} | _SCOPE),
    "dt": ({"dt", "dd"}, {"dl"} | _SCOPE), "dd": ({"dt", "dd"}, {"dl"} | _SCOPE),
    "tr": ({"tr"}, {"table"}), "td": ({"td", "th"}, {"tr", "table"}), "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot"}, {"table"}), "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
    "option": ({"option"}, {"select", "datalist", "optgroup"}), "optgroup": ({"optgroup", "option"}, {"select"}),
    "rb": ({"rb", "rt", "rp"}, {"ruby"}), "rt": ({"rb", "rt", "rp"}, {"ruby"}), "rp": ({"rb", "rt", "rp"}, {"ruby"}),
}
_P_CLOSE = ({"p"}, _SCOPE)
_REBUILD = _BLOCK | frozenset(_CLOSES)  # a new one of these rebuilds the open formatting elements
_LOOK = 64  # a tag closes an element this far down the stack at most


def max_nesting(path=None) -> int:
    raw = os.environ.get(MAX_NESTING_ENV, "").strip()
    try:
        value = int(raw) if raw else DEFAULT_MAX_NESTING
    except ValueError:
        raise ReadError(path or "-", f"{MAX_NESTING_ENV} must be a whole number, not {raw!r}") from None
    return value if value > 0 else DEFAULT_MAX_NESTING


def _pop_to(stack: list[str], targets, stops) -> None:
    for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _LOOK), -1):
        if stack[k] in targets:
            del stack[k:]
            return
        if stack[k] in stops:
            return


def parser_load(markup: str, max_depth: int | None = None, max_work: float | None = None) -> tuple[int, float]:
    """(deepest nesting, work) the HTML parser would face, from the tags alone in one linear
    pass. The parser's time grows with the square of the depth (an 11 MB page of nested tags
    kept it busy for minutes) and with the formatting tags left open, which it repeats in every
    block that follows (80 kB of ``<p><b class=N>`` took it 17 s). Work is the sum of the
    depths elements are inserted at. Close tags close what they match near the top; a <p>,
    <li>, <td> … closes the one before it; void elements, comments and the text of <script>
    and <style> do not count (Noah's ark: at most three identical formatting elements are
    repeated). Stops early once either limit is passed."""
    stack: list[str] = []        # open elements other than formatting ones
    open_fmt: dict[str, list[str]] = {}  # name -> the keys (name + attributes) left open, in order
    same: dict[str, int] = {}    # key -> how many are open
    repeated = 0                 # formatting elements the parser repeats (at most 3 per key)
    deepest, work, skip = 0, 0.0, 0
    for m in _TAG.finditer(markup):
        if m.start() < skip:  # inside a comment or the text of a <script>
            continue
        name = m.group(2)
        if name is None:  # a comment
            end = markup.find("-->", m.end())
            if end < 0:
                break
            skip = end + 3
            continue
        name = name.lower()
        if m.group(1):  # a close tag
            if name in _FORMATTING:
                keys = open_fmt.get(name)
                if keys:
                    key = keys.pop()
                    same[key] -= 1
                    if same[key] < 3:
                        repeated -= 1
            else:
                _pop_to(stack, (name,), ())
            continue
        if name in _VOID:
            continue
        if name in _RAW_TEXT:
            close = re.compile(f"</{name}", re.IGNORECASE).search(markup, m.end())
            if close is None:
                break
            skip = close.start()
            continue
        if name in _FORMATTING:
            if name in ("a", "nobr") and open_fmt.get(name):  # a new <a> ends the open one
                key = open_fmt[name].pop()
                same[key] -= 1
                if same[key] < 3:
                    repeated -= 1
            key = name + m.group(3)[:500]
            open_fmt.setdefault(name, []).append(key)
            same[key] = same.get(key, 0) + 1
            if same[key] <= 3:
                repeated += 1
            depth = len(stack) + repeated
            work += depth
        else:
            if name in _BLOCK:
                _pop_to(stack, *_P_CLOSE)
            rule = _CLOSES.get(name)
            if rule:
                _pop_to(stack, *rule)
                if name in ("li", "dt", "dd"):
                    _pop_to(stack, *_P_CLOSE)
            stack.append(name)
            depth = len(stack) + repeated
            # the open formatting elements are built again inside a new block
            work += depth + (repeated * depth if repeated and name in _REBUILD else 0)
        if depth > deepest:
            deepest = depth
        if (max_depth is not None and deepest > max_depth) or (max_work is not None and work > max_work):
            break
    return deepest, work


def check_nesting(markup: str, path) -> None:
    """Refuse, with one line, a page nested deeper than ``SAMVERKAN_MAX_NESTING`` (or whose
    open formatting tags would make the parser work as hard as on such a page) before the
    parser spends minutes on it."""
    limit = max_nesting(path)
    if markup.count("<") <= limit:  # no deeper than it has tags, and little work
        return
    max_work = WORK_PER_DEPTH * limit * limit
    depth, work = parser_load(markup, limit, max_work)
    n = f"{limit:,}".replace(",", " ")
    if depth > limit:
        raise ReadError(path, f"HTML nested more than {n} elements deep ({MAX_NESTING_ENV} sets the limit)")
    if work > max_work:
        raise ReadError(path, f"HTML whose unclosed tags the parser would repeat in every block, as "
                              f"much work as nesting more than {n} elements deep ({MAX_NESTING_ENV} "
                              f"sets the limit)")


def html_to_text(markup: str, path=None) -> tuple[str, str | None]:
    """Markup -> (main text, title); a page nested deeper than ``SAMVERKAN_MAX_NESTING`` is a
    ReadError naming ``path``."""
    check_nesting(markup, path if path is not None else "-")
    tree = LexborHTMLParser(markup)
    root = _choose_root(tree)
    inside_main = root.tag in ("main", "article") or (_attrs(root).get("role") == "main")
    w = _Writer()
    h1 = root.css_first("h1")
    if h1 is None and root.tag not in ("body", "html"):
        # the page's h1 often sits above <main>; the name of the project is in it
        h1 = tree.css_first("h1")
        if h1 is not None and not any(_is_chrome(a, False) for a in _ancestors(h1)):
            w.text(h1.text(deep=True) or "")
            w.brk(2)
        else:
            h1 = None
    _walk(root, w, inside_main)
    return clean_text(w.result()), _title(tree, h1)


def _ancestors(node):
    node = node.parent
    while node is not None and node.tag not in ("html", "-document", None):
        yield node
        node = node.parent


_LABEL_CLASS = re.compile(r"(?:^|[-_\s])(?:field-?_*label|label|key|term)(?:$|[-_\s])", re.I)
_VALUE_CLASS = re.compile(r"(?:^|[-_\s])(?:field-?_*items?|value)(?:$|[-_\s])", re.I)


def _kind(node, tag: str) -> str:
    """How an element lays out: its tag, but a "label"/"value" span pair acts as dt/dd."""
    if tag in ("span", "div", "strong", "b", "p", "label"):
        cls = _attrs(node).get("class") or ""
        if cls and (_LABEL_CLASS.search(cls) or _VALUE_CLASS.search(cls)):
            blocks = node.css("div, p, ul, ol, dl, table, h1, h2, h3, h4, section")
            if all(b.mem_id == node.mem_id for b in blocks):  # css() matches the node itself
                return "dt" if _LABEL_CLASS.search(cls) else "dd"
    return tag


def _walk(root, w: _Writer, inside_main: bool) -> None:
    # iterative: pages nest deeper than Python's recursion limit allows
    stack: list = [(root, inside_main, False)]
    while stack:
        item = stack.pop()
        node = item[0]
        if node is None:  # leaving an element: (None, kind, mark)
            _close(item[1], w, item[2])
            continue
        _, in_main, pre = item
        tag = node.tag
        if tag == "-text":
            w.text(node.text_content or "", pre)
            continue
        if not tag or (tag[0] in "-_#!" and tag != "-document"):
            continue  # comments, doctype, processing instructions
        if node is not root and _is_chrome(node, in_main):
            continue
        kind = _kind(node, tag)
        _open(kind, w)
        stack.append((None, kind, w.lines))
        if tag == "tr":
            _write_row(node, w)
            continue
        child_in_main = in_main or tag in ("main", "article")
        child_pre = pre or tag == "pre"
        children = list(node.iter(include_text=True))
        for child in reversed(children):
            stack.append((child, child_in_main, child_pre))


def _write_row(row, w: _Writer) -> None:
    """A table row on one line ("cell | cell"), or "Label:" / "Value" for a th + td row."""
    cells = [c for c in row.iter() if c.tag in ("td", "th")]
    texts = [" ".join((c.text(deep=True, separator=" ") or "").split()) for c in cells]
    nonempty = [t for t in texts if t]
    if not nonempty:
        return
    if len(cells) == 2 and cells[0].tag == "th" and texts[0] and texts[1]:
        w.text(texts[0] if texts[0].endswith(":") else texts[0] + ":")
        w.brk(1)
        w.text(texts[1])
    else:
        w.text(" | ".join(nonempty))
    w.brk(1)


def _strength(tag: str, w: _Writer) -> int:
    if tag in _PARA:
        return 1 if tag == "p" and w.li_depth else 2
    return 1 if tag in _LINE else 0


def _open(tag: str, w: _Writer) -> None:
    if tag == "br":
        w.hard_break()
    elif _strength(tag, w):
        w.brk(_strength(tag, w))
    if tag == "li":
        w.prefix = "• "
        w.li_depth += 1


def _close(tag: str, w: _Writer, mark: int) -> None:
    if tag == "dt":
        w.colon_after(mark)
    elif _strength(tag, w):
        w.brk(_strength(tag, w))
    if tag == "li":
        w.prefix = ""
        w.li_depth -= 1


def _title(tree, h1) -> str | None:
    """The page's own heading, else og:title, else <title>."""
    for node in (h1, tree.css_first('meta[property="og:title"]'),
                 tree.css_first("title"), tree.css_first("h1")):
        if node is None:
            continue
        text = node.attributes.get("content") if node.tag == "meta" else node.text(deep=True)
        text = " ".join((text or "").split())
        if text:
            return text
    return None
