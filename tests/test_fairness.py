"""Fair on every seed: the reference and the fair variants (tests/fair/chNN.py: loops, einsum,
float32, in-place updates) keep full marks under hidden seeds.  This runs a few seeds per chapter;
`python -m tools.seed_sweep` (README, "Fairness") runs the sweep of at least 100 per chapter."""
from __future__ import annotations

import pytest

from autograder.assignments import ASSIGNMENTS
from tools import seed_sweep

SEEDS = range(900, 903)


@pytest.mark.parametrize("chapter", list(ASSIGNMENTS))
def test_reference_and_fair_variants_keep_full_marks_on_every_seed(chapter):
    lost = seed_sweep.sweep(chapter, SEEDS)
    assert not lost, lost[:5]
    assert set(seed_sweep.submissions(chapter)) == {"reference", "fair"}
