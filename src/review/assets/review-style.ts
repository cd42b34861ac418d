/** Styles of the review page: two panes that fit 1366×768 and widen on a 1920 screen; long phrases wrap. */
export const REVIEW_STYLE = `
:root {
  --ink: #1d2430; --muted: #5b6475; --line: #d8dde6; --bg: #f5f7fa; --panel: #ffffff;
  --accent: #1f5fbf; --mark: #ffe08a; --ok: #2b8a3e; --fix: #1f5fbf; --bad: #c92a2a; --auto: #7a5c00;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; }
body { display: grid; grid-template-rows: auto minmax(0, 1fr) auto; }
kbd { font: 600 12px/1 ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid #aab2c0; border-bottom-width: 2px;
  border-radius: 4px; padding: 2px 5px; background: #fff; color: var(--ink); }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 8px 16px; background: var(--panel); border-bottom: 1px solid var(--line); }
.top h1 { font-size: 17px; margin: 0; white-space: nowrap; }
.top h1 span { font-weight: 400; color: var(--muted); }
.counter { font-weight: 600; white-space: nowrap; }
.counter .left { color: var(--auto); }
.filters { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin-left: auto; }
.filters label { font-size: 13px; color: var(--muted); display: flex; align-items: center; gap: 4px; }
.filters input, .filters select { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
.filters select#f-doc { max-width: 220px; }
.filters input[type=number] { width: 68px; }
.filters input#f-metric { width: 150px; }
.filters input#reviewer { width: 120px; }
.layout { display: grid; grid-template-columns: minmax(280px, 360px) minmax(0, 1fr); min-height: 0; }
@media (min-width: 1700px) { .layout { grid-template-columns: 440px minmax(0, 1fr); } }
.queue { overflow-y: auto; border-right: 1px solid var(--line); background: var(--panel); }
.queue ol { list-style: none; margin: 0; padding: 0; }
.queue li { padding: 7px 12px; border-bottom: 1px solid var(--line); cursor: pointer; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 10px; }
.queue li:hover { background: #eef3fb; }
.queue li[aria-selected=true] { background: #dde8fa; box-shadow: inset 4px 0 0 var(--accent); }
.queue .conf { font: 600 13px/1.6 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); grid-row: span 3; }
.queue .q { font-weight: 600; overflow-wrap: anywhere; }
.queue .m { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.queue .f { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.empty { padding: 16px; color: var(--muted); }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 10px; margin-left: 6px; border: 1px solid currentColor; white-space: nowrap; }
.badge.auto { color: var(--auto); } .badge.accepted { color: var(--ok); } .badge.corrected { color: var(--fix); } .badge.rejected { color: var(--bad); }
.panel { overflow-y: auto; padding: 14px 22px 24px; min-width: 0; }
.msg { min-height: 24px; font-weight: 600; }
.msg.error { color: var(--bad); } .msg.ok { color: var(--ok); }
.sentence { font-size: 18px; line-height: 1.65; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 4px 0 12px; overflow-wrap: anywhere; max-width: 1100px; }
.sentence mark { background: var(--mark); padding: 1px 2px; border-radius: 3px; font-weight: 700; }
.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 14px; margin: 0 0 12px; font-size: 14px; max-width: 1100px; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; overflow-wrap: anywhere; }
.crop { margin: 0 0 12px; } .crop img { max-width: 100%; border: 1px solid var(--line); } .crop figcaption { font-size: 12px; color: var(--muted); }
.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 16px; max-width: 1100px; padding: 12px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.fields .field[data-field=metric] { grid-column: 1 / -1; }
.fields label { display: block; font-size: 13px; color: var(--muted); }
.fields input, .fields select, .fields textarea { width: 100%; font: inherit; padding: 4px 7px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
.fields textarea { resize: vertical; min-height: 2.6em; }
.fields :disabled { background: #f1f3f6; color: var(--ink); opacity: 1; }
.fields.editing { border-color: var(--accent); box-shadow: 0 0 0 2px #c5d8f6; }
.fields .invalid { border-color: var(--bad); background: #fff5f5; }
.field-error { color: var(--bad); font-size: 12px; min-height: 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.actions button { font: inherit; font-size: 14px; padding: 5px 12px; border: 1px solid var(--line); border-radius: 5px; background: var(--panel); color: var(--ink); cursor: pointer; }
.actions button:hover { border-color: var(--accent); }
.actions .edit-only { display: none; }
.panel.editing .actions .edit-only { display: inline-block; }
h2 { font-size: 15px; margin: 14px 0 4px; }
.history { margin: 0; padding-left: 20px; font-size: 13px; color: var(--muted); max-width: 1100px; }
.history li { overflow-wrap: anywhere; }
.keys { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 6px 16px; font-size: 13px; color: var(--muted); background: var(--panel); border-top: 1px solid var(--line); }

.tabs { display: flex; gap: 4px; }
.tabs a { padding: 3px 10px; border: 1px solid var(--line); border-radius: 5px; color: var(--ink); text-decoration: none; font-size: 14px; }
.tabs a[aria-current=page] { background: var(--accent); border-color: var(--accent); color: #fff; }
.badge.outlier { color: #d9480f; }
.outlier-note { color: #d9480f; font-weight: 600; }
.doc-link { font-size: 13px; }
.table-context { max-width: 1100px; margin: 0 0 12px; }
.table-labels { font-size: 13px; margin: 0 0 6px; }
.table-labels .row-label { background: #d3f9d8; padding: 0 4px; border-radius: 3px; }
.table-labels .column-label { background: #d0ebff; padding: 0 4px; border-radius: 3px; }
.table-wrap { overflow: auto; max-height: 360px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.source-table { border-collapse: collapse; font-size: 13px; }
.source-table th, .source-table td { border: 1px solid var(--line); padding: 2px 6px; vertical-align: top; }
.source-table th { background: #f1f3f6; font-weight: 600; }
.source-table .hl-fact { background: var(--mark); font-weight: 700; outline: 2px solid #d9480f; }
.source-table .hl-row-header { background: #d3f9d8; }
.source-table .hl-column-header { background: #d0ebff; }
.compare, .docview { overflow: auto; padding: 12px 20px 24px; min-height: 0; }
.compare-form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.compare-form label { font-size: 14px; color: var(--muted); display: flex; align-items: center; gap: 6px; }
.compare-form input[type=search] { width: 380px; max-width: 60vw; font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; }
.compare-form select, .compare-form button { font: inherit; font-size: 14px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.candidates { margin: 6px 0; padding-left: 20px; }
.candidates button { font: inherit; font-size: 14px; border: none; background: none; color: var(--accent); cursor: pointer; text-decoration: underline; padding: 0; }
.chart { width: 100%; max-width: 1200px; height: 420px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.rows { border-collapse: collapse; margin-top: 12px; font-size: 14px; max-width: 1200px; }
.rows th, .rows td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
.rows td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rows td:nth-child(1), .rows td:nth-child(2), .rows td:nth-child(4) { white-space: nowrap; }
.rows tr.outlier td { background: #fff4e6; }
.rows tr.outlier td.num { color: #d9480f; font-weight: 700; }
.phrases { font-size: 13px; color: var(--muted); margin-top: 8px; }
.doc-head { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
.doc-head select { max-width: 420px; font: inherit; font-size: 14px; }
.doc-head button { font: inherit; padding: 1px 10px; }
.doc-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 16px; align-items: start; }
.page-wrap { position: relative; display: inline-block; max-width: 100%; border: 1px solid var(--line); background: #fff; }
.page-wrap img { display: block; max-width: 100%; height: auto; }
.boxes { position: absolute; inset: 0; }
.box { position: absolute; border: 2px solid #1f5fbf; background: rgba(31, 95, 191, 0.08); cursor: pointer; }
.box.selected { border-color: #d9480f; background: rgba(255, 224, 138, 0.45); box-shadow: 0 0 0 2px #d9480f; }
.doc-facts ol { list-style: none; margin: 0; padding: 0; max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.doc-facts li { padding: 5px 10px; border-bottom: 1px solid var(--line); cursor: pointer; font-size: 14px; }
.doc-facts li[aria-selected=true] { background: #dde8fa; box-shadow: inset 4px 0 0 var(--accent); }
.doc-facts li .m { display: block; color: var(--muted); font-size: 12px; }
@media (max-width: 1100px) { .doc-body { grid-template-columns: 1fr; } }
`;
