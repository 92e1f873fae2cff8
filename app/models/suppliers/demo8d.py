"""8D texts for demo corrective-action requests, shared by the demo generators.

Not a demo extension (app.models.core.demo runs only each domain's ``demo`` module): the
supplier demo (``suppliers.demo``) writes the 8D of SCARs raised from audit findings with
:func:`audit_finding_8d`, the evaluation demo composes varied 8D reports for SCARs raised
from rejected lots and line problems with :func:`incoming_8d` from the same pools. Chinese is
the working language of the demo plant; the evaluation SCARs carry an English line under each
Chinese one, like the bilingual titles of the demo data.

Pools are lists of ``(zh, en)`` pairs; ``{who}``, ``{pieces}``, ``{lots}``, ``{days}``, ``{a}``
and ``{b}`` are filled in by the caller. The first entry of each pool is the text the
audit-finding SCARs have always used.
"""

from __future__ import annotations

# D1 team ({who}: the supplier's quality manager)
TEAMS = [
    ("供方质量经理牵头，生产、工艺参与", "Supplier quality manager leads; production and process engineering join"),
    ("{who}（供方质量经理）任组长，成员：生产主管、工艺工程师、检验组长",
     "{who} (supplier quality manager) leads; members: production supervisor, process engineer, inspection lead"),
    ("供方总经理挂帅，{who}（质量经理）任组长，生产部、采购部参与，我方 SQE 陈静跟踪",
     ("Sponsored by the supplier's general manager, led by {who} (quality manager) with production and"
      " purchasing; our SQE Chen Jing follows up")),
    ("{who}（质量经理）与工艺工程师共同负责，设备维修、班组长参与",
     "{who} (quality manager) and the process engineer lead; maintenance and the shift leader join"),
    ("跨部门小组：{who}（质量）、生产、设备、物流，每日晨会跟进",
     "Cross-functional team: {who} (quality), production, maintenance, logistics; daily stand-up"),
]
# D3 containment
CONTAINMENTS = [
    ("隔离在库品并全检", "Quarantine stock and sort 100 %"),
    ("我方在库及在途 {pieces} 件全部隔离，由供方派人挑选，不良品退回",
     "All {pieces} pieces in our stock and in transit quarantined and sorted by the supplier; rejects returned"),
    ("供方成品库存 {pieces} 件全检，出货前加严检验，合格品贴绿色标签发运",
     ("Supplier's finished stock of {pieces} pieces sorted; tightened outgoing inspection, good parts shipped"
      " with green labels")),
    ("48 小时内补发合格替换批次，问题批次退回供方返工",
     "Replacement lot delivered within 48 hours; the rejected lot returned for rework"),
    ("停用问题设备，切换备用产线生产，首件经我方确认后恢复发货",
     "Suspect equipment stopped, production moved to a spare line; shipping resumed after our first-article approval"),
    ("产线在用物料全部替换，已装配 {pieces} 件在线返工",
     "All material at the line replaced; {pieces} assembled pieces reworked in line"),
]
# D6 implementation and validation
VALIDATIONS = [
    ("连续 3 批验证合格", "Three consecutive lots verified OK"),
    ("措施实施后连续 {lots} 批来料检验合格", "{lots} consecutive lots accepted at incoming inspection after the change"),
    ("关键尺寸 Cpk 由 {a} 提升至 {b}，连续两周 SPC 受控",
     "Cpk of the key characteristic up from {a} to {b}; SPC in control for two weeks"),
    ("试生产 {pieces} 件全检无不良，我方 SQE 现场确认有效",
     "Trial run of {pieces} pieces sorted with no defect; effectiveness confirmed on site by our SQE"),
    ("更改后 {days} 天内产线零投诉，出货检验记录齐全",
     "No line complaint in the {days} days after the change; outgoing inspection records complete"),
]
# D8 closure and recognition
CLOSURES = [
    ("小组总结关闭", "Team review held; 8D closed"),
    ("经验教训纳入 PFMEA 和控制计划，8D 关闭，小组获月度质量改进奖",
     "Lessons learnt added to the PFMEA and control plan; 8D closed, team given the monthly quality award"),
    ("我方 SQE 验证有效后关闭，供方内部通报表扬小组",
     "Closed after our SQE verified effectiveness; the supplier commended the team internally"),
    ("管理评审确认措施有效，横向推广至其他产线后关闭",
     "Management review confirmed effectiveness; rolled out to the other lines, then closed"),
]
# Our verification note when a request is closed
VERIFICATIONS = [
    ("现场验证有效", "Verified on site"),
    ("连续批次来料检验合格，措施有效", "Consecutive lots accepted at incoming inspection; actions effective"),
    ("审核供方控制计划与记录，措施已落实", "Supplier's control plan and records reviewed; actions in place"),
    ("产线跟踪一个月无重复发生", "No recurrence at the line during one month of follow-up"),
]

