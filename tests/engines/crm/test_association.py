"""Association rules against a hand-computed basket example.

Baskets {A,B} {A,C} {A,B,C} {B}: support A = B = 3/4, C = 2/4, AB = AC = 2/4, BC = 1/4.
With min support 0.5 the pairs AB and AC are frequent (BC is not):
C→A conf 1, lift 1/(3/4) = 4/3; A→C conf 2/3, lift (2/3)/(1/2) = 4/3;
A→B and B→A conf 2/3, lift (2/3)/(3/4) = 8/9.
"""

import pytest

from app.engines.association import AssociationError, association_rules, frequent_itemsets

BASKETS = [["A", "B"], ["A", "C"], ["A", "B", "C"], ["B"]]


def test_frequent_itemsets_by_hand():
    found, n = frequent_itemsets(BASKETS, 0.5)
    assert n == 4
    assert {tuple(sorted(k)): v for k, v in found.items()} == {("A",): 3, ("B",): 3, ("C",): 2, ("A", "B"): 2,
                                                               ("A", "C"): 2}


def test_rules_by_hand():
    rules = association_rules(BASKETS, min_support=0.5, min_confidence=0.5)
    got = [(r.antecedent, r.consequent, r.support, round(r.confidence, 6), round(r.lift, 6)) for r in rules]
    assert got == [(("C",), ("A",), 0.5, 1.0, round(4 / 3, 6)),
                   (("A",), ("C",), 0.5, round(2 / 3, 6), round(4 / 3, 6)),
                   (("A",), ("B",), 0.5, round(2 / 3, 6), round(8 / 9, 6)),
                   (("B",), ("A",), 0.5, round(2 / 3, 6), round(8 / 9, 6))]


def test_confidence_threshold_and_triples():
    assert [(r.antecedent, r.consequent) for r in association_rules(BASKETS, min_support=0.5, min_confidence=0.9)] \
        == [(("C",), ("A",))]
    # the triple ABC is in 1 of 4 baskets: frequent at 0.25 with max_len 3; AB→C has conf 1/2
    rules = association_rules(BASKETS, min_support=0.25, min_confidence=0.0, max_len=3)
    abc = [r for r in rules if r.antecedent == ("A", "B") and r.consequent == ("C",)]
    assert len(abc) == 1 and abc[0].confidence == 0.5 and abc[0].lift == 1.0


def test_bad_parameters():
    with pytest.raises(AssociationError):
        association_rules(BASKETS, min_support=0)
    with pytest.raises(AssociationError):
        association_rules(BASKETS, min_confidence=1.5)
    assert association_rules([], min_support=0.5) == []
