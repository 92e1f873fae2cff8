from datetime import datetime

import pytest

from app.engines import eight_d
from app.flows import FlowError
from app.flows.complaint import ComplaintFlow, steps_for

T0 = datetime(2026, 3, 6, 15, 0)


def _at(h):
    return datetime(2026, 3, 6 + h // 24, h % 24, 0)


def _walk(flow, upto=None):
    for i, step in enumerate(flow.steps):
        if step == upto:
            return
        flow.complete(step, by="Li Wei", at=datetime(2026, 3, 6, 16, i), text=f"did {step}",
                      rating=4 if step == "rating" else None)


def test_quality_complaints_are_an_8d_then_the_customer_steps():
    assert steps_for("quality") == (*eight_d.EIGHT_D, "inform", "rating")
    assert steps_for("delivery") == ("identify", "analyse", "propose", "implement", "verify", "improve",
                                     "inform", "rating")
    with pytest.raises(FlowError):
        steps_for("gossip")


def test_no_step_can_be_skipped_and_each_records_who_when_what():
    f = ComplaintFlow("quality", T0)
    assert f.current == "D1"
    with pytest.raises(FlowError, match="skipped"):
        f.complete("D3", by="Li", at=T0, text="sorted")
    with pytest.raises(FlowError, match="what was done"):
        f.complete("D1", by="Li", at=T0, text="  ")
    with pytest.raises(FlowError, match="before"):
        f.complete("D1", by="Li", at=datetime(2026, 3, 6, 14, 0), text="team")
    f.complete("D1", by="Li", at=datetime(2026, 3, 6, 15, 30), text="team")
    assert f.record("D1") == {"by": "Li", "at": "2026-03-06T15:30:00", "text": "team"}
    assert f.current == "D2" and f.progress() == (1, 11)


def test_rating_and_close():
    f = ComplaintFlow("delivery", T0)
    _walk(f, upto="rating")
    with pytest.raises(FlowError, match="1 to 5"):
        f.complete("rating", by="Li", at=datetime(2026, 3, 7, 9, 0), text="ok", rating=6)
    with pytest.raises(FlowError, match="cannot be closed"):
        f.close(by="Li", at=datetime(2026, 3, 7, 9, 0))
    f.complete("rating", by="Li", at=datetime(2026, 3, 7, 9, 0), text="quick", rating=5)
    assert f.current == "close" and f.rating == (5, "quick")
    f.close(by="Wang", at=datetime(2026, 3, 7, 10, 0))
    assert f.is_closed and f.current == "closed" and f.progress() == (9, 9)
    with pytest.raises(FlowError, match="closed"):
        f.complete("inform", by="Li", at=datetime(2026, 3, 8), text="x")


def test_reopen_needs_a_reason_and_keeps_the_old_records():
    f = ComplaintFlow("quality", T0)
    _walk(f)
    f.close(by="Wang", at=datetime(2026, 3, 7, 10, 0))
    with pytest.raises(FlowError, match="reason"):
        f.reopen(by="Wang", at=datetime(2026, 3, 20), reason=" ")
    f.reopen(by="Wang", at=datetime(2026, 3, 20), reason="defect came back")
    assert not f.is_closed and f.current == "D4"
    assert [s["step"] for s in f.state["superseded"]] == ["D4", "D5", "D6", "D7", "D8", "inform", "rating"]
    assert f.record("D3") is not None and f.record("D4") is None
    with pytest.raises(FlowError, match="before"):  # later steps cannot be dated before the reopening
        f.complete("D4", by="Li", at=datetime(2026, 3, 19), text="new cause")
    back = ComplaintFlow.from_json(f.to_json())
    assert back.state == f.state and back.current == "D4"


def test_milestones_and_containment_within_24_hours():
    f = ComplaintFlow("quality", T0)
    f.complete("D1", by="Li", at=datetime(2026, 3, 6, 16, 0), text="team")
    f.complete("D2", by="Li", at=datetime(2026, 3, 6, 17, 0), text="burr on edge")
    assert f.containment_late(datetime(2026, 3, 7, 14, 59)) is False
    assert f.containment_late(datetime(2026, 3, 7, 15, 1)) is True  # D3 still open after 24 h
    f.complete("D3", by="Li", at=datetime(2026, 3, 7, 12, 0), text="stock sorted")
    assert f.containment_late(datetime(2026, 3, 30)) is False
    m = f.milestone_times()
    assert m == {"first_response": datetime(2026, 3, 6, 16, 0), "containment": datetime(2026, 3, 7, 12, 0),
                 "root_cause": None, "closure": None}
    s = ComplaintFlow("service_enquiry", T0)
    assert s.containment_late(datetime(2027, 1, 1)) is False
