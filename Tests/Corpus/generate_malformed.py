#!/usr/bin/env python3
"""Writes the malformed-input corpus (Tests/Corpus/malformed/) byte for byte.

The files are committed; this script documents how each was made and remakes them
(python3 Tests/Corpus/generate_malformed.py). Expectations live in malformed/expected.tsv.
Ids of the golden data (R002, L0000001, ...) are used where a file must refer to existing records.
"""
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "malformed")

REPS = "rep_id,name,team,role,started_on\n"
LEADS = "lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title\n"
ACT = "activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced\n"
OPP = "opportunity_id,lead_id,created_by,owner,source,created_at,meeting_at,handed_off_at,stage,amount,expected_close_on,closed_at,lost_reason,budget,authority,timeline,need,decision_process,next_action,is_reactivation\n"
CUST = "customer_id,month,mrr,plan,dormant\n"
COSTS = "month,channel,category,amount,visits\n"
TARGETS = "kpi,scope,scope_id,period,period_start,value\n"

GOOD_ACT = "X-A1,L0000001,R002,call,outbound,2026-05-01T09:30:00+09:00,130,true,,,,,\n"
GOOD_LEAD = "X-L1,株式会社テスト,web_inquiry,2026-05-01T09:00:00+09:00,R002,2026-05-01T09:05:00+09:00,working,now,,,,,,,\n"
GOOD_OPP = "X-O1,L0000001,R002,R009,inside_sales,2026-05-01T10:00:00+09:00,,,appointment,500000,,,,,,,,,,\n"
GOOD_REP = "X-R1,山田 太郎,インサイドセールス1課,sdr,2026-04-01\n"
GOOD_CUST = "X-C1,2026-05,50000,Standard,false\n"
GOOD_COST = "2026-05,seminar,marketing,100000,500\n"
GOOD_TARGET = "calls,org,,month,2026-05-01,1400\n"


def act(id="X-A2", lead="L0000001", rep="R002", type="call", direction="outbound", at="2026-05-01T10:00:00+09:00",
        duration="60", connected="true"):
    return f"{id},{lead},{rep},{type},{direction},{at},{duration},{connected},,,,,\n"


def opp(id="X-O2", lead="L0000001", by="R002", owner="R009", source="inside_sales", created="2026-05-02T10:00:00+09:00",
        stage="appointment", amount="300000", expected="", need=""):
    return f"{id},{lead},{by},{owner},{source},{created},,,{stage},{amount},{expected},,,,,,{need},,,\n"


def lead(id="X-L2", company="株式会社サンプル", channel="seminar", created="2026-05-02T10:00:00+09:00", assigned="R002",
         status="new", temperature="", follow=""):
    return f"{id},{company},{channel},{created},{assigned},,{status},{temperature},,,,{follow},,,\n"


files = {}


def put(name, content):
    files[name] = content if isinstance(content, bytes) else content.encode("utf-8")


# --- CSV structure -------------------------------------------------------------------------------------
put("activities.quote-unterminated.csv", ACT + GOOD_ACT + 'X-A2,L0000001,R002,call,outbound,"2026-05-01T10:00:00+09:00,60,true,,,,,\n' + act("X-A3"))
put("activities.quote-bare.csv", ACT + GOOD_ACT + 'X-A2,L0000001,R002,ca"ll,outbound,2026-05-01T10:00:00+09:00,60,true,,,,,\n')
put("activities.quote-text-after-close.csv", ACT + GOOD_ACT + 'X-A2,L0000001,R002,"call"x,outbound,2026-05-01T10:00:00+09:00,60,true,,,,,\n')
put("leads.quote-multiline-unclosed.csv", LEADS + GOOD_LEAD + 'X-L2,"株式会社 改行\nつづき,seminar,2026-05-02T10:00:00+09:00,R002,,new,,,,,,,,\n' + lead("X-L3") + lead("X-L4"))
put("activities.ragged-short.csv", ACT + GOOD_ACT + "X-A2,L0000001,R002,call,outbound\n")
put("activities.ragged-long.csv", ACT + GOOD_ACT + act("X-A2") + act("X-A3").rstrip("\n") + ",extra\n")
put("reps.ragged-only-commas.csv", REPS + GOOD_REP + ",,,,\n")
put("activities.nul-byte.csv", ACT.encode() + GOOD_ACT.encode() + b"X-A2,L0000001,R002,call,out\x00bound,2026-05-01T10:00:00+09:00,60,true,,,,,\n")
put("activities.utf16le.csv", b"\xff\xfe" + (ACT + GOOD_ACT).encode("utf-16-le"))
put("activities.bom-in-middle.csv", b"\xef\xbb\xbf" + ACT.encode() + GOOD_ACT.encode() + b"\xef\xbb\xbf" + act("X-A2").encode())
put("reps.bom-in-field.csv", REPS.encode() + GOOD_REP.encode() + "X-R2,佐々木 ".encode() + b"\xef\xbb\xbf" + "花子,インサイドセールス1課,sdr,\n".encode())
put("activities.empty.csv", b"")
put("leads.header-only.csv", LEADS)
put("reps.blank-lines-only.csv", "\n\n\n")
put("costs.header-only-crlf.csv", COSTS.replace("\n", "\r\n"))
put("activities.cr-only-line-endings.csv", (ACT + GOOD_ACT + act("X-A2", type="fax")).replace("\n", "\r"))
put("activities.crlf-cr-mixed.csv", ACT.replace("\n", "\r\n") + GOOD_ACT.replace("\n", "\r") + act("X-A2", direction="sideways").replace("\n", "\r\n"))
put("activities.duplicate-header.csv", "activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,occurred_at\n"
    + "X-A2,L0000001,R002,call,outbound,2026-05-01T10:00:00+09:00,60,true,2026-05-03T10:00:00+09:00\n")
