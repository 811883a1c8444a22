"""Plain-text layout: a text file's lines read back into the paragraphs they print.

Plain text reaches the tool in many layouts: one paragraph a line (Word and
CMS exports), hard-wrapped and indented (Debian's manuals, e-mail), justified
and hyphenated (``man page | col -b``), CJK text wrapped with no spaces at
all. A misread line break is worse than a wrong sentence split: the edition
that was wrapped differently gets a sentence fragment reported as an omission
or an addition. No maintained library reads these layouts back (text
wrappers only go the other way), so it is done here, from evidence in the
document itself:

- **where a line was wrapped**: a wrapping program breaks a line only when
  the next word does not fit before the right margin. So a line break is
  soft (the paragraph goes on) when the first word of the next line would
  not have fitted on this one, and hard (the line ended on purpose: a
  heading, a list item, a short last line) when it would. The margin is
  measured on the document; widths are display columns (a CJK character
  takes two), as the wrapping program counted them;
- **structure**: blank lines, a list marker, a line less indented than its
  paragraph (a new paragraph, a heading at the margin), an underline
  (``====``), and blocks that are tables or code (aligned columns, drawn
  boxes, ``|`` cells, C-like line ends) whose lines stay lines;
- **joining**: justified spaces folded, a line-end hyphen (U+2010 as groff
  prints it, the soft hyphen U+00AD, ``-``) joined without a space before a
  lower-case continuation, a URL or e-mail address cut at a line end
  rejoined, and no space where a break falls between two CJK characters.

A document whose inner line ends mostly close sentences and whose lines
differ widely in width is a paragraph per line (``lines``); the choice, and
what else was recognised, is returned for the run's signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import TABLE_BAR, close_cjk_spaces, is_cjk, is_code

_SPACES = re.compile(r"\s+")
#: Line ends that close a sentence (or a heading-like line).
_SENTENCE_END = re.compile(r"[.!?…:;»\"”’)\]。！？：；」』）]\s*$")
#: Box-drawing characters: a table drawn in text.
_BOX = re.compile(r"[\u2500-\u257f]")
#: Line ends of C-like code: a brace, or a semicolon after no run of three
#: words (prose lists end items with ";" too), or before a comment that ends
#: the line ("int error;   /* Negative errno */").
_CODE_END = re.compile(r"[{}]\s*$|^\s*[{}]|^(?!.*[^\W\d_]{2,} [^\W\d_]{2,} [^\W\d_]{2,}).*;\s*$"
                       r"|^[^/]*;\s*/\*.*\*/\s*$")
#: Lines of C-like code that end in no brace or semicolon: a preprocessor line,
#: a function's head ("main(int argc, char *argv[])", not a man page reference
#: such as "sysconf(3)"), a control statement's head, a bare keyword or type
#: ("int", "else", "static void").
_CODE_LINE = re.compile(r"^\s*#\s*(?:include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma)\b"
                        r"|^\s*[A-Za-z_]\w*\((?!\d\w*\)\s*$)[^()]*(?:\([^()]*\)[^()]*)*\)\s*$"
                        r"|^\s*(?:if|for|while|switch)\s*\(.*\)\s*\{?\s*$"
                        r"|^\s*(?:else|(?:static\s+|const\s+|unsigned\s+)*(?:int|void|char|long|short|double|float)"
                        r"(?:\s*\*+)?)\s*$")
#: A C comment's marks: its opening (before a space or the line's end; "/*" in a
#: path such as "/usr/share/doc/*" is none) and its close ("Zeit*/" too).
_COMMENT_OPEN = re.compile(r"/\*(?=\s|$)")
_COMMENT_CLOSE = re.compile(r"\*/")
#: The star that a C comment's inner lines start with (" * followed by ...").
_COMMENT_STAR = re.compile(r"^\*(?!/)\s?")
#: The most lines a C comment is joined across: a longer one is read line by line.
MAX_COMMENT_LINES = 12
#: A shell prompt before a command: a block that starts with one is a terminal
#: session, commands and their output ("$ ./a.out /dev/stdin" and what the
#: program printed; "# mount --rbind / /home/otto").
_PROMPT = re.compile(r"^[$#] +")
#: A command line: a program's name in small letters, then an option, a path, a
#: pipe or a redirection ("mount --rbind", "cat /proc/self/mountinfo"), or a name
#: of code characters ("apt-get update", "./a.out"). Not "the installer will",
#: which is a comment's prose.
_COMMAND = re.compile(r"(?:[a-z][\w+]*[-_.][\w.+-]*|\.{0,2}/[\w./-]*|[a-z][\w+]*(?=\s+[-/~$|<>'\"]|\s*$))(?:\s|$)")


def is_command(text: str) -> bool:
    """Whether a line after a prompt (or a "#") reads as a shell command."""
    return bool(_COMMAND.match(text)) or " | " in text
#: A rule across a table: box-drawing lines, dashes, equals signs.
_RULE = re.compile(r"[\u2500-\u257f\-=+|_ ]+")
#: A table row drawn with bars: "| a | b |" or "a | b | c".
_BARS = re.compile(r"\|.*\|")
#: A list item's or numbered heading's marker at the start of a line: bullets,
#: "1.", "1)", "10.3.", "A.2.", "a)", "(iv)".
#: Not "o" or a dash: in Spanish a wrapped line may start with "o" (or), in
#: Russian and French with a dash of dialogue or apposition.
_MARKER = re.compile(r"(?:[*+•·‣◦▪]|\d{1,3}(?:\.\d{1,3})*[.)]|[A-Z](?:\.\d{1,3})+\.?"
                     r"|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\))\s+\S")
#: A line that underlines the heading above it.
_UNDERLINE = re.compile(r"([=\-~^*#_])\1{2,}")
#: The last word of a line when it is a URL or e-mail address, or the start of one
#: ("(https://", "<http://www.", "user@"), after a space, a bracket or a CJK character.
_URL_END = re.compile(r"(?<![A-Za-z0-9_/.:@+-])((?:(?:https?|ftp):/{0,2}|www\.|mailto:|[\w.+-]+@)[\w/\-.?=&#~%:@+!*,;]*)$"
                      r"|[⟨<](?:https?|ftp|mailto)[^\s⟩>]*$")
#: The continuation of a URL at the start of the next line: its URL characters.
_URL_REST = re.compile(r"[A-Za-z0-9_/\-.?=&#~%:@+]+")
#: Where a wrapper cuts a URL: after a slash, a dash or punctuation inside it, or before a slash.
_URL_CUT_AFTER = "/-_?=&#~%@:"

#: Share of lines that stay within the margin, measuring it.
MARGIN_QUANTILE = 0.9
#: Lines needed before the margin says where lines were wrapped: with fewer,
#: the widest line may well be a short paragraph.
MIN_WRAPPED_LINES = 8
#: In hard-wrapped text with too few lines to measure a margin, an inner line
#: shorter than this share of the widest line, in capitals or followed by a
#: capital, was not wrapped: a heading or a line of its own ("NAME").
SHORT_LINE = 0.4
#: Columns a CJK line may end before the margin and still have been wrapped:
#: CJK line breaking keeps closing punctuation off a line's start by moving
#: the character before it down.
CJK_SLACK = 6


@lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Columns the text takes on a terminal (the measure wrapping programs use)."""
    return sum(2 if is_cjk(c) else 1 for c in text)


