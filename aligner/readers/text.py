"""Plain text from disk: bytes -> validated text (editions and every text input).

Translators receive files from many tools: UTF-8 with or without BOM, UTF-16
from Windows editors, cp1251 Russian from older systems. We decode what can be
decoded unambiguously (BOMs, valid UTF-8) and ask charset-normalizer for the
rest; anything that is not text is refused with a message, never guessed into
mojibake that would then be aligned silently.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import zlib
import stat
import sys
import time
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

#: Largest input read, in bytes: far above any document (the Text+Berg dev
#: document is 0.1 MiB), far below the machine's memory.
MAX_BYTES = 256 * 2**20
#: A line longer than this is not a paragraph of prose: likely a minified or
#: binary file, and sentence splitting on it would take minutes.
MAX_LINE_CHARS = 100_000

#: Three UTF-8 encoded non-ASCII characters in a row: never found in real text in
#: a single-byte encoding (cp1251, Latin-1), always in UTF-8 text.

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(head: bytes) -> str | None:
    """'UTF-16LE' or 'UTF-16BE' where NUL bytes fall on every other byte as in
    UTF-16 text (spaces and Latin letters have a NUL high byte; the other byte
    of each pair is never NUL, and the whole decodes), else None:
    Windows tools save such files, and "binary" would be no help."""
    head = head[:len(head) // 2 * 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if zeros.count(0) >= 0.05 * len(zeros) and other.count(0) == 0:
            try:
                head.decode(name.lower().replace("utf-16", "utf-16-"))
            except UnicodeDecodeError:
                continue
            return name
    return None


def _encodings_by_line(data: bytes) -> tuple[int | None, int | None]:
    """The first line with non-ASCII text that is valid UTF-8, and the first that
    is not (1-based; None where there is none). Judged a whole line at a time: a
    few cp1251 letters can look like a run of UTF-8 ("А«Б»В«"), a line seldom does."""
    utf8 = other = None
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 = utf8 or number
        except UnicodeDecodeError:
            other = other or number
        if utf8 and other:
            break
    return utf8, other


def decode(data: bytes, name: str = "input") -> str:
    """Decode a file's bytes to text, or raise InputError saying why not."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark "
                                 f"but is not valid {encoding} ({exc.reason})") from None
    if b"\x00" in data[:65536]:
        utf16 = _utf16_without_bom(data[:65536])
        if utf16:
            raise InputError(f"{name}: looks like {utf16} text without a byte-order mark; save it as UTF-8 "
                             f"(iconv -f {utf16} -t UTF-8) or with a byte-order mark")
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf8, other = _encodings_by_line(data)
    if utf8 and other:  # part of the file is UTF-8, the rest is not: any single decoding garbles a part
        raise InputError(f"{name}: mixes text encodings (line {utf8} is UTF-8, line {other} is not); "
                         "convert the whole file to UTF-8 and try again")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.percent_chaos > 20:
        raise InputError(f"{name}: not UTF-8 and no text encoding fits it; "
                         "is it a binary file? Convert it to UTF-8 and try again")
    return str(best)


def check_text(text: str, name: str = "input", max_line: int | None = MAX_LINE_CHARS) -> str:
    """Refuse text that cannot be a document edition; return it unchanged otherwise."""
    if not text.strip():
        raise InputError(f"{name}: is empty")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(f"{name}: contains control characters; looks like a binary file")
    for number, line in enumerate(text.splitlines() if max_line else (), 1):
        if len(line) > max_line:
            raise InputError(f"{name}: line {number} is {len(line):,} characters long "
                             f"(limit {max_line:,}); split it into paragraphs first")
    return text


def read_text(path: str | Path, max_line: int | None = MAX_LINE_CHARS) -> str:
    """Read and decode an edition (``-``: standard input), refusing empty, binary
    or oversized input. ``max_line=None`` for data files (JSON, TSV) whose lines
    may be long by nature: the tool reads its own outputs back."""
    if str(path) == "-":
        data = _bounded(sys.stdin.buffer, "standard input")
        name = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a folder, expected a text file")
        try:
            if stat.S_ISFIFO(p.stat().st_mode):
                data = _from_pipe(p)
            else:
                with p.open("rb") as handle:
                    data = _bounded(handle, str(p))
        except OSError as exc:
            raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
        name = str(p)
    if not data:
        raise InputError(f"{name}: is empty")
    return check_text(decode(gunzipped(data, name), name), name, max_line)


#: The first bytes of a gzip stream.
GZIP_MAGIC = b"\x1f\x8b"


def gunzipped(data: bytes, name: str) -> bytes:
    """The content of gzip-compressed input (Debian ships its manuals as
    ``.txt.gz``), bounded like any input; other data unchanged."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{name}: looks gzip-compressed but cannot be decompressed ({exc})") from None
    if len(out) > MAX_BYTES:
        raise _too_large(name)
    if not out:
        raise InputError(f"{name}: is empty (once decompressed)")
    return out


#: Seconds a named pipe may stay silent before it counts as having no writer.
PIPE_WAIT = 10.0


def _from_pipe(path: Path) -> bytes:
    """A named pipe's content. Opened without blocking, so that a pipe nobody
    writes to is an error after PIPE_WAIT seconds instead of a hang; a pipe that
    is written to (``<(command)`` in a shell) is read to its end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + PIPE_WAIT
    try:
        while True:
            try:
                chunk = os.read(fd, 1 << 16)
            except BlockingIOError:  # a writer is there, no data yet
                chunk = None
            if chunk:
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise _too_large(str(path))
                deadline = time.monotonic() + PIPE_WAIT
                continue
            if chunk == b"" and chunks:  # end of data after some data: done
                return b"".join(chunks)
            if time.monotonic() > deadline:
                raise InputError(f"{path}: a named pipe that nothing was written to within "
                                 f"{PIPE_WAIT:g} s")
            time.sleep(0.02)
    finally:
        os.close(fd)


def _too_large(name: str) -> InputError:
    return InputError(f"{name}: is larger than {MAX_BYTES // 2**20} MiB; "
                      "split the document or check that it is text")


def _bounded(handle: BinaryIO, name: str) -> bytes:
    """At most MAX_BYTES from a file or stream: /dev/zero or a runaway pipe must
    not fill the memory."""
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return data


#: the plain-text edition reader (see :data:`aligner.readers.DOCUMENT_READERS`)
read = read_text
