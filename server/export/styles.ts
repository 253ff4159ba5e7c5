/**
 * The one stylesheet of exported pages, inlined into each: a quiet document on screen, A4 pages in
 * print (the PDF is this page printed by Chromium). Colours follow the app (brand blue #44639f, the
 * approval states' colours); fonts are ones a fresh Debian has (Liberation, DejaVu).
 */
export const EXPORT_CSS = `
:root { --brand: #44639f; --brand-dark: #2f4674; --ink: #1f2430; --muted: #5f6675; --line: #dde1e8; --tint: #f3f5f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eceef2; color: var(--ink); font: 15px/1.55 "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; }
.banner { background: var(--brand-dark); color: #fff; text-align: center; padding: 8px 16px; font-size: 13px; }
.doc { max-width: 860px; margin: 32px auto; background: #fff; padding: 56px 64px; box-shadow: 0 1px 3px rgba(20, 30, 50, .12); border-radius: 6px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; color: var(--ink); margin: 0; }
h1 { font-size: 34px; letter-spacing: -.01em; }
h2 { font-size: 22px; margin: 0 0 16px; color: var(--brand-dark); }
h3 { font-size: 18px; padding-bottom: 6px; border-bottom: 2px solid var(--brand); margin: 28px 0 14px; }
h4 { font-size: 14px; text-transform: uppercase; letter-spacing: .05em; color: var(--brand-dark); margin: 20px 0 8px; }
h5 { font-size: 15px; margin: 0 0 8px; }
h6 { font-size: 13px; color: var(--muted); margin: 12px 0 6px; }
p { margin: 0 0 10px; }
a { color: var(--brand); }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; font-weight: 700; color: var(--brand); margin: 0 0 8px; }
.meta { color: var(--muted); margin: 8px 0 24px; }

.cover { padding-bottom: 32px; border-bottom: 1px solid var(--line); margin-bottom: 32px; }
.cover .brand { display: flex; align-items: center; gap: 12px; font-weight: 700; color: var(--muted); margin-bottom: 72px; }
.cover h1 { font-size: 42px; max-width: 20ch; }
.cover-approvals { margin-top: 40px; }
.cover-approvals h2, .masthead h2 { font-size: 15px; text-transform: uppercase; letter-spacing: .05em; }
.cover .summary { margin-top: 20px; font-weight: 700; }
.masthead { margin-bottom: 28px; }

.toc { margin-bottom: 32px; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc > ol > li { margin: 10px 0; font-weight: 700; }
.toc ol ol { margin: 4px 0 0 22px; font-weight: 400; }
.toc ol ol li { margin: 2px 0; }
.toc a { color: var(--ink); text-decoration: none; }

.step { margin-top: 44px; }
.step > h2 { font-size: 26px; padding-top: 12px; border-top: 4px solid var(--brand); }
.step-number { display: block; font-size: 12px; text-transform: uppercase; letter-spacing: .12em; color: var(--brand); margin-bottom: 4px; }
.section { margin-bottom: 8px; }
.section-head { break-inside: avoid; break-after: avoid; }

table { width: 100%; border-collapse: collapse; margin: 0 0 16px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); white-space: pre-line; overflow-wrap: break-word; }
thead th { background: var(--tint); font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 1px solid #c9cfda; }
tr { break-inside: avoid; }

dl.fields { margin: 0 0 14px; display: grid; grid-template-columns: minmax(140px, 30%) 1fr; border-top: 1px solid var(--line); }
dl.fields > div { display: contents; }
dt, dd { padding: 7px 0; border-bottom: 1px solid var(--line); margin: 0; }
dt { color: var(--muted); font-size: 13px; padding-right: 16px; }
dd { white-space: pre-line; overflow-wrap: break-word; }
ul.items { margin: 0 0 14px; padding-left: 20px; }
ul.items li { margin: 3px 0; white-space: pre-line; }
.card { border: 1px solid var(--line); border-left: 3px solid var(--brand); border-radius: 4px; padding: 12px 16px 4px; margin: 0 0 12px; break-inside: avoid; }
.empty { color: var(--muted); font-style: italic; }

.state { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 700; white-space: nowrap; }
.state-draft { background: #eceef2; color: #495057; }
.state-submitted { background: #e3edff; color: #1c4fb8; }
.state-approved { background: #ddf5ef; color: #0b7561; }
.state-changes_requested { background: #fff0dd; color: #b55400; }
.state-stale { background: #ffe3e3; color: #c01c1c; }
.approval { margin: 0 0 12px; color: var(--muted); }

.tallies { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 12px; }
.tally { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; font-size: 13px; color: var(--muted); }
.tally b { font-size: 18px; color: var(--ink); margin-right: 4px; }
.tally-error b { color: #c01c1c; }
.tally-warning b { color: #b55400; }
.sev { font-weight: 700; font-size: 12px; }
.sev-error { color: #c01c1c; }
.sev-warning { color: #b55400; }
.sev-info { color: var(--muted); }

.prose { margin: 8px 0 16px; }
.prose h4, .prose h5, .prose h6 { text-transform: none; letter-spacing: 0; color: var(--ink); margin: 16px 0 6px; }
.prose h4 { font-size: 17px; }
.prose h5 { font-size: 15px; }
.prose p { margin: 0 0 10px; }
.prose ul, .prose ol { padding-left: 22px; margin: 0 0 10px; }
.prose blockquote { margin: 0 0 10px; padding-left: 14px; border-left: 3px solid var(--line); color: var(--muted); }
.prose pre { background: var(--tint); padding: 10px 12px; border-radius: 4px; white-space: pre-wrap; font-size: 13px; }
.prose code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: .92em; }
.prose td, .prose th { white-space: normal; border: 1px solid var(--line); }
.prose td p, .prose th p { margin: 0; }
.prose ul[data-type="taskList"] { list-style: none; padding-left: 4px; }
.prose li[data-type="taskItem"] { display: flex; gap: 8px; }
.prose li[data-type="taskItem"] > label { flex: none; }
.prose hr { border: 0; border-top: 1px solid var(--line); margin: 16px 0; }

@media (max-width: 700px) {
  .doc { margin: 0; padding: 28px 20px; border-radius: 0; }
  dl.fields { grid-template-columns: 1fr; }
  dt { padding-bottom: 0; border-bottom: 0; }
}

@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  .banner { display: none; }
  .doc { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .cover { min-height: 245mm; border: 0; margin: 0; break-after: page; }
  .cover .brand { margin-bottom: 60mm; }
  .step { break-before: page; margin-top: 0; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