# Problems by supplier category (keys as in app.models.demo.CATEGORIES):
# (defect zh, defect en, D4 root cause zh, en, D5 permanent action zh, en, D7 prevention zh, en)
Issue = tuple[str, str, str, str, str, str, str, str]
DOCUMENT_CONTROL: Issue = (
    "作业文件与图纸不一致", "work instruction differing from the drawing",
    "作业文件未随图纸更新", "Work instructions were not updated with the drawing",
    "建立文件变更联动流程", "Drawing changes now trigger the work-instruction update",
    "同类文件全面排查", "All similar documents reviewed",
)
ISSUES: dict[str, list[Issue]] = {
    "铸件 Castings": [
        ("气孔", "porosity", "模具排气槽堵塞，压铸时卷气", "Blocked die vents trapped air during die casting",
         "清理并加深排气槽，增加真空辅助压铸", "Vents cleaned and deepened; vacuum-assisted casting added",
         "模具保养周期由 2 万模次缩短至 1 万模次，排气槽纳入点检表",
         "Die maintenance every 10,000 instead of 20,000 shots; vents added to the daily check sheet"),
        ("尺寸超差", "dimensions out of tolerance", "模具磨损后未及时修模，型腔尺寸漂移",
         "Worn die not repaired in time; cavity dimensions drifted",
         "修复模具并修订首件检验项目", "Die repaired; first-piece inspection items revised",
         "建立模具寿命台账，按模次预防性修模", "Die life log kept; preventive repair by shot count"),
        ("裂纹", "cracks", "冷却水路结垢，局部冷却不均产生热裂",
         "Scaled cooling channels cooled unevenly and caused hot cracks",
         "清洗冷却水路，增加模温监控报警", "Cooling channels cleaned; mould temperature alarm added",
         "冷却水质每周检测，模温纳入 SPC", "Cooling water tested weekly; mould temperature on SPC"),
    ],
    "机加工件 Machined parts": [
        ("外径超差", "outer diameter out of tolerance", "刀具磨损补偿未及时调整", "Tool wear offset not adjusted in time",
         "实施刀具寿命管理，每 200 件自动补偿", "Tool life management with automatic offset every 200 pieces",
         "关键尺寸增加在线测量和 SPC 控制图", "In-process gauging and SPC charts on key dimensions"),
        ("毛刺", "burrs", "去毛刺工序漏做，无防错措施", "Deburring step skipped; no error-proofing",
         "增加去毛刺工位传感器互锁", "Sensor interlock added at the deburring station",
         "同类零件工艺流程全部增加防错点", "Error-proofing added to the routing of similar parts"),
        ("表面粗糙度超标", "surface roughness above the limit", "切削参数被随意修改，冷却液浓度偏低",
         "Cutting parameters changed without approval; coolant concentration too low",
         "锁定数控程序参数，冷却液浓度每班检测", "CNC parameters locked; coolant concentration checked every shift",
         "参数变更纳入变更管理流程", "Parameter changes now go through change management"),
    ],
    "电子元器件 Electronics": [
        ("虚焊", "cold solder joints", "回流焊温度曲线漂移，未按频次测温",
         "Reflow profile drifted; profiling not done at the required frequency",
         "重新设定炉温曲线，增加炉温测试板每日验证", "Reflow profile reset; daily check with a profiling board",
         "炉温曲线纳入开班点检，异常自动停线", "Profile part of the start-of-shift check; line stops on deviation"),
        ("元件错料", "wrong components", "上料未扫码核对，料站表版本错误",
         "Feeders loaded without scanning; outdated feeder list",
         "上线扫码防错系统，料站表由工程统一发放", "Barcode feeder verification introduced; feeder lists issued by engineering",
         "换线首件 100% AOI 和人工核对", "100 % AOI and manual check of the first board after changeover"),
        ("静电损伤", "ESD damage", "工位接地失效，员工未佩戴静电手环",
         "Workstation grounding failed; operators without wrist straps",
         "修复接地并安装手环在线监测", "Grounding repaired; continuous wrist-strap monitors installed",
         "ESD 审核每月一次，新员工上岗前培训", "Monthly ESD audit; ESD training before new operators start"),
    ],
    "塑料件 Plastics": [
        ("缩痕", "sink marks", "保压时间不足，原料干燥不充分", "Holding time too short; resin not dried enough",
         "优化保压参数，干燥机加装露点监控", "Holding parameters optimised; dew-point monitor on the dryer",
         "工艺参数窗口锁定并纳入首件确认", "Process window locked and part of first-piece approval"),
        ("飞边", "flash", "分型面磨损，锁模力设定偏低", "Worn parting line; clamping force set too low",
         "修复分型面，重新验证锁模力", "Parting line repaired; clamping force revalidated",
         "模具保养计划增加分型面检查", "Parting-line check added to the mould maintenance plan"),
        ("缺料", "short shots", "热流道温控器故障，个别型腔注射不足",
         "Hot-runner controller failure starved single cavities",
         "更换温控器，增加型腔压力监控", "Controller replaced; cavity pressure monitoring added",
         "温控器纳入预防性维护清单", "Temperature controllers added to preventive maintenance"),
    ],
    "紧固件 Fasteners": [
        ("螺纹通止规不合格", "thread gauge failures", "搓丝板磨损未及时更换", "Worn thread-rolling dies not replaced in time",
         "搓丝板按产量强制更换，每小时通止规抽检", "Dies replaced by output count; hourly go/no-go checks",
         "搓丝板寿命纳入设备管理系统", "Die life tracked in the equipment management system"),
        ("硬度不足", "low hardness", "热处理炉温偏低，碳势控制失效", "Heat-treatment furnace too cool; carbon potential out of control",
         "校准炉温和碳势控制仪，每炉做硬度试样", "Furnace and carbon controller calibrated; hardness coupon in every batch",
         "热处理参数实时记录并 CQI-9 自评", "Heat-treat parameters logged continuously; CQI-9 self-assessment"),
        ("混料", "mixed parts", "换型时料斗未清空", "Hopper not emptied at changeover",
         "换型清线检查表，双人确认", "Line-clearance checklist at changeover with two-person sign-off",
         "包装前增加光学分选", "Optical sorting added before packing"),
    ],
    "橡胶件 Rubber": [
        ("硬度超差", "hardness out of tolerance", "混炼配方称量错误", "Compound weighing error",
         "配料改为电子秤自动记录并防错", "Weighing moved to connected scales with error-proofing",
         "每批胶料快检硬度后放行", "Every compound batch released after a rapid hardness test"),
        ("表面气泡", "surface blisters", "硫化排气次数不足", "Too few bumping cycles during vulcanisation",
         "增加排气次数并优化硫化时间", "Bumping cycles increased and cure time optimised",
         "硫化参数纳入控制计划", "Cure parameters added to the control plan"),
    ],
    "包装材料 Packaging": [
        ("纸箱抗压强度不足", "low carton crush strength", "瓦楞原纸克重来料偏低，未检验",
         "Liner board below the specified weight and not inspected",
         "原纸来料增加克重和环压检测", "Incoming liner board checked for weight and ring crush",
         "与原纸供应商签订质量协议", "Quality agreement signed with the paper mill"),
        ("印刷标识错误", "printing errors", "印版更新后未做首样确认", "No first-sample approval after a plate change",
         "印版变更必须经首样签样", "Plate changes require a signed first sample",
         "标识内容与我方图纸版本联动核对", "Print content checked against our drawing revision"),
        ("防静电袋表面电阻超标", "ESD bags above the surface-resistance limit", "抗静电剂添加比例偏低",
         "Too little antistatic additive", "调整配方并逐批测试表面电阻", "Recipe corrected; surface resistance tested per batch",
         "出货报告附表面电阻测试数据", "Surface-resistance data attached to every shipment"),
    ],
    "化工辅料 Chemicals": [
        ("粘度超标", "viscosity out of specification", "反应釜温度控制偏差", "Reactor temperature control deviated",
         "校准温控系统并增加过程取样", "Temperature control calibrated; in-process sampling added",
         "每批出货附 COA，关键指标 SPC 监控", "COA with every batch; SPC on key properties"),
        ("批次色差", "colour variation between batches", "颜料供应商变更未通知", "Pigment supplier changed without notice",
         "恢复原颜料并执行变更通知制度", "Original pigment restored; change notification enforced",
         "原材料变更纳入 PPAP 重新提交", "Raw material changes trigger a PPAP resubmission"),
    ],
    "钢材 Steel": [
        ("表面划伤", "surface scratches", "开卷机导辊磨损，包装无隔层", "Worn uncoiler guide rolls; no interleaf in packing",
         "更换导辊并增加隔纸包装", "Guide rolls replaced; interleaf paper added",
         "导辊纳入周保养，包装规范更新", "Guide rolls in weekly maintenance; packing standard updated"),
        ("厚度超差", "thickness out of tolerance", "轧机测厚仪未校准", "Rolling-mill thickness gauge out of calibration",
         "校准测厚仪，增加离线抽检", "Gauge calibrated; offline sampling added",
         "测量设备 MSA 每季度一次", "Quarterly MSA of the measuring equipment"),
        ("屈服强度偏低", "low yield strength", "退火温度偏高", "Annealing temperature too high",
         "调整退火工艺并逐卷拉伸试验", "Annealing corrected; tensile test on every coil",
         "材质证明书增加实测数据", "Mill certificates list measured values"),
    ],
    "线路板 PCB": [
        ("开路", "open circuits", "蚀刻过度，线宽偏细", "Over-etching made traces too narrow",
         "调整蚀刻速度，增加线宽 AOI 检查", "Etch speed adjusted; trace width checked by AOI",
         "蚀刻液浓度每 4 小时分析", "Etchant concentration analysed every four hours"),
        ("阻焊偏移", "solder mask misregistration", "曝光对位菲林涨缩", "Film stretch in exposure alignment",
         "改用 LDI 激光直接成像", "Switched to laser direct imaging",
         "菲林使用寿命与温湿度管控", "Film life and room climate controlled"),
        ("板翘", "board warpage", "压合后冷却过快", "Cooling too fast after lamination",
         "优化压合冷却曲线，出货前压平", "Lamination cooling optimised; boards flattened before shipping",
         "板翘度纳入出货检验项目", "Warpage added to outgoing inspection"),
    ],
}
GENERIC_ISSUES: list[Issue] = [issue for issues in ISSUES.values() for issue in issues]

