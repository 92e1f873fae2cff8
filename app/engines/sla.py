"""Response-time targets (SLA) on a working-time clock, vectorised with numpy.

A :class:`Calendar` says when the clock runs: working weekdays, the working hours of a day (one
or more intervals, e.g. 08:00–12:00 and 13:00–17:00), holidays, and extra working days (the
weekend days worked in exchange for a bridge holiday, 调休). Time outside is not counted; nor is
time while the complaint waits on the customer (pause intervals).

Targets are per severity × complaint type and milestone (first response, containment, root
cause, closure). ``"4h"`` is four working hours; ``"5d"`` five working days, i.e. five times the
calendar's working hours per day. Everything is counted in working **minutes**.

The method is the usual cumulative business-time function (as in ``numpy.busday_count`` but at
minute resolution): ``W(t)`` = working minutes from the calendar's first day to ``t``, built from
a per-day table (``np.cumsum`` of each day's working minutes). Elapsed working time between two
instants is ``W(b) − W(a)``; the deadline for ``x`` working minutes after ``a`` is ``W⁻¹(W(a) + x)``
(``np.searchsorted`` on the table). Both take arrays, so the state of 200,000 complaints is a
handful of array operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import numpy as np

MILESTONES = ("first_response", "containment", "root_cause", "closure")
SEVERITIES = ("critical", "major", "minor")
MINUTES_PER_DAY = 1440

#: default targets by severity (every type): first response / containment / root cause / closure
DEFAULT_TARGETS: dict[str, dict[str, str]] = {
    "critical": {"first_response": "4h", "containment": "24h", "root_cause": "5d", "closure": "30d"},
    "major": {"first_response": "8h", "containment": "48h", "root_cause": "10d", "closure": "45d"},
    "minor": {"first_response": "2d", "containment": "5d", "root_cause": "20d", "closure": "60d"},
}


class CalendarError(ValueError):
    """A calendar or target cannot be used (the message says why)."""


def _parse_hhmm(text: str) -> int:
    try:
        h, m = str(text).strip().split(":")
        value = int(h) * 60 + int(m)
    except ValueError as exc:
        raise CalendarError(f"'{text}' is not a time of day (HH:MM)") from exc
    if not 0 <= value <= MINUTES_PER_DAY:
        raise CalendarError(f"'{text}' is not a time of day (HH:MM)")
    return value


@dataclass(frozen=True)
class Calendar:
    """When the SLA clock runs. ``weekdays``: 0 = Monday … 6 = Sunday; ``hours``: ("08:00", "17:00") pairs."""

    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    hours: tuple[tuple[str, str], ...] = (("08:00", "12:00"), ("13:00", "17:00"))
    holidays: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)  # extra (make-up) working days

    def __post_init__(self) -> None:
        if not self.weekdays or any(d not in range(7) for d in self.weekdays):
            raise CalendarError("working weekdays must be a non-empty set of 0 (Monday) … 6 (Sunday)")
        ivs = self.intervals
        if not ivs:
            raise CalendarError("a working day needs working hours")
        last = 0
        for s, e in ivs:
            if e <= s or s < last:
                raise CalendarError("working hours must be increasing, non-overlapping intervals")
            last = e

    @property
    def intervals(self) -> tuple[tuple[int, int], ...]:
        return tuple((_parse_hhmm(s), _parse_hhmm(e)) for s, e in self.hours)

    @property
    def minutes_per_day(self) -> int:
        return sum(e - s for s, e in self.intervals)

    def is_working_day(self, day: date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() in self.weekdays and day not in self.holidays

    def to_dict(self) -> dict:
        return {"weekdays": list(self.weekdays), "hours": [list(h) for h in self.hours],
                "holidays": sorted(d.isoformat() for d in self.holidays),
                "working_days": sorted(d.isoformat() for d in self.working_days)}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Calendar":
        try:
            return cls(weekdays=tuple(int(d) for d in data.get("weekdays", (0, 1, 2, 3, 4))),
                       hours=tuple((str(s), str(e)) for s, e in data.get("hours", (("08:00", "12:00"), ("13:00", "17:00")))),
                       holidays=frozenset(date.fromisoformat(str(d)) for d in data.get("holidays", ())),
                       working_days=frozenset(date.fromisoformat(str(d)) for d in data.get("working_days", ())))
        except (TypeError, ValueError) as exc:
            if isinstance(exc, CalendarError):
                raise
            raise CalendarError(f"the SLA calendar is unreadable: {exc}") from exc


def parse_duration(text: str, calendar: Calendar) -> int:
    """``"4h"`` → 240, ``"5d"`` → 5 × working minutes per day; a bare number is hours."""
    t = str(text).strip().lower()
    try:
        if t.endswith("d"):
            value = float(t[:-1]) * calendar.minutes_per_day
        elif t.endswith("h"):
            value = float(t[:-1]) * 60
        else:
            value = float(t) * 60
    except ValueError as exc:
        raise CalendarError(f"'{text}' is not a duration (e.g. 4h or 5d)") from exc
    if not np.isfinite(value) or value <= 0:
        raise CalendarError(f"'{text}' is not a positive duration")
    return int(round(value))


def target_minutes(targets: Mapping[str, Mapping[str, str]], calendar: Calendar) -> dict[str, dict[str, int]]:
    """Targets as working minutes, ``{severity: {milestone: minutes}}`` (missing ones from the defaults)."""
    out = {}
    for sev in SEVERITIES:
        given = dict(DEFAULT_TARGETS[sev])
        given.update((targets or {}).get(sev, {}))
        out[sev] = {m: parse_duration(given[m], calendar) for m in MILESTONES}
    return out


# ---------------------------------------------------------------------------- the clock table
def _to_minutes(values) -> np.ndarray:
    """Datetimes (a datetime, a list, or datetime64 array; None/NaT allowed) → int64 minutes since 1970."""
    if isinstance(values, datetime):
        values = [values]
    arr = np.asarray(values, dtype="datetime64[m]")
    return arr.astype(np.int64)


NAT = np.iinfo(np.int64).min  # what NaT becomes as int64


class Clock:
    """The cumulative working-minute table of ``calendar`` over [first, last] (extended on demand)."""

    def __init__(self, calendar: Calendar, first: date, last: date) -> None:
        self.calendar = calendar
        self._ivs = np.array(calendar.intervals, dtype=np.int64)
        self._build(first, max(last, first))

    def _build(self, first: date, last: date) -> None:
        days = np.arange(np.datetime64(first, "D"), np.datetime64(last, "D") + 1)
        weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        working = np.isin(weekday, np.array(self.calendar.weekdays))
        if self.calendar.holidays:
            working &= ~np.isin(days, np.array(sorted(self.calendar.holidays), dtype="datetime64[D]"))
        if self.calendar.working_days:
            working |= np.isin(days, np.array(sorted(self.calendar.working_days), dtype="datetime64[D]"))
        self.first_day = int(days[0].astype(np.int64))
        self.n_days = len(days)
        self.per_day = np.where(working, self.calendar.minutes_per_day, 0).astype(np.int64)
        self.cum = np.concatenate([[0], np.cumsum(self.per_day)])  # cum[i] = minutes before day i
        self.working = working

    def _ensure(self, day_index_min: int, day_index_max: int) -> None:
        if day_index_min >= 0 and day_index_max < self.n_days:
            return
        # extending forward keeps the origin (positions already computed stay valid)
        first = self.first_day if day_index_min >= 0 else self.first_day + day_index_min - 7
        last = self.first_day + max(self.n_days - 1, day_index_max) + 7
        self._build(date(1970, 1, 1) + timedelta(days=int(first)), date(1970, 1, 1) + timedelta(days=int(last)))

    def _within_day(self, minute_of_day: np.ndarray) -> np.ndarray:
        """Working minutes of a working day before ``minute_of_day``."""
        m = minute_of_day[..., None]
        return np.clip(m - self._ivs[:, 0], 0, self._ivs[:, 1] - self._ivs[:, 0]).sum(axis=-1)

    def position(self, minutes: np.ndarray) -> np.ndarray:
        """W(t): working minutes from the table's first day to each instant (int64 minutes since 1970)."""
        minutes = np.asarray(minutes, dtype=np.int64)
        day = minutes // MINUTES_PER_DAY - self.first_day
        if minutes.size:
            self._ensure(int(day.min()), int(day.max()))
            day = minutes // MINUTES_PER_DAY - self.first_day
        within = self._within_day(minutes % MINUTES_PER_DAY)
        return self.cum[day] + np.where(self.working[day], within, 0)

    def instant(self, positions: np.ndarray) -> np.ndarray:
        """W⁻¹: the earliest instant at which ``positions`` working minutes have passed (minutes since 1970)."""
        positions = np.asarray(positions, dtype=np.int64)
        while positions.size and positions.max() > self.cum[-1]:
            extra = int((positions.max() - self.cum[-1]) // max(self.calendar.minutes_per_day, 1)) * 2 + 14
            self._ensure(0, self.n_days - 1 + extra)
        # the day in which the position is reached: first day whose end ≥ position (a zero lands
        # at the start of the first working day)
        ends = self.cum[1:]
        day = np.searchsorted(ends, positions, side="left")
        day = np.minimum(day, self.n_days - 1)
        rest = positions - self.cum[day]
        # place the rest inside the day's intervals
        lengths = self._ivs[:, 1] - self._ivs[:, 0]
        int_end = np.cumsum(lengths)
        k = np.minimum(np.searchsorted(int_end, rest, side="left"), len(lengths) - 1)
        int_start = int_end - lengths
        minute_of_day = self._ivs[k, 0] + (rest - int_start[k])
        # a position of exactly 0 inside a working day lands at its first interval's start
        return (self.first_day + day) * MINUTES_PER_DAY + minute_of_day


def _clock_for(calendar: Calendar, *arrays: np.ndarray) -> Clock:
    vals = np.concatenate([a[a != NAT] for a in arrays if a.size]) if arrays else np.array([], dtype=np.int64)
    if vals.size == 0:
        today = date.today()
        return Clock(calendar, today, today)
    lo = date(1970, 1, 1) + timedelta(days=int(vals.min() // MINUTES_PER_DAY))
    hi = date(1970, 1, 1) + timedelta(days=int(vals.max() // MINUTES_PER_DAY))
    return Clock(calendar, lo, hi)


def working_minutes(calendar: Calendar, start, end) -> np.ndarray:
    """Working minutes between each ``start`` and ``end`` (0 when end ≤ start)."""
    a, b = _to_minutes(start), _to_minutes(end)
    clock = _clock_for(calendar, a, b)
    return np.maximum(clock.position(b) - clock.position(a), 0)


def add_working_minutes(calendar: Calendar, start, minutes) -> np.ndarray:
    """The instant (datetime64[m]) at which ``minutes`` working minutes after each ``start`` have passed."""
    a = _to_minutes(start)
    clock = _clock_for(calendar, a)
    out = clock.instant(clock.position(a) + np.asarray(minutes, dtype=np.int64))
    return out.astype("datetime64[m]")


@dataclass(frozen=True)
class SlaState:
    """Per complaint (arrays aligned with the input): working minutes used and left, deadline, flags."""

    used: np.ndarray  # working minutes counted so far (pauses excluded)
    left: np.ndarray  # target − used (negative = overdue)
    due_at: np.ndarray  # datetime64[m]: when the target is reached if the clock keeps running
    overdue: np.ndarray  # bool
    paused: np.ndarray  # bool: waiting on the customer now


def sla_state(calendar: Calendar, received, now, target, *, pause_owner: Iterable[int] = (),
              pause_start=(), pause_end=(), stopped_at=None) -> SlaState:
    """The SLA state of many complaints at ``now``.

    ``received``: when each complaint arrived; ``target``: its target in working minutes (for the
    milestone being timed); ``stopped_at``: when that milestone was reached (None/NaT while it is
    still running — the clock stops there). Pauses are flat arrays: ``pause_owner`` (index into
    the complaints), ``pause_start``, ``pause_end`` (None/NaT = still waiting on the customer).
    """
    rec = _to_minutes(received)
    n = rec.size
    now_m = int(_to_minutes(now)[0])
    stop = np.full(n, now_m, dtype=np.int64) if stopped_at is None else _to_minutes(stopped_at)
    if stop.size != n:
        raise CalendarError("stopped_at must have one entry per complaint")
    stop = np.where(stop == NAT, now_m, np.minimum(stop, now_m))
    owner = np.asarray(list(pause_owner) if not isinstance(pause_owner, np.ndarray) else pause_owner, dtype=np.int64)
    ps = _to_minutes(pause_start) if owner.size else np.array([], dtype=np.int64)
    pe = _to_minutes(pause_end) if owner.size else np.array([], dtype=np.int64)
    open_pause = pe == NAT
    pe = np.where(open_pause, now_m, pe)
    clock = _clock_for(calendar, rec, stop, ps, pe, np.array([now_m]))
    w_rec, w_stop = clock.position(rec), clock.position(stop)
    used = np.maximum(w_stop - w_rec, 0)
    if owner.size:
        # a pause counts only inside [received, stop]
        lo = np.maximum(clock.position(ps), w_rec[owner])
        hi = np.minimum(clock.position(pe), w_stop[owner])
        paused_minutes = np.bincount(owner, weights=np.maximum(hi - lo, 0), minlength=n).astype(np.int64)
        used = used - paused_minutes
        running_open = open_pause & (stop[owner] == now_m)
        paused = np.bincount(owner, weights=running_open, minlength=n) > 0
        # pauses before the stop shift the deadline
        shift = paused_minutes
    else:
        paused = np.zeros(n, dtype=bool)
        shift = np.zeros(n, dtype=np.int64)
    tgt = np.broadcast_to(np.asarray(target, dtype=np.int64), (n,))
    left = tgt - used
    due = clock.instant(w_rec + tgt + shift).astype("datetime64[m]")
    return SlaState(used=used, left=left, due_at=due, overdue=left < 0, paused=paused)


def format_minutes(minutes: int, calendar: Calendar, lang: str = "en") -> str:
    """``-610`` → "overdue 1 d 2 h 10 min" in working time (days of the calendar's length)."""
    m = abs(int(minutes))
    per_day = calendar.minutes_per_day
    d, rest = divmod(m, per_day)
    h, mm = divmod(rest, 60)
    if lang == "zh_CN":
        parts = [f"{d} 天" if d else "", f"{h} 小时" if h else "", f"{mm} 分" if mm and not d else ""]
        text = " ".join(p for p in parts if p) or "0 分"
        return f"超期 {text}" if minutes < 0 else f"剩余 {text}"
    parts = [f"{d} d" if d else "", f"{h} h" if h else "", f"{mm} min" if mm and not d else ""]
    text = " ".join(p for p in parts if p) or "0 min"
    return f"overdue {text}" if minutes < 0 else f"{text} left"


def to_datetime(value: np.datetime64) -> datetime:
    return datetime.combine(date(1970, 1, 1), time()) + timedelta(minutes=int(np.int64(value.astype("datetime64[m]").astype(np.int64))))
