#!/usr/bin/env python3
"""End to end in a real headless Chromium: a manager logs in through the login form, the dashboard's key figures
equal the JSON API's answers for the same browser session, the page is Japanese (and English with ?lang=en), and a
screenshot is kept.

Run by Tests/e2e/run.sh, which installs Chromium and Playwright, starts the built server on a demo database and
passes the manager's password. Only loopback is used; Playwright drives the system Chromium (no browser download).

    python3 Tests/e2e/dashboard_e2e.py --base-url http://127.0.0.1:8080 --login manager --password PW \
        --chromium /usr/bin/chromium --out .build/e2e
"""

import argparse
import datetime
import decimal
import json
import os
import re
import shutil
import struct
import sys
import urllib.parse
import zoneinfo

from playwright.sync_api import sync_playwright

# The figures a manager's morning meeting must show; every card on the page is checked, these must be among them.
REQUIRED_CARDS = ["calls", "connects", "appointments", "connect_rate", "appointment_rate", "won_amount"]
MIN_SCREENSHOT_BYTES = 30_000

failures: list[str] = []
checks = 0


def check(ok: bool, what: str) -> bool:
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)
    return ok


# ---- NumberFormat (Sources/MierukaCore/Presentation/NumberFormat.swift), written again from its rules ----

UNDEFINED = "—"


def grouped(x: float, decimals: int = 0) -> str:
    """1234567 → 1,234,567; halves round away from zero (Swift's rounded()), fractions keep `decimals` places."""
    if decimals == 0:
        text = str(abs(decimal.Decimal(x).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)))
    else:
        text = "%.*f" % (decimals, abs(x))
    integer, _, fraction = text.partition(".")
    body = f"{int(integer):,}" + ("." + fraction if fraction else "")
    negative = x < 0 and any(c not in "0." for c in text)
    return ("-" if negative else "") + body


def percent(ratio: float) -> str:
    return "%.1f%%" % (ratio * 100)


def yen(x: float) -> str:
    return "-¥" + grouped(-x) if x < 0 and grouped(x).startswith("-") else "¥" + grouped(x)


def formatted(value, unit: str) -> str:
    if value is None:
        return UNDEFINED
    if unit == "count":
        return grouped(value) if float(value).is_integer() else grouped(value, 1)
    if unit == "ratio":
        return percent(value)
    if unit == "yen":
        return yen(value)
    return grouped(value, 1)  # minutes, days, times, points


def plain(x: float) -> str:
    return grouped(x) if float(x).is_integer() else grouped(x, 1)


def detail(row: dict, kind: str, unit: str):
    """The card's second line: "540 / 1,765" for rates and means, "n = 12" for medians, none for counts and sums."""
    n, d = row["numerator"], row["denominator"]
    if kind in ("count", "sum") or d is None:
        return None
    if kind == "median":
        return "n = " + grouped(d)
    top = UNDEFINED if n is None else (yen(n) if unit == "yen" else plain(n))
    return top + " / " + plain(d)


def self_test() -> None:
    """The formatter above against the examples the Swift tests and the README give."""
    for got, want in [
        (formatted(1234, "count"), "1,234"), (formatted(0.2528363047001621, "ratio"), "25.3%"),
        (formatted(850000, "yen"), "¥850,000"), (formatted(None, "yen"), "—"), (formatted(2.5, "count"), "2.5"),
        (formatted(1432142.857142857, "yen"), "¥1,432,143"), (formatted(0.5, "count"), "0.5"),
        (grouped(2.5), "3"), (grouped(-2.5), "-3"), (grouped(-0.4), "0"), (grouped(1234567.25, 1), "1,234,567.2"),
        (yen(-1500), "-¥1,500"), (formatted(1.0, "ratio"), "100.0%"), (formatted(12.34, "minutes"), "12.3"),
    ]:
        assert got == want, f"formatter self-test: {got!r} != {want!r}"


