"""SLA clock: every figure below is counted by hand on a Mon–Fri 08:00–12:00 + 13:00–17:00
calendar (8 working hours a day) with Monday 2026-03-09 a holiday and Saturday 2026-03-14 a
make-up working day. 2026-03-06 is a Friday."""

from datetime import date, datetime

import numpy as np
import pytest

from app.engines import sla

CAL = sla.Calendar(holidays=frozenset({date(2026, 3, 9)}), working_days=frozenset({date(2026, 3, 14)}))
FRI_15 = datetime(2026, 3, 6, 15, 0)


def _due(start, minutes):
    return sla.to_datetime(sla.add_working_minutes(CAL, start, minutes)[0])


def test_deadline_across_a_weekend_and_a_holiday():
    # Fri 15–17 = 120; Sat, Sun, Mon (holiday) nothing; Tue 08–10 = 120
    assert _due(FRI_15, 240) == datetime(2026, 3, 10, 10, 0)
    # 24 working hours: Fri 120 + Tue 480 + Wed 480 + Thu 08–12 240 + 13–15 120 = 1440
    assert _due(FRI_15, sla.parse_duration("24h", CAL)) == datetime(2026, 3, 12, 15, 0)
    # received on the Saturday: the clock starts on Tuesday 08:00 → 4 h later, 12:00
    assert _due(datetime(2026, 3, 7, 10, 0), 240) == datetime(2026, 3, 10, 12, 0)


def test_lunch_break_make_up_day_and_end_of_day():
    assert _due(datetime(2026, 3, 16, 11, 0), 120) == datetime(2026, 3, 16, 14, 0)  # 11–12, 13–14
    assert _due(datetime(2026, 3, 13, 16, 0), 240) == datetime(2026, 3, 14, 11, 0)  # Fri 60 + Sat 08–11
    assert _due(datetime(2026, 3, 13, 9, 0), 420) == datetime(2026, 3, 13, 17, 0)  # reached at the day's end


def test_working_minutes_between():
    got = sla.working_minutes(CAL, [datetime(2026, 3, 6, 16, 0), datetime(2026, 3, 10, 12, 30)],
                              [datetime(2026, 3, 10, 9, 0), datetime(2026, 3, 10, 13, 30)])
    assert got.tolist() == [120, 30]  # Fri 16–17 + Tue 08–09; lunch 12:30–13:00 not counted


def test_pause_while_waiting_on_the_customer_moves_the_deadline():
    # paused Tue 09:00 → Wed 10:00: Tue 09–12 180 + 13–17 240 + Wed 08–10 120 = 540 minutes
    st = sla.sla_state(CAL, [FRI_15], datetime(2026, 3, 11, 14, 0), [240], pause_owner=[0],
                       pause_start=[datetime(2026, 3, 10, 9, 0)], pause_end=[datetime(2026, 3, 11, 10, 0)])
    # used: Fri 120 + Tue 08–09 60 + Wed 10–12 120 + 13–14 60 = 360 → 120 over
    assert st.used.tolist() == [360] and st.left.tolist() == [-120] and st.overdue.tolist() == [True]
    assert sla.to_datetime(st.due_at[0]) == datetime(2026, 3, 11, 11, 0)
    assert st.paused.tolist() == [False]


def test_open_pause_and_stopped_clock_vectorised():
    received = [FRI_15, FRI_15, FRI_15]
    now = datetime(2026, 3, 10, 15, 0)
    st = sla.sla_state(CAL, received, now, [240, 240, 240], pause_owner=[0],
                       pause_start=[datetime(2026, 3, 10, 9, 0)], pause_end=[None],
                       stopped_at=[None, datetime(2026, 3, 10, 9, 30), None])
    # 0: Fri 120 + Tue 08–12 240 + 13–15 120 = 480, paused since 09:00 (180 + 120 = 300) → 180 used
    # 1: stopped at Tue 09:30 → 120 + 90 = 210 used, 30 left for good
    # 2: 480 used → 240 over
    assert st.used.tolist() == [180, 210, 480]
    assert st.left.tolist() == [60, 30, -240]
    assert st.overdue.tolist() == [False, False, True]
    assert st.paused.tolist() == [True, False, False]
    assert sla.to_datetime(st.due_at[2]) == datetime(2026, 3, 10, 10, 0)


def test_targets_and_durations():
    t = sla.target_minutes({"critical": {"closure": "20d"}}, CAL)
    assert t["critical"] == {"first_response": 240, "containment": 1440, "root_cause": 2400, "closure": 9600}
    assert t["minor"]["first_response"] == 960
    with pytest.raises(sla.CalendarError):
        sla.parse_duration("soon", CAL)
    with pytest.raises(sla.CalendarError):
        sla.Calendar(hours=(("12:00", "08:00"),))
    assert sla.Calendar.from_dict(CAL.to_dict()) == CAL


def test_format_minutes_both_languages():
    assert sla.format_minutes(-610, CAL) == "overdue 1 d 2 h"
    assert sla.format_minutes(95, CAL) == "1 h 35 min left"
    assert sla.format_minutes(-610, CAL, "zh_CN") == "超期 1 天 2 小时"


def test_many_complaints_far_deadlines_extend_the_table():
    rec = np.array([np.datetime64("2026-03-06T15:00")] * 1000)
    st = sla.sla_state(CAL, rec, datetime(2026, 3, 6, 16, 0), np.full(1000, 60 * 480))
    assert (st.used == 60).all() and (st.left == 60 * 480 - 60).all()
    assert sla.to_datetime(st.due_at[0]) > datetime(2026, 5, 1)
