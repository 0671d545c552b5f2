/** The report's stylesheet, inlined: system CJK fonts, screen and A4 print. */
export const STYLES = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --bad: #b42318; --warn: #b54708; --ok: #067647; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; color: var(--ink); background: #fff; line-height: 1.6;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 28px 0 8px; padding: 6px 10px; background: #eef2f7; border-left: 4px solid var(--accent); }
h4 { font-size: 15px; margin: 20px 0 6px; }
h5 { font-size: 14px; margin: 14px 0 4px; color: var(--muted); }
p.meta, .muted { color: var(--muted); }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f5f7fa; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 600; background: #fafbfc; }
.diff-pos { color: var(--bad); font-weight: 600; }
.sev-2 { color: var(--bad); font-weight: 600; }
td.sev-0, td.sev-1, td.sev-2 { white-space: nowrap; }
table.problems code { overflow-wrap: anywhere; }
table.problems .related { font-size: 0.9em; margin-top: 0.2em; }
.sev-1 { color: var(--warn); }
.sev-0 { color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: #fde8e7; color: var(--bad); white-space: nowrap; }
tr.weaker td:first-child { border-left: 4px solid var(--bad); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.toc ol { columns: 2; margin: 4px 0; }
.chart { max-width: 100%; height: auto; font-family: inherit; }
.chart text { font-size: 11px; fill: var(--ink); }
.chart .axis, .chart .grid { stroke: var(--line); }
.chart rect.claimed { fill: #e4a29a; } .chart rect.recomputed { fill: #3b6fb0; }
.chart rect.track { fill: #f0f2f5; } .chart rect.accepted { fill: #b8c2cf; } .chart rect.accepted.weaker { fill: #f1b0a8; }
.chart line.tick { stroke-width: 2; } .chart line.clause { stroke: #7a2e8e; } .chart line.requirement { stroke: #1f6f5f; }
.chart line.baseline { stroke: #a15c00; stroke-dasharray: 3 2; } .chart line.last-year { stroke: #555; stroke-dasharray: 1 2; }
.chart circle.actual { fill: var(--ink); }
.chart line.span { stroke-width: 4; } .chart line.span.late { stroke: #e4a29a; } .chart line.span.on-time { stroke: #9fd3b5; }
.chart rect.planned { fill: var(--ink); } .chart circle.done { fill: var(--ok); } .chart circle.done.late { fill: var(--bad); } .chart path.pending { fill: var(--bad); }
.chart rect.initial { fill: #c9d3e0; } .chart rect.budgeted { fill: #7d98bd; } .chart rect.spent { fill: #1f4e8c; }
.legend { font-size: 12px; color: var(--muted); }
.legend .swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: middle; }
.legend .claimed { background: #e4a29a; } .legend .recomputed { background: #3b6fb0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc, .screen-only { display: none; }
  section.project { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, .chart { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