# ---- the browser ----

CARDS_JS = """() => Array.from(document.querySelectorAll('article.card')).map(card => {
    const actual = card.querySelector('p.actual > a');
    const detail = card.querySelector('p.detail > a');
    return {
        id: card.id, kpi: card.id.replace(/^kpi-/, ''), dataKpi: card.dataset.kpi ?? null, value: card.dataset.value ?? null,
        name: card.querySelector('h3')?.textContent ?? null,
        actual: actual ? actual.textContent : null, href: actual ? actual.getAttribute('href') : null,
        detail: detail ? detail.textContent : null,
        layer: card.closest('section.layer')?.querySelector('h2')?.textContent ?? null,
    };
})"""

# Runs in the page: the same origin and the same session cookie (HttpOnly, so only the browser can send it).
FETCH_JS = """async (url) => {
    const r = await fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
    return {status: r.status, type: r.headers.get('content-type'), body: await r.text()};
}"""


def api(page, path: str):
    answer = page.evaluate(FETCH_JS, path)
    check(answer["status"] == 200, f"GET {path} answered {answer['status']}: {answer['body'][:300]}")
    check("json" in (answer["type"] or ""), f"GET {path} is not JSON but {answer['type']}")
    try:
        return json.loads(answer["body"])
    except json.JSONDecodeError as e:
        check(False, f"GET {path}: not JSON ({e}): {answer['body'][:300]}")
        return None


def api_rows(body: str):
    """The kpis answer: a JSON array, or JSON lines."""
    body = body.strip()
    if body.startswith("["):
        return json.loads(body)
    return [json.loads(line) for line in body.splitlines() if line.strip()]


def this_month_in_tokyo():
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Tokyo")).date()
    first = today.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first.isoformat(), following.isoformat()


def png_size(path: str):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def screenshot(page, path: str, what: str) -> None:
    page.screenshot(path=path, full_page=True)
    size = os.path.getsize(path)
    dims = png_size(path)
    check(dims is not None, f"{what}: {path} is not a PNG")
    check(size > MIN_SCREENSHOT_BYTES, f"{what}: {path} is only {size} bytes (expected > {MIN_SCREENSHOT_BYTES})")
    if dims:
        check(dims[0] >= 1200 and dims[1] >= 800, f"{what}: {path} is only {dims[0]}×{dims[1]} pixels")
    print(f"screenshot {path}: {size:,} bytes, {dims[0] if dims else '?'}×{dims[1] if dims else '?'}")


