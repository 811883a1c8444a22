import pytest

from aligner.errors import InputError
from aligner.evaluate import score
from aligner.readers.beads import parse_beads


def test_parse_vecalign_beads_including_nulls_and_scores():
    beads = parse_beads("[0]:[0]\n[1, 2]:[1]:0.93\n[]:[2]\n[3]:[]\n")
    assert beads == [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), ())]


def test_malformed_bead_names_the_line():
    with pytest.raises(InputError, match="line 2"):
        parse_beads("[0]:[0]\n0-0\n")


def test_perfect_alignment_scores_one():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((), (3,))]
    s = score([(gold, gold)])
    assert s.f1_strict == s.f1_lax == 1.0


def test_strict_and_lax_arithmetic_on_hand_made_beads():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((), (4,))]
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3, 4))]
    s = score([(gold, test)])
    # precision over test beads: strict tp = [0]:[0] only (1 of 4); lax also
    # counts [1]:[1] and [2]:[3,4] (overlap); the null bead []:[2] never overlaps.
    assert s.precision_strict == pytest.approx(1 / 4)
    assert s.precision_lax == pytest.approx(3 / 4)
    # recall over gold non-null beads (3), against test non-null beads (3)
    assert s.recall_strict == pytest.approx(1 / 3)
    assert s.recall_lax == pytest.approx(3 / 3)
    assert s.f1_strict == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))


def test_counts_are_micro_averaged_over_pairs():
    a = [((0,), (0,))]
    b = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    wrong = [((0,), (1,)), ((1,), (0,)), ((2,), (2,))]
    s = score([(a, a), (b, wrong)])
    assert s.precision_strict == pytest.approx(2 / 4)