put("activities.missing-required-column.csv", "activity_id,lead_id,rep_id,type,direction,duration_seconds\nX-A2,L0000001,R002,call,outbound,60\n")
put("activities.semicolon-header-comma-rows.csv", ACT.replace(",", ";") + GOOD_ACT)

# --- Encodings -----------------------------------------------------------------------------------------
put("activities.invalid-utf8.csv", ACT.encode() + GOOD_ACT.encode() + b"X-A2,L0000001,R002,call,outbound,2026-05-01T10:00:00+09:00,60,true,\xff\xfe,,,,\n")
put("reps.utf8-then-cp932.csv", REPS.encode() + GOOD_REP.encode() + "X-R2,佐藤 花子,インサイドセールス1課,sdr,\n".encode("cp932"))
put("reps.cp932-then-utf8.csv", (REPS + "X-R1,山田 太郎,インサイドセールス1課,sdr,2026-04-01\n").encode("cp932") + "X-R2,佐藤 花子,インサイドセールス2課,bdr,\n".encode("utf-8"))
put("reps.truncated-utf8-at-eof.csv", REPS.encode() + GOOD_REP.encode() + "X-R2,佐藤 花子,インサイドセールス1課,sdr,".encode() + "課".encode()[:2])
# The mapping says cp932, the file is UTF-8 (mappings/cp932-declared.yaml).
put("cp932-declared-utf8-given.csv", "活動ID,リードID,担当者ID,種別,方向,日時\nX-A2,L0000001,R002,電話,発信,2026-05-01T10:00:00+09:00\n")
# The mapping says utf-8, the file is CP932 (mappings/utf8-declared.yaml).
put("utf8-declared-cp932-given.csv", "活動ID,リードID,担当者ID,種別,方向,日時\nX-A2,L0000001,R002,電話,発信,2026-05-01T10:00:00+09:00\n".encode("cp932"))

# --- Dates and times -----------------------------------------------------------------------------------
put("activities.date-feb-30.csv", ACT + GOOD_ACT + act(at="2026-02-30T10:00:00+09:00"))
put("activities.date-year-1899.csv", ACT + GOOD_ACT + act(at="1899-12-30T00:00:00+09:00"))
put("activities.date-year-10000.csv", ACT + GOOD_ACT + act(at="10000-01-01T00:00:00+09:00"))
put("activities.time-25-61.csv", ACT + GOOD_ACT + act(at="2026-05-01T25:61:00+09:00"))
put("activities.offset-out-of-range.csv", ACT + GOOD_ACT + act(at="2026-05-01T10:00:00+25:00"))
put("activities.date-excel-serial.csv", ACT + GOOD_ACT + act(at="46143.5"))
put("leads.date-month-13.csv", LEADS + GOOD_LEAD + lead(created="2026-13-01T10:00:00+09:00"))
put("leads.follow-up-date-1899.csv", LEADS + GOOD_LEAD + lead(follow="1899-12-31"))
put("reps.date-feb-29-non-leap.csv", REPS + GOOD_REP + "X-R2,佐藤 花子,インサイドセールス1課,sdr,2027-02-29\n")
put("opportunities.date-apr-31.csv", OPP + GOOD_OPP + opp(expected="2026/04/31"))
put("customers.month-13.csv", CUST + GOOD_CUST + "X-C2,2026-13,50000,Standard,false\n")
put("costs.month-00.csv", COSTS + GOOD_COST + "2026-00,seminar,marketing,100000,500\n")
put("targets.period-start-day-0.csv", TARGETS + GOOD_TARGET + "connects,org,,month,2026-04-00,350\n")

