"""Wave targets by customer filters and contact groups; the response rate."""

from app.models.customers.tables import Customer, CustomerContact, CustomerContactGroup
from app.models.satisfaction import targets as tg
from app.models.satisfaction.targets import TargetFilter


def _master(db):
    with db.begin() as s:
        a = Customer(code="A", name_zh="甲", name_en="Alpha", industry="汽车", region="华东", value_class="important")
        b = Customer(code="B", name_zh="乙", name_en="Beta", industry="家电", region="华东", value_class="ordinary")
        c = Customer(code="C", name_zh="丙", name_en="Gamma", industry="汽车", region="华南", value_class="important")
        d = Customer(code="D", name_zh="丁", name_en="Delta", industry="汽车", region="华东", lifecycle="lost")
        s.add_all([a, b, c, d])
        s.flush()
        qa = CustomerContact(customer_id=a.id, name="Wang")
        pa = CustomerContact(customer_id=a.id, name="Li")
        gone = CustomerContact(customer_id=a.id, name="Old", active=False)
        qb = CustomerContact(customer_id=b.id, name="Zhao")
        s.add_all([qa, pa, gone, qb])
        s.flush()
        s.add_all([CustomerContactGroup(contact_id=qa.id, group_key="quality"),
                   CustomerContactGroup(contact_id=pa.id, group_key="purchasing"),
                   CustomerContactGroup(contact_id=gone.id, group_key="quality"),
                   CustomerContactGroup(contact_id=qb.id, group_key="quality")])
        return {x.code: x.id for x in (a, b, c, d)}, qa.id, pa.id, qb.id


def _keys(out):
    return [(t.customer_code, t.contact_name) for t in out]


def test_filters_and_groups(db):
    ids, qa, pa, qb = _master(db)
    assert _keys(tg.select_targets(db, TargetFilter())) == [("A", "Wang"), ("A", "Li"), ("B", "Zhao"), ("C", "")]
    assert _keys(tg.select_targets(db, TargetFilter(value_classes=("important",), regions=("华东",)))) == [
        ("A", "Wang"), ("A", "Li")]
    assert _keys(tg.select_targets(db, TargetFilter(industries=("汽车",)))) == [("A", "Wang"), ("A", "Li"), ("C", "")]
    # groups: only contacts in the group, inactive ones never, customers without such contacts left out
    out = tg.select_targets(db, TargetFilter(contact_groups=("quality",)))
    assert [(t.customer_code, t.contact_id) for t in out] == [("A", qa), ("B", qb)]
    # lifecycle: lost customers only when asked for
    assert _keys(tg.select_targets(db, TargetFilter(lifecycles=("lost",)))) == [("D", "")]
    assert tg.filter_choices(db).regions == ["华东", "华南"]


def test_bad_filter_values_named():
    flt = TargetFilter(value_classes=("vip",), contact_groups=("sales",))
    assert flt.problems() == [("value_classes", "vip"), ("contact_groups", "sales")]


def test_response_rate():
    assert tg.response_rate(0, 0) is None
    assert tg.response_rate(3, 4) == 0.75


def test_respondents_and_grid_choices_from_targets(db):
    from app.views.satisfaction.entry import choices_from_targets

    ids, qa, pa, qb = _master(db)
    out = tg.select_targets(db, TargetFilter())
    who = tg.respondents(out)
    assert [(r.customer_id, r.code, dict(r.contacts)) for r in who] == [
        (ids["A"], "A", {"wang": qa, "li": pa}), (ids["B"], "B", {"zhao": qb}), (ids["C"], "C", {})]
    grid = choices_from_targets(out, "zh_CN")
    assert [(c.code, c.name, c.contacts) for c in grid] == [
        ("A", "甲", ((qa, "Wang"), (pa, "Li"))), ("B", "乙", ((qb, "Zhao"),)), ("C", "丙", ())]
    assert choices_from_targets(out)[0].name == "Alpha"