@dataclass(frozen=True)
class Line:
    text: str       # tabs expanded, trailing space removed
    number: int     # 1-based, in the file
    indent: int     # leading columns
    end: int        # display column of the last character

    @property
    def content(self) -> str:
        return self.text.strip()

    @property
    def first_word(self) -> str:
        """What a wrapper would have had to fit on the line before: a word, or one CJK character."""
        content = self.content
        return content[:1] if is_cjk(content[:1]) else content.split(" ", 1)[0]


def expand_tabs(line: str) -> str:
    """Tabs as spaces to the next multiple of 8 columns, counted in display
    columns as ``col`` and terminals count them: a CJK character takes two
    (``str.expandtabs`` counts it as one, and a Japanese man page's tabs
    then land short of where ``col`` meant them)."""
    if "\t" not in line:
        return line
    out, column = [], 0
    for c in line:
        if c == "\t":
            out.append(" " * (8 - column % 8))
            column += 8 - column % 8
        else:
            out.append(c)
            column += display_width(c)
    return "".join(out)


def lines_of(text: str) -> list[list[Line]]:
    """Blank-line separated blocks as their non-empty lines, tabs expanded
    (:func:`expand_tabs`)."""
    blocks: list[list[Line]] = [[]]
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = expand_tabs(raw).rstrip()
        if line.strip():
            indent = len(line) - len(line.lstrip())
            blocks[-1].append(Line(line, number, indent, display_width(line)))
        elif blocks[-1]:
            blocks.append([])
    return [part for b in blocks if b for part in _box_runs(b)]


