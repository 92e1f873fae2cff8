"""The trusted-input fast path ``sampling.switching_replay`` (used by the inspection service's
recompute after its own checks) against the validated ``replay`` / ``switching_history`` /
``next_state``: same severities, events, scores and final state on random lot sequences."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.engines import sampling


@st.composite
def lot(draw):
    ok = draw(st.integers(0, 11)) > 0  # mostly accepted, so reduced inspection is reached too
    ac = draw(st.sampled_from([0, 1, 2, 3, 5, 7, 10, 14, 21]))
    if ac >= 2:
        t = draw(st.booleans()) and ok
    else:
        t = draw(st.sampled_from([None, False, True])) if ok else draw(st.sampled_from([None, False]))
    return ok, ac, t


lots = st.lists(lot(), max_size=120)
# states on every severity, as stored after earlier lots
states = st.one_of(
    st.builds(lambda score, recent, n: sampling.SwitchingState(sampling.NORMAL, score, recent, lots=n),
              st.integers(0, 40), st.lists(st.booleans(), max_size=4).map(tuple), st.integers(0, 500)),
    st.builds(lambda run, rej, n: sampling.SwitchingState(sampling.TIGHTENED, 0, (), run, rej, n),
              st.integers(0, 4), st.integers(0, 4), st.integers(0, 500)),
    st.builds(lambda n: sampling.SwitchingState(sampling.REDUCED, lots=n), st.integers(0, 500)),
    st.builds(lambda n: sampling.SwitchingState(sampling.DISCONTINUED, 0, (), 0, 5, n), st.integers(0, 500)))


def _scores_step_by_step(oks, acs, tighter, steady, approved, state):
    scores = []
    for ok, ac, t in zip(oks, acs, tighter):
        state, _event = sampling.next_state(state, ok, acceptance_number=ac, tighter_accepted=t,
                                            production_steady=steady, reduced_approved=approved)
        scores.append(state.switching_score)
    return scores, state


@settings(max_examples=300, deadline=None)
@given(lots, st.booleans(), st.booleans(), lots, st.one_of(st.none(), states))
def test_fast_path_equals_validated_replay(seq, steady, approved, prefix, stored):
    # start from a stored state, or one reached by a validated replay of another sequence
    start = stored if stored is not None else sampling.replay(
        [p[0] for p in prefix], acceptance_numbers=[p[1] for p in prefix], tighter_accepted=[p[2] for p in prefix]).state
    oks, acs, tighter = [s[0] for s in seq], [s[1] for s in seq], [s[2] for s in seq]
    slow = sampling.replay(oks, acceptance_numbers=acs, tighter_accepted=tighter, production_steady=steady,
                           reduced_approved=approved, state=start)
    fast = sampling.switching_replay(oks, acs, tighter, steady, approved, start)
    assert fast == slow
    from_normal = sampling.switching_replay(oks, acs, tighter, steady, approved)
    assert list(from_normal.severities) == sampling.switching_history(
        oks, acceptance_numbers=acs, tighter_accepted=tighter, production_steady=steady, reduced_approved=approved)
    scores, state = _scores_step_by_step(oks, acs, tighter, steady, approved, start)
    assert fast.state == state
    # the score after every lot: the fast path's state on each prefix equals next_state's
    for cut in sorted({0, len(seq) // 3, len(seq) // 2, len(seq)}):
        part = sampling.switching_replay(oks[:cut], acs[:cut], tighter[:cut], steady, approved, start)
        assert part.state.switching_score == (scores[cut - 1] if cut else start.switching_score)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.booleans(), max_size=80), st.sampled_from([0, 1]))
def test_scalar_acceptance_number_and_no_tighter(oks, ac):
    slow = sampling.replay(oks, acceptance_numbers=ac, production_steady=True, reduced_approved=True)
    assert sampling.switching_replay(oks, ac, None, True, True) == slow


def test_hand_sequence_reaches_every_rule():
    # 2 of 3 rejected → tightened at lot 3; 5 accepted → normal at lot 8; 15 × +2 = 30 → reduced at lot 23
    oks = [True, False, False] + [True] * 5 + [True] * 15 + [False]
    fast = sampling.switching_replay(oks, 1, None, True, True)
    assert [(e.lot_number, e.rule, e.value) for e in fast.events] == [
        (3, "normal_to_tightened", 2), (8, "tightened_to_normal", None), (23, "normal_to_reduced", 30),
        (24, "reduced_to_normal_not_accepted", None)]
    assert fast.severities[23] == sampling.REDUCED and fast.state.severity == sampling.NORMAL
    assert fast == sampling.replay(oks, acceptance_numbers=1)
