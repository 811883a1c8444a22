"""Leave-one-document-out for the probe thresholds of the rules, on the recall
bench's saved checks (``bench_recall.py`` first).

Several rules warn only where the encoder, asked once more on a changed side,
reads the two sides closer by a share of their distance (the negation taken
out, a clause or a list item left out); each threshold was chosen on the
tuned book alone. This script asks what each document would choose if the
others chose for it: for every threshold tried, and every document of the
bench (the three Debian books and the seven man-page books), it counts the
planted errors found and the false alarms on the clean translations, with
every other finding as the saved check has it. A fold leaves one document
out, picks the threshold with the most found less false alarms on the others
(the floors of the issue weigh them alike: 0.9 recall, 1.0 alarm per 100
sentences), and scores it on the one left out.

The gain is read from each warning's message, as the rule wrote it: raising a
threshold drops the warnings under it, so only thresholds at or above the
one the checks ran with can be tried. A threshold the messages no longer
state (a message reworded) is an error here, not a silent no-op.

Usage: tune_rules.py [RULE ...]   (negation, clause, short-clause, list)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_real import cache  # noqa: E402
from bench_recall import found, genuine, serious  # noqa: E402

DOCUMENTS = ("maint-guide", "installation-guide", "debian-faq",
             *(f"manpages/{code}" for code in ("de", "es", "fr", "ru", "it", "pt", "ja")))
GROUPS = {"tuned": ("maint-guide",), "held out": ("installation-guide", "debian-faq"),
          "fresh": tuple(d for d in DOCUMENTS if d.startswith("manpages/"))}
#: rule id, how its message states the gain, which of its messages (None: all),
#: the threshold the checks ran with, and the thresholds tried
THRESHOLDS = {
    "negation": ("negation-mismatch", r"closes (\d+)% of the distance", None, 0.1,
                 (0.1, 0.125, 0.15, 0.175, 0.2)),
    "clause": ("clause-omission", r"by (\d+)% of the distance", r"divergence \d", 0.3,
               (0.3, 0.35, 0.4, 0.45, 0.5, 0.6)),
    "short-clause": ("clause-omission", r"by (\d+)% of the distance", r"short for this document", 0.2,
                     (0.2, 0.25, 0.3, 0.35, 0.4)),
    "list": ("list-item-omission", r"by (\d+)% of the distance", None, 0.15, (0.15, 0.2, 0.25, 0.3)),
}


def _kept(finding: dict, rule: str, gain: re.Pattern, branch: re.Pattern | None, threshold: float) -> bool:
    if finding["rule"] != rule or not serious(finding) or (branch and not branch.search(finding["message"])):
        return True
    said = gain.search(finding["message"])
    return said is None or int(said.group(1)) / 100 >= threshold - 1e-9


def counts(document: str, name: str) -> tuple[dict[float, list[int]], int]:
    """Per threshold: [found, planted, false alarms, sentences] on one document,
    and how many of the rule's messages there state a gain."""
    rule, gain, branch, _, tried = THRESHOLDS[name]
    gain, branch = re.compile(gain), re.compile(branch) if branch else None
    planted = cache().parent / "recall" / document / "planted"
    manifest = json.loads((planted / "edits.json").read_text(encoding="utf-8"))
    out = {t: [0, 0, 0, 0] for t in tried}
    stated = 0
    for lang, m in manifest.items():
        if not (planted / lang / "clean.json").is_file():
            continue
        clean = json.loads((planted / lang / "clean.json").read_text(encoding="utf-8"))
        edited = json.loads((planted / lang / "planted.json").read_text(encoding="utf-8"))
        stated += sum(1 for f in clean["findings"] + edited["findings"]
                      if f["rule"] == rule and gain.search(f["message"]))
        sentences = len(clean["documents"][clean["source"]["name"]]["sentences"])
        for t in tried:
            ok = [f for f in clean["findings"] if _kept(f, rule, gain, branch, t)]
            base = {(f["rule"], s) for f in ok if serious(f) for s in (f.get("src_ids") or [])}
            found_in = {"findings": [f for f in edited["findings"] if _kept(f, rule, gain, branch, t)]}
            row = out[t]
            row[0] += sum(found(e, found_in, base) for e in m["edits"])
            row[1] += len(m["edits"])
            row[2] += sum(1 for f in ok if serious(f) and not genuine(f))
            row[3] += sentences
    return out, stated


def lodo(table: dict[str, dict[float, list[int]]], now: float) -> None:
    tried = list(next(iter(table.values())))

    def pick(left_out: str | None) -> float:
        worth = {t: sum(c[t][0] - c[t][2] for d, c in table.items() if d != left_out) for t in tried}
        best = max(worth.values())
        return min((t for t in tried if worth[t] == best), key=lambda t: abs(t - now))

    print(f"  all documents pick {pick(None)} (the checks ran with {now})")
    for group, documents in GROUPS.items():
        documents = [d for d in documents if d in table]
        if not documents:
            continue
        before, after = [0, 0, 0, 0], [0, 0, 0, 0]
        for d in documents:
            before = [a + b for a, b in zip(before, table[d][now])]
            after = [a + b for a, b in zip(after, table[d][pick(d)])]
        print(f"  {group:9} now {before[0]}/{before[1]}, {100 * before[2] / before[3]:.2f} alarms per 100"
              f"  | held-out folds {after[0]}/{after[1]}, {100 * after[2] / after[3]:.2f} per 100"
              f"  (picks {', '.join(str(pick(d)) for d in documents)})")


def main() -> int:
    names = sys.argv[1:] or list(THRESHOLDS)
    documents = [d for d in DOCUMENTS if (cache().parent / "recall" / d / "planted" / "edits.json").is_file()]
    if not documents:
        print("no saved recall checks: run bench_recall.py first", file=sys.stderr)
        return 0
    for name in names:
        if name not in THRESHOLDS:
            print(f"unknown threshold {name!r}: one of {', '.join(THRESHOLDS)}", file=sys.stderr)
            return 2
        print(f"== {name}: leave one document out (found less false alarms) ==")
        table = {d: counts(d, name) for d in documents}
        if not sum(stated for _, stated in table.values()):
            print(f"no {THRESHOLDS[name][0]} message states its gain: has the message changed?", file=sys.stderr)
            return 1
        lodo({d: c for d, (c, _) in table.items()}, THRESHOLDS[name][3])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
