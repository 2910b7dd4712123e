// The KPI catalog as data: kpi-catalog.md's table rows, one object per KPI id.
// Kept as JSON text inside the binary so the single `mieruka` executable needs no resource bundle.
extension KPICatalog {
    static let bundledJSON = #"""
[
 {
  "id": "calls",
  "ja": "架電数",
  "en": "Calls",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "activities type=call, direction=outbound, occurred_at in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "40–80/day (000); 80–120/day launch (002)",
  "rule": "Per rep: the activity's rep_id; per channel: the lead's channel."
 },
 {
  "id": "inbound_calls",
  "ja": "受電数",
  "en": "Inbound calls",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "activities type=call, direction=inbound",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "— (001: split in/out)"
 },
 {
  "id": "connects",
  "ja": "コネクト数",
  "en": "Connects",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "outbound calls with connected=true",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "15–25/day (002)"
 },
 {
  "id": "valid_conversations",
  "ja": "有効会話数",
  "en": "Valid conversations",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "outbound calls, connected, duration_seconds ≥ valid_conversation_seconds (120)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "8–15/day (002)"
 },
 {
  "id": "talk_minutes",
  "ja": "通話時間",
  "en": "Talk minutes",
  "layer": "action",
  "kind": "sum",
  "unit": "minutes",
  "formula": "Σ duration_seconds ÷ 60 over all calls (inbound and outbound)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "— (001)"
 },
 {
  "id": "emails_sent",
  "ja": "メール送信数",
  "en": "Emails sent",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "activities type=email, direction=outbound (bounced included)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "10–50/day (000); 30–50/day (002)"
 },
 {
  "id": "approaches",
  "ja": "アプローチ数",
  "en": "Approaches",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "calls + emails_sent",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ]
 },
 {
  "id": "leads_worked",
  "ja": "対応済みリード数",
  "en": "Leads worked",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "distinct leads with ≥1 outbound activity in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "—",
  "rule": "A distinct count inside each group: the org figure is not the sum of the reps."
 },
 {
  "id": "new_leads",
  "ja": "新規リード数",
  "en": "New leads",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "leads with created_at in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "—",
  "rule": "Per rep: leads.assigned_to."
 },
 {
  "id": "mqls",
  "ja": "MQL数",
  "en": "MQLs",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "leads with mql_at in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "—",
  "rule": "Per rep: leads.assigned_to."
 },
 {
  "id": "sqls",
  "ja": "SQL創出数",
  "en": "SQLs",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "leads with sql_at in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "20–25/month (002)",
  "rule": "Per rep: leads.assigned_to."
 },
 {
  "id": "appointments",
  "ja": "アポイント獲得数",
  "en": "Appointments",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "opportunities with created_at in P (every source)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "5–30/month (000); 2–5/day launch (002)",
  "rule": "Per rep: created_by. Per channel: the lead's channel; an opportunity without a lead is grouped under channel 'unknown'."
 },
 {
  "id": "meetings",
  "ja": "商談数",
  "en": "Meetings held",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "opportunities with meeting_at in P and stage ≠ appointment",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "—",
  "rule": "Per rep: created_by."
 },
 {
  "id": "valid_opportunities",
  "ja": "有効商談数",
  "en": "Valid opportunities",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "opportunities created in P with quality score ≥ valid_opportunity_score (60)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ]
 },
 {
  "id": "handoffs",
  "ja": "トスアップ数",
  "en": "Hand-offs",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "opportunities with handed_off_at in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "—",
  "rule": "Per rep: created_by."
 },
 {
  "id": "wins",
  "ja": "受注数",
  "en": "Wins",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "opportunities with stage=won and closed_at in P (every source)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ]
 },
 {
  "id": "losses",
  "ja": "失注数",
  "en": "Losses",
  "layer": "action",
  "kind": "count",
  "unit": "count",
  "formula": "opportunities with stage=lost and closed_at in P (every source)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ]
 },
 {
  "id": "connect_rate",
  "band": {"low": 0.2, "high": 0.3},
  "ja": "コネクト率",
  "en": "Connect rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "connects ÷ calls",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "20–30 % (002)"
 },
 {
  "id": "valid_conversation_rate",
  "band": {"low": 0.5, "high": 0.7},
  "ja": "有効会話率",
  "en": "Valid conversation rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "valid_conversations ÷ connects",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "50–70 % (002)"
 },
 {
  "id": "appointment_rate",
  "band": {"low": 0.15, "high": 0.25},
  "ja": "アポイント獲得率(会話)",
  "en": "Appointment rate (per conversation)",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "appointments ÷ valid_conversations",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "15–25 % (002)"
 },
 {
  "id": "appointment_per_approach_rate",
  "band": {"low": 0.02, "high": 0.03},
  "ja": "アポイント獲得率(アプローチ)",
  "en": "Appointment rate (per approach)",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "appointments ÷ approaches",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "2–3 % (000)"
 },
 {
  "id": "email_open_rate",
  "band": {"low": 0.15, "high": 0.25},
  "ja": "メール開封率",
  "en": "Email open rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "opened ÷ (emails_sent − bounced)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "15–25 % (000)",
  "rule": "Numerator: outbound emails in P that did not bounce and were opened."
 },
 {
  "id": "email_click_rate",
  "band": {"low": 0.02, "high": 0.05},
  "ja": "クリック率",
  "en": "Email click rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "clicked ÷ (emails_sent − bounced)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "2–5 % (000)",
  "rule": "Numerator: outbound emails in P that did not bounce and were clicked."
 },
 {
  "id": "email_reply_rate",
  "band": {"low": 0.02, "high": 0.05},
  "ja": "返信率",
  "en": "Email reply rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "replied ÷ emails_sent",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "2–5 % (000); 3–8 % (002)"
 },
 {
  "id": "response_rate",
  "ja": "レスポンス率",
  "en": "Response rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "leads worked in P with a reaction in P (connected call, replied outbound email or any inbound activity) ÷ leads_worked",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "—",
  "rule": "Per rep: the rep's worked leads; the reaction counts whoever made it."
 },
 {
  "id": "followups_per_lead",
  "band": {"low": 5, "high": 12},
  "ja": "平均フォローアップ数",
  "en": "Follow-ups per lead",
  "layer": "tactical",
  "kind": "mean",
  "unit": "times",
  "formula": "approaches ÷ leads_worked",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "5–12 per company (000)"
 },
 {
  "id": "opportunity_rate",
  "band": {"low": 0.1, "high": 0.25},
  "ja": "商談化率(対応済みリード)",
  "en": "Opportunity rate (worked leads)",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "appointments ÷ leads_worked",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "10–25 % (000); 10–20 % (002); 資料請求 10–30 %, 展示会 1–5 %, セミナー 5–10 %",
  "rule": "Not a cohort: each side counted in P on its own, so a value above 100 % is possible."
 },
 {
  "id": "mql_to_appointment_rate",
  "ja": "商談化率(MQL)",
  "en": "Opportunity rate (MQL)",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "appointments ÷ mqls",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "(003)"
 },
 {
  "id": "meeting_rate",
  "band": {"low": 0.5},
  "ja": "アポ→商談率",
  "en": "Appointment-to-meeting rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "meetings ÷ appointments",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "50 % in the seed's worked example (000)"
 },
 {
  "id": "mql_rate",
  "band": {"low": 0.1, "high": 0.3},
  "ja": "MQL化率",
  "en": "MQL rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "mqls ÷ new_leads",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "10–30 % (000)"
 },
 {
  "id": "sql_rate",
  "band": {"low": 0.1, "high": 0.25},
  "ja": "SQL化率",
  "en": "SQL rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "sqls ÷ new_leads",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "10–25 % (000)"
 },
 {
  "id": "mql_to_sql_rate",
  "ja": "MQL→SQL転換率",
  "en": "MQL-to-SQL rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "sqls ÷ mqls",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "(002)"
 },
 {
  "id": "valid_opportunity_rate",
  "band": {"low": 0.5, "high": 0.6},
  "ja": "有効商談率",
  "en": "Valid opportunity rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "valid_opportunities ÷ appointments",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "50–60 %; below 50 % = review qualification (000)"
 },
 {
  "id": "win_rate",
  "band": {"low": 0.25},
  "ja": "受注率(引き継ぎ商談受注率)",
  "en": "Win rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "wins ÷ (wins + losses)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "25 % (002)"
 },
 {
  "id": "quality_score_avg",
  "band": {"low": 75},
  "ja": "商談品質スコア",
  "en": "Opportunity quality score",
  "layer": "tactical",
  "kind": "mean",
  "unit": "points",
  "formula": "mean quality score of opportunities created in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "≥ 75 (002)",
  "rule": "Score (100 points, seed 002): BANT (budget, authority, timeline true, need clear/outline) 4 = 30, 3 = 20, ≤ 2 = 10; need clear 25, outline 15, else 5; decision process detailed 25, outline 15, else 5; next action scheduled 20, month_only 10, else 0. An empty bool is not confirmed."
 },
 {
  "id": "first_response_minutes_avg",
  "band": {"high": 10},
  "lowerIsBetter": true,
  "ja": "初回対応時間(平均)",
  "en": "First response minutes (mean)",
  "layer": "tactical",
  "kind": "mean",
  "unit": "minutes",
  "formula": "over SLA-scope leads created in P that were ever contacted: minutes from created_at to the first outbound activity",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "within 10 min (000)",
  "rule": "The first outbound activity may be by any rep, of any type, and may lie after P; inbound activities never count. Per rep: leads.assigned_to."
 },
 {
  "id": "first_response_minutes_median",
  "band": {"high": 10},
  "lowerIsBetter": true,
  "ja": "初回対応時間(中央値)",
  "en": "First response minutes (median)",
  "layer": "tactical",
  "kind": "median",
  "unit": "minutes",
  "formula": "median of the same minutes as first_response_minutes_avg",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "within 10 min (000)"
 },
 {
  "id": "sla_compliance_rate",
  "ja": "SLA遵守率",
  "en": "SLA compliance rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "SLA-scope leads created in P whose first outbound activity came within sla_minutes (60, inclusive) ÷ all SLA-scope leads created in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "— (000: 1時間以内)",
  "rule": "Never contacted = not compliant. SLA scope: channel not in sla_excluded_channels."
 },
 {
  "id": "assignment_to_contact_minutes_median",
  "ja": "アサイン→初回接触(中央値)",
  "en": "Assignment to first contact minutes (median)",
  "layer": "tactical",
  "kind": "median",
  "unit": "minutes",
  "formula": "median minutes assigned_at → first outbound activity, leads assigned in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "— (000)",
  "rule": "Contact at any time; never-contacted leads left out."
 },
 {
  "id": "recontact_interval_days_avg",
  "ja": "再接触までの期間(平均)",
  "en": "Recontact interval days (mean)",
  "layer": "tactical",
  "kind": "mean",
  "unit": "days",
  "formula": "for each outbound activity in P without a reaction (call not connected, email not replied) followed by another outbound activity on the same lead: days until that next one",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "— (000)",
  "rule": "The next activity may lie after P; inbound activities are skipped; ties in time are ordered by activity_id; an empty connected/replied is no reaction; days are fractional. Per rep: the rep of the activity."
 },
 {
  "id": "recontact_interval_days_median",
  "ja": "再接触までの期間(中央値)",
  "en": "Recontact interval days (median)",
  "layer": "tactical",
  "kind": "median",
  "unit": "days",
  "formula": "median of the same intervals as recontact_interval_days_avg",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "— (000)"
 },
 {
  "id": "first_call_connect_rate",
  "band": {"low": 0.3},
  "ja": "初回接続率",
  "en": "First call connect rate",
  "layer": "tactical",
  "kind": "rate",
  "unit": "ratio",
  "formula": "leads whose first-ever outbound call falls in P and connected ÷ leads whose first-ever outbound call falls in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "≥ 30 % (000)",
  "rule": "Per rep: the rep of that first call."
 },
 {
  "id": "won_amount",
  "ja": "受注貢献金額",
  "en": "Won amount",
  "layer": "strategic",
  "kind": "sum",
  "unit": "yen",
  "formula": "Σ amount of inside_sales opportunities won, closed_at in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "50M JPY/month mature (002)"
 },
 {
  "id": "opportunity_amount",
  "ja": "商談創出金額",
  "en": "Opportunity amount",
  "layer": "strategic",
  "kind": "sum",
  "unit": "yen",
  "formula": "Σ amount of inside_sales opportunities created in P",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "30M JPY/month growth (002)"
 },
 {
  "id": "avg_deal_size",
  "ja": "平均受注単価(案件単価)",
  "en": "Average deal size",
  "layer": "strategic",
  "kind": "mean",
  "unit": "yen",
  "formula": "mean amount of won inside_sales opportunities closed in P that have an amount",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "(004: 案件単価)"
 },
 {
  "id": "sales_cycle_days_avg",
  "ja": "平均商談期間(成約期間)",
  "en": "Sales cycle days (mean)",
  "layer": "strategic",
  "kind": "mean",
  "unit": "days",
  "formula": "mean days created_at → closed_at of opportunities won in P (every source)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "(004: 成約期間)"
 },
 {
  "id": "lead_to_win_days_avg",
  "ja": "平均リードタイム",
  "en": "Lead-to-win days (mean)",
  "layer": "strategic",
  "kind": "mean",
  "unit": "days",
  "formula": "mean days lead created_at → closed_at of opportunities won in P that have a lead (every source)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "(004)"
 },
 {
  "id": "pipeline_amount",
  "ja": "パイプライン貢献額",
  "en": "Pipeline amount",
  "layer": "strategic",
  "kind": "sum",
  "unit": "yen",
  "formula": "Σ amount of inside_sales opportunities open at the end of P (created before P's end, not closed before it)",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "150M JPY/month mature (002)",
  "rule": "Open is decided by closed_at alone: an opportunity closed exactly at P's end is still open. Empty amounts add nothing."
 },
 {
  "id": "cost",
  "ja": "コスト",
  "en": "Cost",
  "layer": "strategic",
  "kind": "sum",
  "unit": "yen",
  "formula": "Σ costs.amount of every month P touches",
  "groupings": [
   "org",
   "channel"
  ],
  "benchmark": "—",
  "rule": "A month P touches counts in full. A cost without a channel counts in org totals and in the null channel group."
 },
 {
  "id": "cac",
  "band": {"high": 500000},
  "lowerIsBetter": true,
  "ja": "CAC",
  "en": "CAC",
  "layer": "strategic",
  "kind": "mean",
  "unit": "yen",
  "formula": "cost ÷ wins of inside_sales opportunities",
  "groupings": [
   "org",
   "channel"
  ],
  "benchmark": "≤ 500k JPY (002)"
 },
 {
  "id": "cpl",
  "band": {"low": 3000, "high": 15000},
  "lowerIsBetter": true,
  "ja": "リード単価",
  "en": "Cost per lead",
  "layer": "strategic",
  "kind": "mean",
  "unit": "yen",
  "formula": "marketing cost ÷ new_leads (per channel when grouped by channel)",
  "groupings": [
   "org",
   "channel"
  ],
  "benchmark": "3,000–15,000 JPY (000)"
 },
 {
  "id": "cvr",
  "ja": "コンバージョン率",
  "en": "Conversion rate",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "new_leads ÷ visits (per channel)",
  "groupings": [
   "org",
   "channel"
  ],
  "benchmark": "~6.6 % LP (000)"
 },
 {
  "id": "roi",
  "ja": "ROI",
  "en": "ROI",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "(won_amount − cost) ÷ cost",
  "groupings": [
   "org",
   "channel"
  ],
  "benchmark": "—"
 },
 {
  "id": "ltv",
  "ja": "LTV",
  "en": "LTV",
  "layer": "strategic",
  "kind": "mean",
  "unit": "yen",
  "formula": "ARPA × gross_margin ÷ monthly churn rate, from customers",
  "groupings": [
   "org"
  ],
  "benchmark": "—",
  "rule": "ARPA = Σ MRR ÷ paying customer-months in P; churn = Σ over months m of P of customers paying in m−1 who pay nothing in m ÷ Σ of those paying in m−1."
 },
 {
  "id": "ltv_cac_ratio",
  "band": {"low": 3},
  "ja": "LTV/CAC",
  "en": "LTV/CAC",
  "layer": "strategic",
  "kind": "rate",
  "unit": "times",
  "formula": "ltv ÷ cac",
  "groupings": [
   "org"
  ],
  "benchmark": "≥ 3 (002)"
 },
 {
  "id": "forecast_accuracy",
  "ja": "パイプライン予測精度",
  "en": "Forecast accuracy",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "1 − |forecast − actual| ÷ actual, for a closed period with a recorded forecast",
  "groupings": [
   "org"
  ],
  "benchmark": "— (002)",
  "rule": "Undefined until the period has a recorded forecast."
 },
 {
  "id": "nrr",
  "band": {"low": 1, "high": 1.2},
  "ja": "NRR(売上継続率)",
  "en": "Net revenue retention",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "Σ MRR in P's last month of customers with MRR in the month before P ÷ their Σ MRR in the month before P",
  "groupings": [
   "org"
  ],
  "benchmark": "100–120 % (000)"
 },
 {
  "id": "expansion_mrr_share",
  "band": {"low": 0.2, "high": 0.4},
  "ja": "Expansion MRR比率",
  "en": "Expansion MRR share",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "Σ positive month-over-month MRR increases of continuing customers in P ÷ Σ MRR in P",
  "groupings": [
   "org"
  ],
  "benchmark": "20–40 % (000)"
 },
 {
  "id": "upsell_rate",
  "ja": "アップセル率",
  "en": "Upsell rate",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "continuing customers whose MRR rose in P ÷ continuing customers",
  "groupings": [
   "org"
  ],
  "benchmark": "~20 % (000)"
 },
 {
  "id": "win_back_rate",
  "ja": "顧客再活性化率",
  "en": "Win-back rate",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "customers dormant at the start of P with MRR > 0 and not dormant in P ÷ customers dormant at the start of P",
  "groupings": [
   "org"
  ],
  "benchmark": "~35 % (000)"
 },
 {
  "id": "dormant_touches_avg",
  "band": {"low": 8, "high": 12},
  "ja": "平均接触回数(休眠)",
  "en": "Touches per dormant lead",
  "layer": "tactical",
  "kind": "mean",
  "unit": "times",
  "formula": "approaches ÷ leads_worked, over channel = dormant",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "8–12 (000)"
 },
 {
  "id": "reactivation_rate",
  "band": {"low": 0.01, "high": 0.05},
  "ja": "再商談化率",
  "en": "Reactivation rate",
  "layer": "strategic",
  "kind": "rate",
  "unit": "ratio",
  "formula": "opportunities with is_reactivation created in P ÷ dormant-channel leads_worked",
  "groupings": [
   "org",
   "rep",
   "team",
   "channel"
  ],
  "benchmark": "1–5 % (000)",
  "rule": "Counts is_reactivation opportunities of any source and any lead channel."
 }
]
"""#
}