# --- Numbers and durations -----------------------------------------------------------------------------
put("activities.duration-negative.csv", ACT + GOOD_ACT + act(duration="-5"))
put("activities.duration-negative-mmss.csv", ACT + GOOD_ACT + act(duration="-1:30"))
put("activities.duration-overflow.csv", ACT + GOOD_ACT + act(duration="99999999999999999999"))
put("opportunities.amount-negative.csv", OPP + GOOD_OPP + opp(amount="-300000"))
put("customers.mrr-not-a-number.csv", CUST + GOOD_CUST + "X-C2,2026-05,五万円,Standard,false\n")
put("costs.visits-fraction.csv", COSTS + GOOD_COST + "2026-05,trade_show,marketing,100000,12.5\n")
put("targets.value-nan.csv", TARGETS + GOOD_TARGET + "connects,org,,month,2026-05-01,NaN\n")

# --- Unknown enum values -------------------------------------------------------------------------------
put("activities.type-unknown.csv", ACT + GOOD_ACT + act(type="fax"))
put("activities.direction-unknown.csv", ACT + GOOD_ACT + act(direction="sideways"))
put("activities.connected-unknown.csv", ACT + GOOD_ACT + act(connected="maybe"))
put("opportunities.stage-unknown.csv", OPP + GOOD_OPP + opp(stage="closed_won"))
put("opportunities.source-unknown.csv", OPP + GOOD_OPP + opp(source="cold_call"))
put("opportunities.need-unknown.csv", OPP + GOOD_OPP + opp(need="urgent"))
put("leads.status-unknown.csv", LEADS + GOOD_LEAD + lead(status="hot"))
put("leads.temperature-unknown.csv", LEADS + GOOD_LEAD + lead(temperature="warm"))
put("reps.role-unknown.csv", REPS + GOOD_REP + "X-R2,佐藤 花子,インサイドセールス1課,ceo,\n")
put("costs.category-unknown.csv", COSTS + GOOD_COST + "2026-05,seminar,travel,100000,\n")
put("targets.kpi-unknown.csv", TARGETS + GOOD_TARGET + "calls_made,org,,month,2026-05-01,100\n")
put("targets.period-unknown.csv", TARGETS + GOOD_TARGET + "calls,org,,fortnight,2026-05-01,100\n")

# --- Ids -----------------------------------------------------------------------------------------------
put("activities.id-with-space.csv", ACT + GOOD_ACT + act(id="X A2"))
put("activities.id-full-width-digits.csv", ACT + GOOD_ACT + act(id="X-A２"))
put("leads.id-all-full-width.csv", LEADS + GOOD_LEAD + lead(id="Ｌ００００００２"))
put("reps.id-leading-space.csv", REPS + GOOD_REP + " X-R2,佐藤 花子,インサイドセールス1課,sdr,\n")
put("activities.id-ideographic-space.csv", ACT + GOOD_ACT + act(id="X-A\u30002"))
put("activities.id-tab-in-quotes.csv", ACT + GOOD_ACT + act(id='"X-A\t2"'))
put("activities.id-empty.csv", ACT + GOOD_ACT + act(id=""))
put("activities.rep-id-full-width.csv", ACT + GOOD_ACT + act(rep="Ｒ００２"))

# --- References to missing records ---------------------------------------------------------------------
put("activities.missing-lead.csv", ACT + GOOD_ACT + act(lead="L9999999"))
put("activities.missing-rep.csv", ACT + GOOD_ACT + act(rep="R999"))
put("opportunities.missing-owner.csv", OPP + GOOD_OPP + opp(owner="R404"))
put("opportunities.missing-lead.csv", OPP + GOOD_OPP + opp(lead="L404"))
put("leads.missing-assignee.csv", LEADS + GOOD_LEAD + lead(assigned="R777"))
put("targets.missing-team.csv", TARGETS + GOOD_TARGET + "calls,team,存在しない課,month,2026-05-01,100\n")
put("targets.missing-rep.csv", TARGETS + GOOD_TARGET + "calls,rep,R404,month,2026-05-01,100\n")

