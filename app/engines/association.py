"""Association rules over baskets (Agrawal & Srikant 1994, Apriori), for cross-selling.

A basket is the set of items of one order. For a rule X → Y:
support = baskets with X ∪ Y / all baskets; confidence = support(X ∪ Y) / support(X);
lift = confidence / support(Y). Itemsets are grown level by level (Apriori): a k-itemset is only
counted when every (k−1)-subset is frequent. Pure Python, no Qt, no database.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import chain, combinations


class AssociationError(ValueError):
    """Parameters that cannot be used; names the parameter."""


@dataclass(frozen=True)
class Rule:
    antecedent: tuple
    consequent: tuple
    support: float
    confidence: float
    lift: float
    count: int  # baskets containing antecedent ∪ consequent


def frequent_itemsets(baskets: Iterable[Iterable[Hashable]], min_support: float,
                      max_len: int = 2) -> tuple[dict[frozenset, int], int]:
    """Every itemset of up to ``max_len`` items in at least ``min_support`` of the baskets, with
    its basket count; and the number of baskets."""
    if not 0 < min_support <= 1:
        raise AssociationError(f"min_support {min_support!r} must be a fraction in (0, 1]")
    if max_len < 1:
        raise AssociationError(f"max_len {max_len!r} must be at least 1")
    sets = [frozenset(b) for b in baskets]
    n = len(sets)
    if n == 0:
        return {}, 0
    need = min_support * n
    counts = Counter(chain.from_iterable(sets))
    frequent = {frozenset([i]): c for i, c in counts.items() if c >= need - 1e-9}
    k = 2
    current = set(frequent)
    while k <= max_len and current:
        # items still in play get small integer codes: baskets become sorted int tuples, and the
        # pairs are counted by one Counter over all baskets (C speed) instead of one frozenset each
        items = sorted({i for s in current for i in s}, key=repr)
        code = {item: j for j, item in enumerate(items)}
        coded = [sorted([code[i] for i in b if i in code]) for b in sets]
        coded = [c for c in coded if len(c) >= k]
        if k == 2:  # every pair of frequent items is a candidate
            counter = Counter(chain.from_iterable(combinations(c, 2) for c in coded))
        else:       # a k-itemset only when each of its (k−1)-subsets is frequent
            counter = Counter()
            for common in coded:
                for combo in combinations(common, k):
                    fs = frozenset(items[j] for j in combo)
                    if all(fs - {x} in frequent for x in fs):
                        counter[combo] += 1
        current = set()
        for combo, c in counter.items():
            if c >= need - 1e-9:
                fs = frozenset(items[j] for j in combo)
                current.add(fs)
                frequent[fs] = c
        k += 1
    return frequent, n


def association_rules(baskets: Iterable[Iterable[Hashable]], *, min_support: float = 0.01,
                      min_confidence: float = 0.2, max_len: int = 2) -> list[Rule]:
    """Rules X → Y from the frequent itemsets, confidence ≥ ``min_confidence``; sorted by lift,
    then confidence, then support (largest first)."""
    if not 0 <= min_confidence <= 1:
        raise AssociationError(f"min_confidence {min_confidence!r} must be a fraction in [0, 1]")
    frequent, n = frequent_itemsets(baskets, min_support, max_len)
    rules: list[Rule] = []
    for itemset, count in frequent.items():
        if len(itemset) < 2:
            continue
        for r in range(1, len(itemset)):
            for ante in combinations(sorted(itemset, key=repr), r):
                a = frozenset(ante)
                cons = itemset - a
                conf = count / frequent[a]
                if conf + 1e-12 < min_confidence:
                    continue
                lift = conf / (frequent[cons] / n)
                rules.append(Rule(tuple(sorted(a, key=repr)), tuple(sorted(cons, key=repr)), count / n, conf,
                                  lift, count))
    rules.sort(key=lambda x: (-x.lift, -x.confidence, -x.support, repr(x.antecedent), repr(x.consequent)))
    return rules