def compare_cards(cards, rows_by_kpi, catalog, lang: str) -> None:
    for c in cards:
        kpi = c["kpi"]
        check(c["dataKpi"] == kpi, f"[{lang}] card {c['id']} has data-kpi={c['dataKpi']!r}, expected {kpi!r}")
        check(c["value"] is not None, f"[{lang}] card {c['id']} has no data-value")
        rows = rows_by_kpi.get(kpi, [])
        if not check(len(rows) == 1, f"[{lang}] {kpi}: the API gave {len(rows)} rows for the team, expected 1"):
            continue
        row = rows[0]
        definition = catalog.get(kpi)
        if not check(definition is not None, f"[{lang}] {kpi}: not in /api/v1/catalog"):
            continue
        if c["value"] is not None:
            shown_value = json.loads(c["value"])
            check(shown_value == row["value"] and type(shown_value) is type(row["value"]),
                  f"[{lang}] {kpi}: data-value {c['value']} != API value {json.dumps(row['value'])}")
        want_text = formatted(row["value"], definition["unit"])
        check(c["actual"] == want_text, f"[{lang}] {kpi}: the card shows {c['actual']!r}, the API's value formats as {want_text!r}")
        want_detail = detail(row, definition["kind"], definition["unit"])
        if want_detail is not None or c["detail"] is not None:
            check(c["detail"] == want_detail, f"[{lang}] {kpi}: the card's detail is {c['detail']!r}, the API's numerator/denominator give {want_detail!r}")
        check(c["name"] == definition[lang], f"[{lang}] {kpi}: the card is named {c['name']!r}, the catalog says {definition[lang]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser"))
    parser.add_argument("--out", default=".build/e2e", help="folder for the screenshots")
    args = parser.parse_args()
    if not args.chromium:
        print("error: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 2
    self_test()
    os.makedirs(args.out, exist_ok=True)
    base = args.base_url.rstrip("/")
    start_from, start_to = this_month_in_tokyo()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, headless=True,
                                    args=["--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"])
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP", timezone_id="Asia/Tokyo")
            page = context.new_page()
            page.set_default_timeout(20_000)
            print(f"Chromium {browser.version} at {args.chromium}")

            # Not logged in: the dashboard sends the browser to the login form.
            page.goto(base + "/")
            check(urllib.parse.urlparse(page.url).path == "/login", f"/ without a session should land on /login, landed on {page.url}")
            check(page.locator("input[name=csrf]").count() == 1, "the login form has no CSRF field")

            # Type into the form and submit it, as a person would.
            page.locator("input[name=login]").press_sequentially(args.login)
            page.locator("input[name=password]").press_sequentially(args.password)
            with page.expect_navigation(wait_until="load"):
                page.locator("form.login button").click()
            if not check(urllib.parse.urlparse(page.url).path == "/", f"after logging in the browser is at {page.url}, not the dashboard"):
                print(page.content()[:2000], file=sys.stderr)
                return 1
            cookies = {c["name"]: c for c in context.cookies()}
            session = cookies.get("mieruka_session")
            check(session is not None and session["httpOnly"], "no HttpOnly mieruka_session cookie after logging in")
            check("mieruka_session" not in page.evaluate("document.cookie"), "the session cookie is readable from script")

            # Who the API says we are, with the browser's session.
            me = api(page, "/api/v1/me") or {}
            check(me.get("login") == args.login and me.get("role") == "manager", f"/api/v1/me is {me}")
            team = me.get("team")
            check(bool(team), "the manager has no team")

            # Japanese by default.
            check(page.evaluate("document.documentElement.lang") == "ja", "the dashboard is not lang=ja")
            body = page.inner_text("body")
            for text in ["行動KPI", "戦術KPI", "戦略KPI", "担当者別", "ファネル", "ログアウト"]:
                check(text in body, f"the Japanese dashboard does not show {text}")
            check("Action KPIs" not in body, "the Japanese dashboard shows English layer names")
            check(bool(team) and team in page.inner_text("h1"), f"the heading {page.inner_text('h1')!r} does not name the team {team!r}")

            catalog = {d["id"]: d for d in (api(page, "/api/v1/catalog") or [])}
            cards = page.evaluate(CARDS_JS)
            kpis = [c["kpi"] for c in cards]
            print(f"{len(cards)} cards: {', '.join(kpis)}")
            for kpi in REQUIRED_CARDS:
                check(kpi in kpis, f"the dashboard has no {kpi} card")
            check(len(set(kpis)) == len(kpis), f"a card appears twice: {kpis}")

            # The period: this month in Asia/Tokyo, [first of month, first of next month); every figure links to it.
            for c in cards:
                q = urllib.parse.parse_qs(urllib.parse.urlparse(c["href"] or "").query)
                check(q.get("from") == [start_from] and q.get("to") == [start_to] and q.get("by") == ["team"] and q.get("kpi") == [c["kpi"]],
                      f"card {c['kpi']} links to {c['href']}, expected kpi={c['kpi']}&by=team&from={start_from}&to={start_to}")

            # Following a card's link opens the drill-down with the same figure and its records.
            first = next((c for c in cards if c["kpi"] == "calls"), None)
            if first and first["href"]:
                page.goto(base + first["href"])
                shown = page.get_attribute(".figure", "data-value")
                check(shown == first["value"], f"the drill-down of calls shows {shown}, the card {first['value']}")
                rows_shown = page.locator("table.records tr").count()
                check(first["value"] in ("0", "null") or rows_shown > 1, "the drill-down of calls lists no records")
                page.go_back()

            # The API's answers for the same session, period and team.
            query = urllib.parse.urlencode({"kpi": ",".join(kpis), "by": "team", "from": start_from, "to": start_to})
            answer = page.evaluate(FETCH_JS, "/api/v1/kpis?" + query)
            check(answer["status"] == 200, f"GET /api/v1/kpis answered {answer['status']}: {answer['body'][:300]}")
            rows = api_rows(answer["body"]) if answer["status"] == 200 else []
            rows_by_kpi: dict[str, list] = {}
            for r in rows:
                if r.get("group") == team and r.get("from") == start_from and r.get("to") == start_to:
                    rows_by_kpi.setdefault(r["kpi"], []).append(r)
            # Comparing only zeros would prove little: the demo data reaches today, so once a business day of the
            # month has gone by (the heading says how many), some figure is not zero.
            days = re.search(r"営業日 (\d+)/(\d+)", page.inner_text("h1"))
            check(days is not None, f"the heading {page.inner_text('h1')!r} does not count business days")
            if days and int(days.group(1)) > 0:
                check(any(r.get("value") not in (None, 0) for rs in rows_by_kpi.values() for r in rs),
                      f"{days.group(1)} business days into the month, every figure is zero or undefined")
            compare_cards(cards, rows_by_kpi, catalog, "ja")
            for c in cards:
                print(f"  {c['kpi']:<26} page {c['actual']:>14}  data-value {str(c['value']):<22} API {json.dumps(rows_by_kpi.get(c['kpi'], [{}])[0].get('value'))}")

            screenshot(page, os.path.join(args.out, "dashboard.png"), "Japanese dashboard")

            # English with ?lang=en: the same figures, English words.
            page.goto(base + "/?lang=en")
            check(page.evaluate("document.documentElement.lang") == "en", "?lang=en is not lang=en")
            body_en = page.inner_text("body")
            for text in ["Action KPIs", "Tactical KPIs", "Strategic KPIs", "By rep", "Log out"]:
                check(text in body_en, f"the English dashboard does not show {text}")
            for text in ["行動KPI", "架電数", "ログアウト"]:
                check(text not in body_en, f"the English dashboard still shows {text}")
            cards_en = page.evaluate(CARDS_JS)
            check([c["kpi"] for c in cards_en] == kpis, f"English cards {[c['kpi'] for c in cards_en]} differ from Japanese {kpis}")
            compare_cards(cards_en, rows_by_kpi, catalog, "en")
            screenshot(page, os.path.join(args.out, "dashboard-en.png"), "English dashboard")

            # The dashboard's downloads, clicked as a person would: a workbook and a Shift_JIS CSV of the rep table.
            with page.expect_download() as caught:
                page.locator('a[data-export="xlsx"]').first.click()
            download = caught.value
            with open(download.path(), "rb") as f:
                head = f.read(2)
            check(head == b"PK" and download.suggested_filename.endswith(".xlsx"),
                  f"the Excel link downloaded {download.suggested_filename!r} starting {head!r}, not a workbook")
            with page.expect_download() as caught:
                page.locator('a[data-export="csv-cp932"]').nth(1).click()
            with open(caught.value.path(), "rb") as f:
                text = f.read().decode("cp932")
            check(text.startswith("Rep,") or text.startswith("担当,"), f"the Shift_JIS rep table starts {text[:40]!r}")
            print(f"  downloads: {download.suggested_filename}, {caught.value.suggested_filename}")
        finally:
            browser.close()

    if failures:
        print(f"dashboard e2e: FAILED, {len(failures)} of {checks} checks", file=sys.stderr)
        return 1
    print(f"dashboard e2e: OK, {checks} checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
