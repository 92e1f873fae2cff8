"""A stored ECSI wave for the satisfaction tests: a survey whose indicators are the mobi columns
(one dimension per ECSI block) and waves holding a DataFrame of answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from app.models.customers.tables import Customer
from app.models.satisfaction.tables import (
    Answer, KanoPair, ModelBlock, ModelPath, Respondent, Survey, SurveyNode, SurveyVersion, Wave, WaveTarget,
)

MOBI = Path(__file__).resolve().parents[2] / "data" / "mobi.csv"
# SmartPLS, path weighting scheme (domain.md §4), as in tests/engines/test_pls.py
PUBLISHED_PATHS = {
    "Image->Expectation": 0.50491393, "Expectation->Quality": 0.55674896, "Expectation->Value": 0.04998839,
    "Quality->Value": 0.55830438, "Image->Satisfaction": 0.17873950, "Expectation->Satisfaction": 0.06252287,
    "Quality->Satisfaction": 0.51202394, "Value->Satisfaction": 0.19476510, "Satisfaction->Complaints": 0.52806625,
    "Image->Loyalty": 0.19575534, "Satisfaction->Loyalty": 0.48547762, "Complaints->Loyalty": 0.06692607,
}
PUBLISHED_WEIGHTS = {"CUEX1": .52118068, "IMAG1": .30131215, "PERV2": .60405602, "CUSL3": .65431059}
BLOCKS = {"Image": "IMAG", "Expectation": "CUEX", "Quality": "PERQ", "Value": "PERV", "Satisfaction": "CUSA",
          "Complaints": "CUSCO", "Loyalty": "CUSL"}
PATHS = [("Image", "Expectation"), ("Image", "Satisfaction"), ("Image", "Loyalty"), ("Expectation", "Quality"),
         ("Expectation", "Value"), ("Expectation", "Satisfaction"), ("Quality", "Value"), ("Quality", "Satisfaction"),
         ("Value", "Satisfaction"), ("Satisfaction", "Complaints"), ("Satisfaction", "Loyalty"),
         ("Complaints", "Loyalty")]


def store_wave(db, data: pd.DataFrame, *, code="W1", survey_id=None, version_id=None, end=date(2026, 3, 31),
               regions=None, kano=None, nps=None, customers=None, extra_targets=0):
    """A survey (ECSI blocks, one dimension per block) and a wave holding ``data`` (one row per
    respondent); returns (survey id, version id, wave id)."""
    with db.begin() as s:
        if survey_id is None:
            sv = Survey(code="ECSI", name_zh="移动通信满意度", name_en="Mobile satisfaction", purpose="periodic",
                        scale_min=1, scale_max=10)
            s.add(sv)
            s.flush()
            v = SurveyVersion(survey_id=sv.id, version=1, state="released", model_kind="ecsi")
            s.add(v)
            s.flush()
            goal = SurveyNode(version_id=v.id, kind="goal", code="TOTAL", text_en="Total")
            s.add(goal)
            s.flush()
            for k, (lv, prefix) in enumerate(BLOCKS.items()):
                s.add(ModelBlock(version_id=v.id, name=lv, label_en=lv, position=k))
                dim = SurveyNode(version_id=v.id, parent_id=goal.id, kind="dimension", code=f"D_{lv}", text_en=lv,
                                 position=k)
                s.add(dim)
                s.flush()
                for j, col in enumerate(c for c in data.columns if c.startswith(prefix)):
                    s.add(SurveyNode(version_id=v.id, parent_id=dim.id, kind="indicator", code=col, text_en=col,
                                     position=j, latent=lv, importance_question=col in ("PERQ1", "PERQ2", "PERQ3")))
            for a, b in PATHS:
                s.add(ModelPath(version_id=v.id, source=a, target=b))
            s.add(KanoPair(version_id=v.id, code="K1", attribute_en="5G coverage", position=0))
            survey_id, version_id = sv.id, v.id
        w = Wave(version_id=version_id, code=code, name=code, period_start=date(end.year, 1, 1), period_end=end,
                 state="closed")
        s.add(w)
        s.flush()
        if customers is None:
            customers = []
            for i in range(len(data)):
                c = Customer(code=f"{code}-C{i:04d}", name_zh=f"顾客{i}", region=(regions[i] if regions else "华东"),
                             value_class="important" if i % 2 else "ordinary")
                s.add(c)
                customers.append(c)
            s.flush()
            customers = [c.id for c in customers]
        for cid in customers[:len(data)] + customers[len(data):len(data) + extra_targets]:
            s.add(WaveTarget(wave_id=w.id, customer_id=cid))
        rows = []
        for i, (_idx, rec) in enumerate(data.iterrows()):
            r = Respondent(wave_id=w.id, customer_id=customers[i], source="import")
            s.add(r)
            s.flush()
            for col, value in rec.items():
                if pd.notna(value):
                    rows.append(Answer(respondent_id=r.id, question=col, kind="rating", value=float(value)))
            for col in ("PERQ1", "PERQ2", "PERQ3"):
                rows.append(Answer(respondent_id=r.id, question=col, kind="importance",
                                   value=float({"PERQ1": 9, "PERQ2": 5, "PERQ3": 7}[col] - (i % 2))))
            if kano is not None:
                f, d = kano[i % len(kano)]
                rows += [Answer(respondent_id=r.id, question="K1", kind="kano_functional", value=f),
                         Answer(respondent_id=r.id, question="K1", kind="kano_dysfunctional", value=d)]
            if nps is not None:
                rows.append(Answer(respondent_id=r.id, question="NPS", kind="nps", value=float(nps[i % len(nps)])))
        s.add_all(rows)
        return survey_id, version_id, w.id, customers


