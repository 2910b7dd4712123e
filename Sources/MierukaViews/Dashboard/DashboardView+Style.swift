extension DashboardView {
    /// Inline only: no CDN, no web fonts. Large type and strong contrast for a projector; A4 landscape on paper.
    static let styleSheet = """
        :root{--ink:#111;--paper:#fff;--muted:#444;--line:#888;--good:#0b6b2e;--bad:#b3261e;--warn:#8a5a00;--accent:#0b3d91;--soft:#f2f2f2}
        *{box-sizing:border-box}
        html{font-size:20px}
        body{margin:0;padding:.6rem 1rem;color:var(--ink);background:var(--paper);font-family:"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Yu Gothic",Meiryo,system-ui,sans-serif;line-height:1.35}
        a{color:inherit;text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:2px}
        a:focus{outline:3px solid var(--accent)}
        header.top{display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem 1.2rem;border-bottom:3px solid var(--ink);padding-bottom:.3rem}
        h1{font-size:1.5rem;margin:0}
        h1 .brand{color:var(--accent)}
        h1 .days{font-size:1rem;color:var(--muted);font-weight:normal}
        nav ul{list-style:none;display:flex;gap:.2rem;margin:0;padding:0}
        nav a{display:inline-block;padding:.1rem .5rem;border:2px solid var(--ink);text-decoration:none;font-weight:bold}
        nav a[aria-current]{background:var(--ink);color:var(--paper)}
        form.filter{display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:.85rem}
        form.filter input,form.filter select,form.filter button{font-size:.85rem}
        .badges{margin:0;display:flex;gap:.4rem}.badge{border:2px solid var(--accent);color:var(--accent);padding:0 .4rem;font-weight:bold;text-decoration:none}
        h2{font-size:1.2rem;margin:.6rem 0 .3rem;border-bottom:2px solid var(--line)}
        .alerts{margin:.5rem 0;padding:.4rem .7rem;border:3px solid var(--warn);background:#fff6e0}
        .alerts ul{margin:0;padding-left:1.2rem}
        .sev-critical{color:var(--bad);font-weight:bold}
        .sev-warning{color:var(--warn);font-weight:bold}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem}
        .card{border:2px solid var(--line);border-left-width:.5rem;padding:.35rem .6rem;margin:0;container-type:inline-size}
        .card h3{font-size:1rem;margin:0;color:var(--muted)}
        .card .actual{font-size:min(2rem,11cqi);font-weight:bold;margin:0;line-height:1.1}
        .card .target{font-size:1.1rem;font-weight:normal;color:var(--muted)}
        .card p{margin:.1rem 0}
        .detail,.meta,.bandline{font-size:.85rem}
        .tone-good{border-left-color:var(--good)}
        .tone-bad{border-left-color:var(--bad)}
        .tone-neutral{border-left-color:var(--line)}
        .j-good{color:var(--good);font-weight:bold}
        .j-bad{color:var(--bad);font-weight:bold}
        .j-neutral{color:var(--muted)}
        .bottleneck{border:3px solid var(--bad);padding:.3rem .6rem;margin:.3rem 0;font-size:1.1rem}
        .bottleneck strong{color:var(--bad)}
        .split{display:block}
        .trend{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 1rem}
        .trend h2{grid-column:1/-1}
        .reps{overflow-x:auto}
        svg{max-width:100%;height:auto;font-family:inherit}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        th,td{border-bottom:1px solid var(--line);padding:.2rem .4rem;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}
        th a{text-decoration:none}
        th[aria-sort] a{text-decoration:underline}
        .sub{color:var(--muted);font-size:.8rem}
        @page{size:A4 landscape;margin:10mm}
        @media print{
          html{font-size:10.5pt}
          body{padding:0}
          nav,form.filter{display:none}
          a{text-decoration:none}
          .card,.bottleneck,table,svg{break-inside:avoid}
          .cards{grid-template-columns:repeat(4,1fr)}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """
}
