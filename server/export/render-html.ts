import fs from 'node:fs'
import path from 'node:path'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { richTextExtensions } from '../../shared/editor/extensions'
import { demoteHeadings } from './body'
import {
  type Block,
  type DocApproval,
  type DocSection,
  type ExportDocument,
  type Field,
  SEVERITY_LABELS,
  type Table,
} from './document'
import { EXPORT_CSS } from './styles'

const extensions = richTextExtensions()
/** The app's mark, inline so that the page opens offline. */
const LOGO = `data:image/svg+xml;base64,${fs.readFileSync(path.resolve(import.meta.dirname, '../../client/public/favicon.svg')).toString('base64')}`

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const h = escapeHtml

export interface HtmlOptions {
  /** A cover page and a table of contents, as for a document sent out (HTML and PDF exports). */
  cover: boolean
  /** A line above everything, e.g. who shared a public page. */
  banner?: string
}

const fields = (list: Field[]) =>
  `<dl class="fields">${list.map((f) => `<div><dt>${h(f.label)}</dt><dd>${h(f.value)}</dd></div>`).join('')}</dl>`

function table(t: Table, heading = 'h4'): string {
  return `${t.title ? `<${heading}>${h(t.title)}</${heading}>` : ''}<table><thead><tr>${t.columns.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((v) => `<td>${h(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

function block(b: Block): string {
  switch (b.kind) {
    case 'fields':
      return `${b.title ? `<h4>${h(b.title)}</h4>` : ''}${fields(b.fields)}`
    case 'table':
      return table(b.table)
    case 'list':
      return `<h4>${h(b.title)}</h4><ul class="items">${b.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`
    case 'cards':
      return `<h4>${h(b.title)}</h4>${b.cards
        .map(
          (c) =>
            `<div class="card"><h5>${h(c.title)}</h5>${c.fields.length ? fields(c.fields) : ''}${c.tables.map((t) => table(t, 'h6')).join('')}</div>`,
        )
        .join('')}`
  }
}

const stateBadge = (a: DocApproval) => `<span class="state state-${a.state}">${h(a.label)}</span>`

function section(s: DocSection): string {
  const empty = s.blocks.length === 0 && !s.body
  // The title stays on the page of what follows it.
  const head = `<div class="section-head"><h3>${h(s.title)}</h3>${
    s.approval ? `<p class="approval">${stateBadge(s.approval)} ${h(s.approval.detail)}</p>` : ''
  }${empty ? '<p class="empty">Nothing written yet.</p>' : ''}</div>`
  const body = s.body
    ? `<div class="prose">${renderToHTMLString({ extensions, content: demoteHeadings(s.body, 3) })}</div>`
    : ''
  return `<section class="section" id="${h(s.anchor)}">${head}${s.blocks.map(block).join('')}${body}</section>`
}

function approvals(doc: ExportDocument): string {
  return `<table class="approvals"><thead><tr><th>Department</th><th>Objectives</th><th>Details</th></tr></thead><tbody>${doc.approvals
    .map((a) => `<tr><td>${h(a.department)}</td><td>${stateBadge(a)}</td><td>${h(a.detail)}</td></tr>`)
    .join('')}</tbody></table>`
}

function health(doc: ExportDocument): string {
  const { counts, summary, findings } = doc.health
  const tally = (['error', 'warning', 'info'] as const)
    .map(
      (s) =>
        `<span class="tally tally-${s}"><b>${counts[s]}</b> ${h(SEVERITY_LABELS[s].toLowerCase())}${counts[s] === 1 ? '' : 's'}</span>`,
    )
    .join('')
  const list = findings?.length
    ? `<table class="findings"><thead><tr><th>Severity</th><th>Section</th><th>Finding</th></tr></thead><tbody>${findings
        .map(
          (f) =>
            `<tr><td><span class="sev sev-${f.severity}">${h(SEVERITY_LABELS[f.severity])}</span></td><td>${h(f.section)}</td><td>${h(f.message)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
  return `<section class="health" id="health"><h2>Plan health</h2><p class="tallies">${tally}</p><p>${h(summary)}</p>${list}</section>`
}

function cover(doc: ExportDocument): string {
  return `<header class="cover">
<div class="brand"><img src="${LOGO}" alt="" width="40" height="40"><span>${h(doc.workspace)}</span></div>
<p class="kicker">Social media plan</p>
<h1>${h(doc.title)}</h1>
<p class="meta">${h(doc.workspace)} · ${h(doc.date)}</p>
<div class="cover-approvals"><h2>Approval of each department's objectives</h2>${approvals(doc)}</div>
<p class="summary">${h(doc.health.summary)}</p>
</header>
<nav class="toc"><h2>Contents</h2><ol>
<li><a href="#health">Plan health</a></li>
${doc.steps
  .map(
    (s) =>
      `<li><a href="#step-${s.number}">Step ${s.number}: ${h(s.title)}</a><ol>${s.sections.map((x) => `<li><a href="#${h(x.anchor)}">${h(x.title)}</a></li>`).join('')}</ol></li>`,
  )
  .join('')}
</ol></nav>`
}

/** A plain heading for pages without a cover (the public page). */
const masthead = (doc: ExportDocument) =>
  `<header class="masthead"><p class="kicker">${h(doc.workspace)} · Social media plan</p><h1>${h(doc.title)}</h1><p class="meta">As of ${h(doc.date)}</p><h2>Approval of each department's objectives</h2>${approvals(doc)}</header>`

/**
 * A self-contained page (the public page reads the strategy first, its health after it): styles inline, the logo a data: URI, no script and nothing fetched, so it
 * opens offline and prints (and becomes the PDF) with the print rules of the same stylesheet.
 */
export function renderHtml(doc: ExportDocument, options: HtmlOptions): string {
  const title = doc.scope === 'plan' ? doc.title : `${doc.title}: guidelines`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${h(title)}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
${options.banner ? `<div class="banner">${h(options.banner)}</div>` : ''}
<main class="doc">
${options.cover ? cover(doc) : masthead(doc)}
${options.cover ? health(doc) : ''}
${doc.steps.map((s) => `<section class="step" id="step-${s.number}"><h2><span class="step-number">Step ${s.number}</span> ${h(s.title)}</h2>${s.sections.map(section).join('')}</section>`).join('\n')}
${options.cover ? '' : health(doc)}
</main>
</body>
</html>
`
}
