/// The report pages' one style sheet, inline so the file stands alone (no external asset,
/// works offline and in CI artifact viewers). Constant markup of our own: the only raw
/// text the pages contain.
enum HTMLStyle {
    static let sheet: StaticString = """
        :root{--error:#b3261e;--warning:#8a5a00;--notice:#1d5fa8;--ok:#1b6e2d;--line:#d0d4da;--muted:#5b6270}
        *{box-sizing:border-box}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1c1f24;
          background:#fff}
        main{max-width:1200px;margin:0 auto;padding:0 20px 40px}
        h1{font-size:22px;margin:0 0 6px}
        h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
        h3{font-size:15px;margin:18px 0 6px}
        code,pre,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
        pre{background:#f4f5f7;border:1px solid var(--line);border-radius:4px;padding:8px 10px;
          white-space:pre-wrap;word-break:break-all;margin:6px 0}
        table{border-collapse:collapse;margin:6px 0 10px;width:100%}
        th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f4f5f7;font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .banner{padding:16px 20px;margin:0 0 10px;color:#fff}
        .banner.error{background:var(--error)}.banner.warning{background:var(--warning)}.banner.ok{background:var(--ok)}
        .banner pre{background:rgba(255,255,255,.92);color:#1c1f24;border:0}
        .banner a{color:#fff}
        .banner p{margin:4px 0}
        nav.toc{font-size:13px;margin:8px 0 0}
        nav.toc a{margin-right:14px}
        .sev{display:inline-block;min-width:64px;padding:1px 6px;border-radius:3px;color:#fff;font-size:12px;
          font-weight:600;text-align:center}
        .sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.notice{background:var(--notice)}
        article.finding{border:1px solid var(--line);border-left:5px solid var(--line);border-radius:4px;
          padding:8px 12px;margin:8px 0}
        article.finding.error{border-left-color:var(--error)}article.finding.warning{border-left-color:var(--warning)}
        article.finding.notice{border-left-color:var(--notice)}
        .muted{color:var(--muted)}
        ul.evidence{margin:4px 0;padding-left:20px}
        .packets li:target,tr:target{background:#fff3bf}
        .packets{list-style:none;padding-left:0}
        .packets li{padding:2px 4px;border-bottom:1px dotted var(--line)}
        figure{margin:8px 0 14px;overflow-x:auto}
        figcaption{font-size:12.5px;color:var(--muted)}
        svg{background:#fbfbfc;border:1px solid var(--line);border-radius:4px}
        svg text{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11px;fill:#1c1f24}
        svg text.title{font-family:system-ui,sans-serif;font-size:12px;font-weight:600}
        svg .box{fill:#fff;stroke:#59606b}
        svg .path{stroke:#3b6fb6;stroke-width:2;fill:none}
        svg .flagged{stroke:#b3261e;stroke-width:2;stroke-dasharray:6 4;fill:none}
        svg .lifeline{stroke:#9aa1ab;stroke-dasharray:3 3}
        svg .bar{fill:#3b6fb6}
        svg .bar.other{fill:#b3261e}
        svg .changed{fill:#b3261e}
        p.changed{color:var(--error);font-weight:600}
        footer{margin-top:30px;font-size:12px;color:var(--muted)}
        """
}
