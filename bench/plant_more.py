"""More kinds of planted errors than the shared planting tool makes: the
errors translators meet that it leaves out.

Same input and output as ``../shared/tools/make_planted.py`` (a check JSON of
a real, faithful multi-edition document in; per target language ``clean/``,
``planted/``, ``source.txt`` and one ``edits.json`` out), so that the shared
``score_planted.py`` scores both alike. Kinds:

- ``number-swap``: two different numbers of a sentence trade places;
- ``date``: a year moved by one, or a month named as another month;
- ``unit``: a unit of measure replaced by its neighbour (MB -> GB, MHz -> GHz);
- ``list-item``: one item of an enumeration ("A, B and C") dropped, where the
  source lists too (with two commas or more);
- ``duplicate``: a sentence written twice;
- ``actor-swap``: two names of a sentence trade places (who does what), not two
  items of one list ("HTML, PS and PDF": their order says nothing);
- ``negation``: a negation added in Japanese and Chinese, which the shared
  tool does not plant (ない/ません, 不/没).

Usage: plant_more.py CHECK.json OUTDIR [--per-kind N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "tools"))

from make_planted import prose  # noqa: E402  the same choice of sentences as the shared tool

from aligner.rules.lexicons import lexicon  # noqa: E402  the lists' closing words, as the list rule reads them

_NUMBER = re.compile(r"(?<![\w.,])\d{1,4}(?![\w]|[.,]\d)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-3]\d)(?!\d)")
UNITS = (("KB", "MB"), ("kB", "MB"), ("MB", "GB"), ("GB", "TB"), ("KiB", "MiB"), ("MiB", "GiB"),
         ("GiB", "TiB"), ("MHz", "GHz"), ("kHz", "MHz"), ("Mbit", "Gbit"), ("ms", "µs"))
_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9+]{2,}(?![\w-])")
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
#: Japanese and Chinese negations: (pattern, replacement), the first that applies.
NEG = {
    "ja": [(r"できます", "できません"), (r"します", "しません"), (r"あります", "ありません"),
           (r"なります", "なりません"), (r"です。", "ではありません。"), (r"ます。", "ません。")],
    "zh": [(r"可以", "不可以"), (r"需要", "不需要"), (r"能够", "不能够"), (r"会", "不会"),
           (r"应该", "不应该"), (r"是", "不是"), (r"有", "没有")],
}
#: Conjunctions that close an enumeration ("A, B and C").
_AND = r"(?:and|or|und|oder|et|ou|y|o|e|и|или)"
#: A list item: one to three words, no clause punctuation.
_PIECE = r"[^\s,;:.()!?]+(?: [^\s,;:.()!?]+){0,2}"
#: An item of a list of three or more, followed by another and the closing word: the
#: piece dropped ("A, B, C and D" loses ", B"; "A, B and C" loses ", B").
_LIST_ITEM = re.compile(rf"(?<=\w), ({_PIECE})(?=(?:, {_PIECE})*,? {_AND} )")
#: The source's own list, written with two commas or more: "A, B, and C", "A, B, C or D"
#: (a sentence with commas and an "and" is no list: "If X, Y, and Z happens").
_SOURCE_LIST = re.compile(rf"(?<=\w), {_PIECE}(?:, {_PIECE})*, (?:and|or) ")
_CJK_LIST_ITEM = re.compile(r"、([^、，。]{1,12})(?=、)")


def _number_swap(src: str, tgt: str, lang: str):
    found = [m for m in _NUMBER.finditer(tgt) if re.search(rf"(?<!\d){m.group()}(?!\d)", src)]
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.group() != b.group():
                return tgt[:a.start()] + b.group() + tgt[a.end():b.start()] + a.group() + tgt[b.end():]
    return None


def _date(src: str, tgt: str, lang: str):
    m = _YEAR.search(tgt)
    if m and m.group() in src:
        return tgt[:m.start()] + str(int(m.group()) - 1) + tgt[m.end():]
    names = MONTHS.get(lang, "").split()
    for k, month in enumerate(names):
        hit = re.search(rf"\b{month}\b", tgt)
        if hit:
            other = names[(k + 3) % 12]
            return tgt[:hit.start()] + other + tgt[hit.end():]
    m = re.search(r"(\d{1,2})\s?月", tgt) if lang in ("ja", "zh") else None
    if m:
        month = int(m.group(1))
        return tgt[:m.start(1)] + str(month % 12 + 1) + tgt[m.end(1):]
    return None


def _unit(src: str, tgt: str, lang: str):
    for small, big in UNITS:
        for old, new in ((small, big), (big, small)):
            hit = re.search(rf"(?<![A-Za-z]){re.escape(old)}(?![A-Za-z])", tgt)
            if hit and old in src:
                return tgt[:hit.start()] + new + tgt[hit.end():]
    return None


def _list_item(src: str, tgt: str, lang: str):
    """An item of a list dropped where the source lists too: a piece between two
    commas elsewhere is a clause ("Die Sprache, die Sie wählen, wird ..."), and
    dropping it is another kind of error (the shared tool's drop-clause)."""
    if not _SOURCE_LIST.search(src):
        return None
    m = (_CJK_LIST_ITEM if lang in ("ja", "zh") else _LIST_ITEM).search(tgt)
    if not m:
        return None
    return tgt[:m.start()] + tgt[m.end():]


def _duplicate(src: str, tgt: str, lang: str):
    return tgt + ("" if lang in ("ja", "zh") else " ") + tgt


def _coordinated(between: str, lang: str) -> bool:
    """Whether two names stand in one list ("HTML, PS and PDF", "DOS o Windows",
    "FAT e NTFS", "HTML、PS 和 PDF"): between them only commas, a list's closing
    words and short items ("PS"). Their order says nothing about who does what,
    and swapping them is no error."""
    closers = set(lexicon("lists").get(lang, {}).get("closers", ()))
    words = [w for w in re.split(r"[\s,、，]+", between.casefold()) if w]
    joined = any(c in between for c in ",、，") or any(w in closers for w in words)
    return joined and all(w in closers or len(w) <= 3 for w in words)


def _actor_swap(src: str, tgt: str, lang: str):
    """Two names of the sentence trade places: the first pair of them that is not
    written side by side in a list (words of one name, "Debian GNU/Linux" as
    "GNU Debian/Linux", are swapped: a scrambled name is an error too)."""
    names = []
    for m in _NAME.finditer(tgt):
        if m.group() in src and m.group() not in (n.group() for n in names) and m.start() > 0:
            names.append(m)
    for a, b in zip(names, names[1:]):
        between = tgt[a.end():b.start()]
        if _coordinated(between, lang):
            continue
        return tgt[:a.start()] + b.group() + between + a.group() + tgt[b.end():]
    return None


def _negation(src: str, tgt: str, lang: str):
    for pattern, replacement in NEG.get(lang, ()):
        new, n = re.subn(pattern, replacement, tgt, count=1)
        if n:
            return new
    return None


def _cjk_name(src: str, tgt: str, lang: str):
    """The shared tool renames names between word boundaries, which Japanese and
    Chinese text does not have around a Latin name (Debianの)."""
    for old, new in (("Debian", "Ubuntu"), ("Linux", "BSD"), ("GNU", "BSD"), ("Unix", "Windows")):
        if old in tgt and old in src:
            return tgt.replace(old, new, 1)
    return None


KINDS = {"number-swap": _number_swap, "date": _date, "unit": _unit, "list-item": _list_item,
         "duplicate": _duplicate, "actor-swap": _actor_swap, "negation": _negation,
         "name": _cjk_name}
#: Kinds planted only where the shared tool cannot plant them.
CJK_ONLY = {"negation", "name"}


def _blocks(texts: list[str], paras: list) -> str:
    blocks, cur, last = [], [], None
    for text, para in zip(texts, paras):
        if para != last and cur:
            blocks.append(" ".join(cur))
            cur = []
        last = para
        if text:
            cur.append(text)
    if cur:
        blocks.append(" ".join(cur))
    return "\n\n".join(b for b in blocks if b) + "\n"


def plant(check: dict, out: Path, per_kind: int, seed: int) -> dict:
    """Add this module's kinds to the planted set in ``out`` (made by the shared
    tool from the same check JSON, or empty), away from the sentences it edited."""
    rnd = random.Random(seed)
    shared = json.loads((out / "edits.json").read_text(encoding="utf-8")) if (out / "edits.json").exists() else {}
    docs = check["documents"]
    src = docs[check["source"]["name"]]["sentences"]
    manifest = {}
    for alignment in check["alignments"]:
        tdoc = docs[alignment["target"]]
        lang, tgt = tdoc["lang"], tdoc["sentences"]
        ones = [(l["src"][0], l["tgt"][0]) for l in alignment["links"]
                if len(l["src"]) == 1 and len(l["tgt"]) == 1 and l.get("confidence", 0) >= 0.95
                and prose(src[l["src"][0]]["text"]) and prose(tgt[l["tgt"][0]]["text"], lang)
                and src[l["src"][0]]["text"] != tgt[l["tgt"][0]]["text"]]
        rnd.shuffle(ones)
        texts = [s["text"] for s in tgt]
        edits = list(shared.get(lang, {}).get("edits", []))
        used = {e["tgt"] for e in edits}
        for kind, make in KINDS.items():
            if kind in CJK_ONLY and lang not in NEG:
                continue
            count = sum(e["kind"] == kind for e in edits)
            for s, t in ones:
                if count >= per_kind:
                    break
                if any(abs(t - u) < 3 for u in used):
                    continue
                change = make(src[s]["text"], texts[t], lang)
                if change is None or change == texts[t]:
                    continue
                used.add(t)
                count += 1
                edits.append({"kind": kind, "src": s, "tgt": t, "change": change,
                              "orig": texts[t], "src_text": src[s]["text"]})
        planted = list(texts)
        for e in edits:
            planted[e["tgt"]] = e["change"]
        paras = [s["paragraph"] for s in tgt]
        for name, sents in (("clean", texts), ("planted", planted)):
            folder = out / lang / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{lang}.txt").write_text(_blocks(sents, paras), encoding="utf-8")
        (out / lang / "source.txt").write_text(_blocks([s["text"] for s in src], [s["paragraph"] for s in src]),
                                               encoding="utf-8")
        edits.sort(key=lambda e: e["tgt"])
        manifest[lang] = {"source_lang": check["source"]["lang"], "edits": edits}
    (out / "edits.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("check")
    ap.add_argument("out")
    ap.add_argument("--per-kind", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    manifest = plant(json.loads(Path(a.check).read_text(encoding="utf-8")), Path(a.out), a.per_kind, a.seed)
    for lang, m in manifest.items():
        kinds = sorted({e["kind"] for e in m["edits"]})
        print(lang, len(m["edits"]), "edits:", {k: sum(e["kind"] == k for e in m["edits"]) for k in kinds})
    return 0


if __name__ == "__main__":
    sys.exit(main())