# --- Formula-injection text: data, imported as text (exports neutralise it) ----------------------------
put("leads.formula-hyperlink.csv", LEADS + lead(id="X-F1", company='"=HYPERLINK(""http://x"",""y"")"'))
put("reps.formula-plus-minus-at.csv", REPS + "X-F1,+cmd|' /C calc'!A0,インサイドセールス1課,sdr,\nX-F2,-2+3,インサイドセールス1課,sdr,\nX-F3,@SUM(1+1),インサイドセールス1課,bdr,\n")
put("opportunities.formula-lost-reason.csv", OPP + "X-F1,L0000001,R002,R009,inside_sales,2026-05-01T10:00:00+09:00,,,lost,,,2026-05-20T10:00:00+09:00,\"=1+1\",,,,,,,\n")

# --- Mapping files (YAML/JSON) and the CSV files they are used with --------------------------------------
CALLLOG = "活動ID,リードID,担当者ID,種別,方向,日付,時刻\nX-M1,L0000001,R002,電話,発信,2026/05/01,10:00\n"
GOOD_MAP = """entity: activities
columns:
  activity_id: 活動ID
  lead_id: リードID
  rep_id: 担当者ID
  type: 種別
  direction: 方向
  occurred_at: [日付, 時刻]
values:
  type: {電話: call, メール: email}
  direction: {発信: outbound, 受信: inbound}
datetime_format: "yyyy/MM/dd H:mm"
"""
put("calllog.csv", CALLLOG)
put("mappings/unknown-key.yaml", GOOD_MAP + "colums:\n  activity_id: 活動ID\n")
put("mappings/unknown-field.yaml", GOOD_MAP.replace("  lead_id: リードID\n", "  lead_id: リードID\n  activty_kind: 種別\n"))
put("mappings/circular-values.yaml", GOOD_MAP.replace("type: {電話: call, メール: email}", "type: {電話: メール, メール: 電話}"))
put("mappings/chained-values.yaml", GOOD_MAP.replace("direction: {発信: outbound, 受信: inbound}", "direction: {発信: 受信, 受信: inbound}"))
put("mappings/field-mapped-twice.yaml", GOOD_MAP.replace("  rep_id: 担当者ID\n", "  rep_id: 担当者ID\n  activity_id: リードID\n"))
put("mappings/contradictory-values.yaml", GOOD_MAP.replace("type: {電話: call, メール: email}", "type: {電話: call, メール: email, 電話: email}"))
put("mappings/missing-header.yaml", GOOD_MAP.replace("  direction: 方向\n", "  direction: 発着信\n"))
put("mappings/missing-required.yaml", GOOD_MAP.replace("  occurred_at: [日付, 時刻]\n", ""))
put("mappings/bad-entity.yaml", GOOD_MAP.replace("entity: activities", "entity: calls"))
put("mappings/bad-encoding.yaml", GOOD_MAP + "encoding: latin1\n")
put("mappings/bad-timezone.yaml", GOOD_MAP + "timezone: Tokyo\n")
put("mappings/bad-datetime-format.yaml", GOOD_MAP.replace('"yyyy/MM/dd H:mm"', '"YYYY年MM月DD日"'))
put("mappings/not-yaml.yaml", GOOD_MAP.replace("  lead_id: リードID\n", "  lead_id: [リードID\n"))
put("mappings/empty.yaml", "")
put("mappings/value-to-unknown-enum.yaml", GOOD_MAP.replace("type: {電話: call, メール: email}", "type: {電話: phone, メール: email}"))
put("mappings/default-unknown-enum.yaml", GOOD_MAP.replace("  direction: 方向\n", "").replace("  direction: {発信: outbound, 受信: inbound}\n", "") + "defaults:\n  direction: sideways\n")
put("mappings/unknown-field.json", '{\n  "entity": "activities",\n  "columns": {\n    "activity_id": "活動ID",\n    "lead_id": "リードID",\n    "rep_id": "担当者ID",\n    "type": "種別",\n    "direction": "方向",\n    "occurred_at": ["日付", "時刻"],\n    "colour": "色"\n  }\n}\n')
put("mappings/cp932-declared.yaml", "entity: activities\nencoding: cp932\ncolumns:\n  activity_id: 活動ID\n  lead_id: リードID\n  rep_id: 担当者ID\n  type: 種別\n  direction: 方向\n  occurred_at: 日時\nvalues:\n  type: {電話: call}\n  direction: {発信: outbound}\n")
put("mappings/utf8-declared.yaml", "entity: activities\nencoding: utf-8\ncolumns:\n  activity_id: 活動ID\n  lead_id: リードID\n  rep_id: 担当者ID\n  type: 種別\n  direction: 方向\n  occurred_at: 日時\nvalues:\n  type: {電話: call}\n  direction: {発信: outbound}\n")
put("mappings/not-utf8.yaml", GOOD_MAP.encode("cp932"))

for name, content in files.items():
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)
print(f"{len(files)} files written to {OUT}")