DISPOSITIONS = {"return": ("退货", "returned to the supplier"), "rework": ("返工", "reworked by the supplier"),
                "concession": ("让步接收", "used under concession"), "sort": ("挑选", "sorted 100 %"),
                "scrap": ("报废", "scrapped")}
DISCIPLINES = ("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8")


def audit_finding_8d(description: str, answered: bool) -> dict[str, str]:
    """8D of a SCAR raised from an audit finding: team and problem always, the rest once answered."""
    eight_d = {"D1": TEAMS[0][0], "D2": description}
    if answered:
        eight_d.update(D3=CONTAINMENTS[0][0], D4=DOCUMENT_CONTROL[2], D5=DOCUMENT_CONTROL[4], D6=VALIDATIONS[0][0],
                       D7=DOCUMENT_CONTROL[6], D8=CLOSURES[0][0])
    return eight_d


def _both(pair: tuple[str, str], zh: dict[str, object], en: dict[str, object]) -> str:
    return f"{pair[0].format(**zh)}\n{pair[1].format(**en)}"


def incoming_problem(issue: Issue, *, lot: str | None, sample: int = 0, defects: int = 0,
                     disposition: str | None = None, pieces: int = 0) -> str:
    """The D2 problem statement (also the request's description) of a rejected lot or a line problem."""
    defect_zh, defect_en = issue[0], issue[1]
    if lot:
        dz, de = DISPOSITIONS.get(disposition or "", DISPOSITIONS["return"])
        return (f"来料检验批 {lot} 抽样 {sample} 件，发现{defect_zh} {defects} 件，判定不合格，处置：{dz}。\n"
                f"Incoming lot {lot}: {defects} of {sample} sampled pieces with {defect_en}; lot rejected and {de}.")
    return (f"产线装配时发现{defect_zh}，涉及 {pieces} 件，已停止使用该批物料。\n"
            f"{defect_en[:1].upper()}{defect_en[1:]} found at our assembly line on {pieces} pieces;"
            " the material was stopped.")