def _box_runs(block: list[Line]) -> list[list[Line]]:
    """A block cut where a drawn table starts or ends: a paragraph set right
    under a table's last rule (no blank line between) is prose, not a row."""
    runs: list[list[Line]] = []
    for line in block:
        drawn = bool(_BOX.search(line.text))
        if runs and drawn == bool(_BOX.search(runs[-1][-1].text)):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


#: A list marker at the start of a line with the space after it.
_MARKER_GAP = re.compile(r"(?:[*+•·‣◦▪\-–]|\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-zA-Z]\))\s+")
#: A gap of two or more spaces inside a line, and the word after it.
_GAP = re.compile(r"(?<=[^\s.!?])  +(?=\S)")


def _gap_columns(line: Line) -> set[int]:
    """Display columns where a word starts after a gap of two or more spaces
    (not the gap after a list item's marker: "•  text")."""
    lead = _MARKER_GAP.match(line.text, line.indent)
    start = lead.end() if lead else line.indent
    return {display_width(line.text[:m.end()]) for m in _GAP.finditer(line.text, start)}


def preformatted(block: list[Line]) -> bool:
    """A block of code, a drawn table or aligned columns: every line is a line
    of its own whatever the document's layout, and such a block says nothing
    about whether the prose is hard-wrapped. A gap counts as a column when
    words after gaps, or lines' indentation, start at its column in half the
    block's lines (two at least); a line justified to the block's right
    edge is no evidence itself: the spaces that justify a line fall anywhere."""
    edge = max(line.end for line in block)
    justified = sum(line.end >= edge - 1 for line in block) >= 2
    gaps = [_gap_columns(line) for line in block]
    starts: dict[int, int] = {}
    for line, cols in zip(block, gaps):
        for col in cols | {line.indent}:
            starts[col] = starts.get(col, 0) + 1

    shared = max(2, (len(block) + 1) // 2)
    hanging = {line.indent for line in block} - {min(line.indent for line in block)}

    def columns(line: Line, cols: set[int]) -> bool:
        # a line justified to the block's edge, as another is, has its gaps
        # anywhere, lined up with another line's only by chance: it is no
        # evidence of columns itself, though its gaps count for the others
        # (the aligned comments of a C structure end at the edge too), unless
        # its first gap is where other lines of the block are indented to: a
        # cell that wraps under itself (CJK cells are justified to the edge too)
        if justified and line.end >= edge - 1:
            first = min(cols, default=None)
            return first is not None and first in hanging and starts[first] >= shared
        return any(starts[col] >= shared for col in cols)

    prompt = _PROMPT.match(block[0].content)
    if prompt and len(block) > 1 and (block[0].content[0] == "$" or is_command(block[0].content[prompt.end():])):
        return True
    in_comment = {k for span in c_comments(block) for k in span}
    marked = sum(1 for k, (line, cols) in enumerate(zip(block, gaps))
                 if _BOX.search(line.text) or columns(line, cols) or _CODE_END.search(line.text)
                 or _BARS.search(line.content) or _CODE_LINE.search(line.content) or k in in_comment)
    return marked * 2 > len(block)


def c_comments(block: list[Line]) -> list[range]:
    """The lines of each C comment that spans lines ("/* On delivery of SIGQUIT,
    we attempt to" down to "cancel all outstanding I/O requests */"), as ranges
    of the block's line indices: one comment, one segment, however the edition
    wrapped it. A comment that does not close within the block, or within
    ``MAX_COMMENT_LINES``, is none (a "/*" of prose)."""
    spans, k = [], 0
    while k < len(block):
        text = block[k].content
        opening = _COMMENT_OPEN.search(text)
        if opening and not _COMMENT_CLOSE.search(text, opening.end()):
            end = next((j for j in range(k + 1, min(len(block), k + MAX_COMMENT_LINES))
                        if _COMMENT_CLOSE.search(block[j].content)), None)
            if end is not None:
                spans.append(range(k, end + 1))
                k = end + 1
                continue
        k += 1
    return spans


def _with_comments(block: list[Line], groups: list[list[Line]]) -> list[list[Line]]:
    """Groups of a block kept line by line, each C comment that spans lines made one."""
    spans = c_comments(block)
    if not spans:
        return groups
    first = {block[span.start].number: span for span in spans}
    inside = {block[k].number for span in spans for k in span[1:]}
    out: list[list[Line]] = []
    for group in groups:
        if len(group) == 1 and group[0].number in inside:
            continue
        if len(group) == 1 and group[0].number in first:
            out.append([block[k] for k in first[group[0].number]])
        else:
            out.append(group)
    return out


def table_rows(block: list[Line]) -> list[list[Line]]:
    """A table's lines as rows: a line indented past the first column continues
    a cell of the row above (a wrapped cell), so each row is one segment in
    every edition however its cells wrapped. Code and drawn tables stay line
    by line: there indentation is nesting, not a wrapped cell."""
    cells = [line for line in block if not _RULE.fullmatch(line.content)]
    if cells and all(TABLE_BAR.search(line.text) for line in cells):
        return drawn_rows(block)
    if not cells or any(_BOX.search(line.text) or _CODE_END.search(line.text) or _BARS.search(line.content)
                        for line in cells):
        return [[line] for line in block]
    first = min(line.indent for line in cells)
    rows: list[list[Line]] = []
    for line in block:
        if _RULE.fullmatch(line.content):  # a rule under the header: a row of its own
            rows.append([line])
        elif rows and line.indent > first and not _RULE.fullmatch(rows[-1][0].content):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _cells(text: str) -> list[str]:
    return TABLE_BAR.split(text)


def drawn_rows(block: list[Line]) -> list[list[Line]]:
    """A drawn table's lines as rows, its wrapped cells joined: the lines between
    two rules are one row where rules part the body's rows, and otherwise a line
    whose first cell is empty continues the row above (``│ │10 │`` then
    ``│ │Gigabyte │``). An edition's cells wrap where its words are longer, so
    without this a row is one segment in one edition and three in another."""
    rules = {k for k, line in enumerate(block) if _RULE.fullmatch(line.content)}
    rows_at = [k for k in range(len(block)) if k not in rules]
    inner = [k for k in rules if rows_at and rows_at[0] < k < rows_at[-1]]
    ruled = len(inner) >= 2  # a rule under the header and one between body rows at least
    rows: list[list[Line]] = []
    for k, line in enumerate(block):
        above = rows[-1] if rows and k - 1 not in rules and k not in rules else None
        cells = _cells(line.text)
        if above and len(_cells(above[0].text)) == len(cells) >= 3 and (ruled or not cells[1].strip()):
            above.append(line)
        else:
            rows.append([line])
    return rows


def drawn_row(lines: list[str]) -> str:
    """One row of a drawn table from its lines: each cell's pieces joined as
    wrapped text is, the bars kept."""
    table = [_cells(line) for line in lines]
    joined = [join([row[c] for row in table if row[c].strip()]) for c in range(len(table[0]))]
    return "│".join(joined)


#: A comment of prose in code or a configuration file: "# text", "// text".
_COMMENT = re.compile(r"(#|//)\s+(?=[^\W\d_])")


def commented(block: list[Line]) -> bool:
    """A block that is mostly comment lines (a configuration file's example):
    code, whose comments alone are prose."""
    return sum(1 for line in block if line.content.startswith(("#", "//"))) * 2 > len(block)


def _goes_on(text: str) -> bool:
    """A comment's text that may continue the sentence above: in small letters,
    or prose that is not code."""
    return text[:1].islower() or not is_code(text)


def comment_paragraphs(groups: list[list[Line]]) -> list[list[Line]]:
    """Code kept line by line, with its comments of prose wrapped as prose is: a
    comment line that does not end a sentence goes on in the next comment line
    at the same indentation (a preseed file's "# Es werden die" / "# RAID-Level
    0, 1, 5 ... unterstützt"). Editions wrap their comments at different words.
    A root prompt's command ("# apt-get update") is no comment: it goes on nowhere."""
    out: list[list[Line]] = []
    for group in groups:
        line = group[0]
        above = out[-1][-1] if out else None
        here, there = _COMMENT.match(line.content), above and _COMMENT.match(above.content)
        if len(group) == 1 and here and there and above.indent == line.indent and here.group(1) == there.group(1) \
                and not _SENTENCE_END.search(above.content) and not above.content.endswith("\\") \
                and len(re.findall(r"[^\W\d_]{2,}", above.content)) >= 3 \
                and not is_command(_COMMENT.sub("", above.content, count=1)) \
                and _goes_on(_COMMENT.sub("", line.content, count=1)):
            out[-1].append(line)
        else:
            out.append(list(group))
    return out


def line_layout(blocks: list[list[Line]]) -> str:
    """How a document's lines inside blank-line blocks are meant: ``"wrapped"``
    (hard-wrapped paragraphs, joined), ``"lines"`` (a paragraph per line), or
    ``""`` when no block has several lines.

    Hard-wrapped text has most lines of about the same width, and most line
    ends fall inside sentences. Evidence is taken from the whole document, so
    one short paragraph does not flip the decision. The caller leaves out
    preformatted blocks: they say nothing about the prose.
    """
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if not inner:
        return ""
    ends = sum(1 for line in inner if _SENTENCE_END.search(line.content)) / len(inner)
    widths = sorted(display_width(line.content) for line in inner)
    median, widest = widths[len(widths) // 2], widths[-1]
    return "wrapped" if ends < 0.5 and median >= 0.6 * widest else "lines"


def measure_margin(blocks: list[list[Line]]) -> int:
    """The right margin the text was wrapped at (0 where too few lines show it):
    the column that nine lines in ten of the multi-line blocks stay within.
    Justified text has most lines end exactly there; ragged text close to it;
    the few past it are URLs, code and lines a formatter could not break."""
    ends = sorted(line.end for block in blocks if len(block) > 1 for line in block)
    if len(ends) < MIN_WRAPPED_LINES:
        return 0
    return ends[int(MARGIN_QUANTILE * (len(ends) - 1))]


#: Share of inner lines that were evidently wrapped (the next word would not
#: have fitted) above which a document is hard-wrapped, whatever its line ends:
#: a document of one paragraph a line has a few such lines (its longest), a
#: wrapped one most.
WRAPPED_SHARE = 0.4


def wrapped_share(blocks: list[list[Line]], margin: int) -> float:
    """Share of the line breaks inside blocks that fall where the next word would not fit."""
    inner = [(line, after) for block in blocks for line, after in zip(block, block[1:])]
    return sum(1 for line, after in inner if not _fits(line, after, margin)) / max(len(inner), 1)


#: Share of inner lines ending exactly at the margin above which the text is
#: justified (a document of one paragraph a line has one line in ten there).
JUSTIFIED_SHARE = 0.3


def justified_share(blocks: list[list[Line]], margin: int) -> float:
    """Share of the lines inside blocks (not their last) that end at the margin."""
    inner = [line for block in blocks for line in block[:-1]]
    return sum(1 for line in inner if margin - 1 <= line.end <= margin) / max(len(inner), 1)


#: A line that ends this close to the margin (a share of it), where the next word
#: would not have fitted, was broken by a wrapper.
NEAR_MARGIN = 0.8


def wrapped_block(block: list[Line], margin: int) -> bool:
    """Whether one block of a document read a paragraph per line was wrapped all
    the same: half its line breaks or more fall near the margin where the next
    word would not have fitted. A man page printed at 120 columns has short
    paragraphs (one or two lines), long tags and example programs, so the
    document as a whole does not read as wrapped, yet its longer paragraphs are
    justified to the margin ("…initiate one or more I/O operations that are" /
    "performed asynchronously"). Breaks after a heading or a tag (the next line
    indented otherwise) say nothing either way and are not counted."""
    breaks = [(line, after) for line, after in zip(block, block[1:])
              if not _heading(line) and abs(after.indent - line.indent) <= 1]
    wrapped = sum(1 for line, after in breaks
                  if line.end >= NEAR_MARGIN * margin and not _fits(line, after, margin))
    return wrapped >= 1 and 2 * wrapped >= len(breaks)


def _heading(line: Line) -> bool:
    """A line in capitals ("DESCRIPTION", "SEE ALSO"): a heading whatever follows it."""
    letters = [c for c in line.content if c.isalpha()]  # CJK letters have no case: never capitals
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _fits(line: Line, after: Line, margin: int) -> bool:
    """Whether the next line's first word would have fitted on this line: if it
    would, the wrapper did not break here, the writer did."""
    word = after.first_word
    cjk_join = is_cjk(line.content[-1:]) and is_cjk(word)
    if cjk_join and not _SENTENCE_END.search(line.content):
        return line.end + display_width(word) + CJK_SLACK <= margin
    return line.end + (0 if cjk_join else 1) + display_width(word) <= margin


#: A number at a line's start ("6.2.5. ", "10. "), which may be a heading's or an
#: item's marker, or a reference or a number the wrapper carried over ("See the
#: Reference,\n6.2.5. “Title”", "beträgt bei aptitude\n10. Die Debian-Revision"), or
#: a name that reads like an appendix's number ("SIP and\nH.323. Both are ...").
_SECTION_NUMBER = re.compile(r"(?:\d{1,3}|[A-Z])(?:\.\d{1,3})*\.\s")


def _wrapped_reference(first: Line, line: Line, after: Line, margin: int) -> bool:
    """Whether a line that starts with a section number goes on the sentence of the
    line before: that line does not end a sentence, the wrapper broke it (the
    number would not have fitted), the number stands in the same column, and the
    paragraph is not an item itself (a table of contents numbers every line)."""
    return bool(margin and _SECTION_NUMBER.match(after.content) and not _MARKER.match(first.content)
                and not _SENTENCE_END.search(line.content)
                and abs(after.indent - line.indent) <= 1 and not _fits(line, after, margin))


def _hard_break(group: list[Line], line: Line, after: Line, margin: int, short: float) -> bool:
    """Whether the paragraph ends after ``line`` (the last of ``group``) in wrapped text."""
    if _MARKER.match(after.content) and not _wrapped_reference(group[0], line, after, margin) \
            or _heading(line) and not _heading(after):
        return True
    if len(group) > 1 and after.indent < group[1].indent:  # back out of a paragraph's body
        return True
    if not margin:  # too little text to measure the margin: short lines end paragraphs
        content = line.content
        return len(content) < short and not content.endswith((",", ";", "-", "(")) \
            and (content.isupper() or after.content[:1].isupper())
    if not _fits(line, after, margin):
        return False
    # the next word would have fitted: a continuation in lower case or digits in
    # the same column is still one paragraph (a margin measured too wide, or a
    # formatter that kept "util-linux 2.27" together), anything else ends it
    return not (abs(after.indent - line.indent) <= 1 and not _SENTENCE_END.search(line.content)
                and (after.content[:1].islower() or after.content[:1].isdigit()))


def _url_cut(left: str, right: str) -> bool:
    """A URL or e-mail address broken across the line end."""
    m = _URL_END.search(left)
    # the URL goes on as far as it has URL characters: in CJK text the next line's
    # first word runs on into the sentence ("sf.net)仍是一个例外。"), in a pattern
    # into its syntax ("//sf.net/project/tar-name-(.+)")
    rest = _URL_REST.match(right)
    if not m or not rest:
        return False
    first = rest.group()
    if m.group(1) is None:  # <http://... still open
        return True
    # after a dot only when the rest goes on in lower case ("www." / "debian.org"):
    # "see https://debian.org." and "Debian ..." on the next line are two sentences
    return left[-1] in _URL_CUT_AFTER or first.startswith("/") or \
        (left[-1] == "." and (first[:1].islower() or first[:1].isdigit()))


def _glue(left: str, right: str) -> tuple[str, str]:
    """How two wrapped lines join: the left side as kept, and the text between."""
    if len(left) > 1 and left[-1] in "\u2010\u00ad" and left[-2].isalpha() and right[:1].isalpha():
        # a word hyphenated at the line end by the formatter: groff prints the
        # break as U+2010 (a typed hyphen stays "-"), others as the soft hyphen
        return left[:-1], ""
    if len(left) > 1 and left[-1] == "-" and left[-2].isalpha() and right[:1].islower():
        return left, ""  # a typed hyphen may be part of the word ("non-" / "confrontational")
    if is_cjk(left[-1:]) and is_cjk(right[:1]):
        return left, ""
    if _url_cut(left, right):
        return left, ""
    return left, " "


def join(lines: list[str]) -> str:
    """Wrapped lines as one paragraph."""
    out = lines[0].strip() if lines else ""
    for line in lines[1:]:
        line = line.strip()
        out, glue = _glue(out, line)
        out += glue + line
    return out


def _fold(text: str) -> str:
    return _SPACES.sub(" ", close_cjk_spaces(text)).strip()


def _groups(block: list[Line], margin: int, short: float) -> list[list[Line]]:
    """A wrapped block as groups of lines, one per paragraph; underlines dropped."""
    groups: list[list[Line]] = [[]]
    for k, line in enumerate(block):
        if k and _UNDERLINE.fullmatch(line.content):  # the heading above it ended already
            continue
        groups[-1].append(line)
        after = block[k + 1] if k + 1 < len(block) else None
        if after is None:
            break
        if _UNDERLINE.fullmatch(after.content) or _hard_break(groups[-1], line, after, margin, short):
            groups.append([])
    return [g for g in groups if g]


def read_layout(text: str) -> tuple[list[tuple[str, int]], str]:
    """Paragraphs with the 1-based line each starts on (for editors and CI
    annotations), and the layout recognised: ``wrapped``, ``lines`` or ``""``,
    with ``+columns`` where tables or code were kept line by line in wrapped
    text, ``+wrapped`` where blocks of text read a paragraph per line were
    wrapped all the same (:func:`wrapped_block`) and ``+cjk`` where CJK lines
    were joined without spaces."""
    blocks = lines_of(text)
    pre = [preformatted(block) for block in blocks]
    prose = [block for block, p in zip(blocks, pre) if not p]
    margin = measure_margin(prose)
    layout = line_layout(prose)
    if layout == "lines" and margin and (wrapped_share(prose, margin) >= WRAPPED_SHARE
                                         or justified_share(prose, margin) >= JUSTIFIED_SHARE):
        # a FAQ's questions end lines with "?", a man page's examples are short
        # lines, yet the prose was wrapped
        layout = "wrapped"
    short = SHORT_LINE * max((len(line.content) for block in blocks for line in block), default=0)
    out, seen = [], set()
    for block, p in zip(blocks, pre):
        if layout == "wrapped" and len(block) > 1 and commented(block):
            groups = comment_paragraphs([[line] for line in block])
            seen.add("columns")
        elif p and layout == "wrapped" and len(block) > 1:
            groups = _with_comments(block, comment_paragraphs(table_rows(block)))
            seen.add("columns")
        elif layout == "lines" and margin and not p and len(block) > 1 and wrapped_block(block, margin):
            groups = _groups(block, margin, short)
            seen.add("wrapped")
        elif p:
            groups = _with_comments(block, [[line] for line in block])
        elif layout != "wrapped" or len(block) == 1:
            groups = [[line] for line in block]
        else:
            groups = _groups(block, margin, short)
        for group in groups:
            texts = [line.text for line in group]
            drawn = len(group) > 1 and all(TABLE_BAR.search(t) for t in texts) and \
                len({len(_cells(t)) for t in texts}) == 1
            if len(group) > 1 and all(_COMMENT.match(line.content) for line in group):
                texts = texts[:1] + [_COMMENT.sub("", line.content, count=1) for line in group[1:]]
            elif len(group) > 1 and _COMMENT_OPEN.search(group[0].content):
                texts = texts[:1] + [_COMMENT_STAR.sub("", line.content) for line in group[1:]]
            joined = drawn_row(texts) if drawn else join(texts)
            if len(group) > 1 and any(is_cjk(a.content[-1:]) and is_cjk(b.content[:1])
                                      for a, b in zip(group, group[1:])):
                seen.add("cjk")
            folded = _fold(joined)
            if folded:
                out.append((folded, group[0].number))
    return out, "+".join([layout, *sorted(seen)]) if layout else ""
