"""Hand-made survey versions for the model editor and wave planning tests: a small tree whose
indicators measure a four-block model (Image → Quality → Satisfaction → Loyalty, Image →
Satisfaction), and a few current customers with contacts in groups."""

from __future__ import annotations

from app.models.customers.tables import Customer, CustomerContact, CustomerContactGroup
from app.models.satisfaction.tables import ModelBlock, ModelPath, Survey, SurveyNode, SurveyVersion

BLOCKS = [("Image", "形象", "Image"), ("Quality", "感知质量", "Perceived quality"),
          ("Satisfaction", "满意度", "Satisfaction"), ("Loyalty", "忠诚", "Loyalty")]
PATHS = [("Image", "Quality"), ("Image", "Satisfaction"), ("Quality", "Satisfaction"), ("Satisfaction", "Loyalty")]
ITEMS = [("IM1", "Image"), ("IM2", "Image"), ("PQ1", "Quality"), ("PQ2", "Quality"), ("SA1", "Satisfaction"),
         ("SA2", "Satisfaction"), ("LY1", "Loyalty"), ("LY2", "Loyalty")]


def make_version(db, *, code="CS", state="draft", version=1, with_model=True) -> int:
    with db.begin() as s:
        sv = s.query(Survey).filter_by(code=code).one_or_none()
        if sv is None:
            sv = Survey(code=code, name_zh="满意度", name_en="Satisfaction", purpose="periodic", scale_min=1,
                        scale_max=10)
            s.add(sv)
            s.flush()
        v = SurveyVersion(survey_id=sv.id, version=version, state=state, model_kind="custom")
        s.add(v)
        s.flush()
        goal = SurveyNode(version_id=v.id, kind="goal", code="T")
        s.add(goal)
        s.flush()
        dim = SurveyNode(version_id=v.id, parent_id=goal.id, kind="dimension", code="D1", text_en="All")
        s.add(dim)
        s.flush()
        for k, (item, block) in enumerate(ITEMS):
            s.add(SurveyNode(version_id=v.id, parent_id=dim.id, kind="indicator", code=item, text_zh=f"题{item}",
                             text_en=f"Question {item}", position=k, latent=block if with_model else ""))
        if with_model:
            s.add_all([ModelBlock(version_id=v.id, name=n, label_zh=zh, label_en=en, position=k)
                       for k, (n, zh, en) in enumerate(BLOCKS)])
            s.add_all([ModelPath(version_id=v.id, source=a, target=b) for a, b in PATHS])
        return v.id


def make_customers(db) -> dict[str, int]:
    """C1 important/华东/electronics (quality + purchasing contacts), C2 ordinary/华南 (quality),
    C3 a lost customer; returns code → id."""
    out = {}
    with db.begin() as s:
        for code, vc, region, industry, lifecycle, contacts in (
                ("C1", "important", "华东", "electronics", "current", [("张伟", "quality"), ("李娜", "purchasing")]),
                ("C2", "ordinary", "华南", "automotive", "current", [("王强", "quality")]),
                ("C3", "ordinary", "华东", "electronics", "lost", [("赵敏", "quality")])):
            c = Customer(code=code, name_zh=f"顾客{code}", name_en=f"Customer {code}", value_class=vc, region=region,
                         industry=industry, lifecycle=lifecycle)
            s.add(c)
            s.flush()
            out[code] = c.id
            for name, group in contacts:
                k = CustomerContact(customer_id=c.id, name=name)
                s.add(k)
                s.flush()
                s.add(CustomerContactGroup(contact_id=k.id, group_key=group))
    return out