def incoming_8d(issue: Issue, problem: str, picks: tuple[int, int, int, int], *, who: tuple[str, str],
                pieces: int, lots: int, days: int, a: float, b: float, disciplines: int = 8) -> dict[str, str]:
    """A bilingual 8D for a rejected lot or line problem, D1 … D<disciplines>.

    ``picks`` index the team, containment, validation and closure pools (taken modulo their
    length); ``who`` is the supplier's quality manager as (Chinese, English) name; the numbers
    fill the {named} slots of the text pools."""
    team, containment, validation, closure = picks
    numbers = {"pieces": pieces, "lots": lots, "days": days, "a": f"{a:.2f}", "b": f"{b:.2f}"}
    zh, en = {**numbers, "who": who[0]}, {**numbers, "who": who[1]}
    full = {
        "D1": _both(TEAMS[team % len(TEAMS)], zh, en),
        "D2": problem,
        "D3": _both(CONTAINMENTS[containment % len(CONTAINMENTS)], zh, en),
        "D4": f"{issue[2]}\n{issue[3]}",
        "D5": f"{issue[4]}\n{issue[5]}",
        "D6": _both(VALIDATIONS[validation % len(VALIDATIONS)], zh, en),
        "D7": f"{issue[6]}\n{issue[7]}",
        "D8": _both(CLOSURES[closure % len(CLOSURES)], zh, en),
    }
    return {k: full[k] for k in DISCIPLINES[:disciplines]}
