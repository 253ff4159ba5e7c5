import type { JSONContent } from '@tiptap/core'
import { MarkdownManager } from '@tiptap/markdown'
import { richTextExtensions } from '../../shared/editor/extensions'
import { demoteHeadings } from './body'
import { type Block, type DocSection, type ExportDocument, type Field, SEVERITY_LABELS, type Table } from './document'

const markdown = new MarkdownManager({ extensions: richTextExtensions() })

/** Text someone typed, kept literal: no stray emphasis, links or HTML. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1')
const cell = (text: string) => escape(text).replace(/\r?\n/g, '<br>') || ' '
const paragraph = (text: string) => escape(text).replace(/\r?\n/g, '  \n')

/** A line of a code block that CommonMark would read as the block's closing fence. */
const FENCE_LINE = /^( {0,3})(`{3,}|~{3,})/gm

/**
 * Rich text made safe for the Markdown serializer, which escapes text but writes code as it is: inline
 * code holding a backtick would end its code span early and let what follows be read as Markdown (and
 * HTML), so it loses its code mark and is escaped as text; a line of a code block that looks like a fence
 * gets a zero-width space before it, so it cannot close the block. (Links were made safe when read.)
 */
function safeForMarkdown(node: JSONContent): JSONContent {
  if (node.type === 'text' && node.text !== undefined) {
    if (node.marks?.some((m) => m.type === 'code') && node.text.includes('`'))
      return { ...node, marks: node.marks.filter((m) => m.type !== 'code') }
    return node
  }
  if (node.type === 'codeBlock')
    return { ...node, content: node.content?.map((t) => ({ ...t, text: t.text?.replace(FENCE_LINE, '$1\u200b$2') })) }
  return node.content ? { ...node, content: node.content.map(safeForMarkdown) } : node
}

function table(t: Table, level: number): string[] {
  return [
    ...(t.title ? [`${'#'.repeat(level)} ${escape(t.title)}`, ''] : []),
    `| ${t.columns.map(cell).join(' | ')} |`,
    `| ${t.columns.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ]
}

const fields = (list: Field[]) => [...list.map((f) => `**${escape(f.label)}:** ${paragraph(f.value)}  `), '']

function block(b: Block): string[] {
  switch (b.kind) {
    case 'fields':
      return [...(b.title ? [`#### ${escape(b.title)}`, ''] : []), ...fields(b.fields)]
    case 'table':
      return table(b.table, 4)
    case 'list':
      return [`#### ${escape(b.title)}`, '', ...b.items.map((i) => `- ${paragraph(i)}`), '']
    case 'cards':
      return [
        `#### ${escape(b.title)}`,
        '',
        ...b.cards.flatMap((c) => [
          `##### ${escape(c.title)}`,
          '',
          ...fields(c.fields),
          ...c.tables.flatMap((t) => table(t, 6)),
        ]),
      ]
  }
}

function section(s: DocSection): string[] {
  return [
    `### ${escape(s.title)}`,
    '',
    ...(s.approval ? [`> **Approval: ${s.approval.label}.** ${paragraph(s.approval.detail)}`, ''] : []),
    ...s.blocks.flatMap(block),
    ...(s.body ? [markdown.serialize(safeForMarkdown(demoteHeadings(s.body, 3))).trim(), ''] : []),
    ...(s.blocks.length === 0 && !s.body ? ['_Nothing written yet._', ''] : []),
  ]
}

/** The plan as one Markdown file (GitHub-flavoured tables), in the order of the six steps. */
export function renderMarkdown(doc: ExportDocument): string {
  const lines = [
    `# ${escape(doc.title)}`,
    '',
    `${escape(doc.workspace)} · Social media plan · ${doc.date}`,
    '',
    '## Approvals',
    '',
    ...table(
      {
        columns: ['Department', 'Objectives', 'Details'],
        rows: doc.approvals.map((a) => [a.department, a.label, a.detail]),
      },
      0,
    ),
    '## Plan health',
    '',
    doc.health.summary,
    '',
    ...(doc.health.findings?.length
      ? table(
          {
            columns: ['Severity', 'Section', 'Finding'],
            rows: doc.health.findings.map((f) => [SEVERITY_LABELS[f.severity], f.section, f.message]),
          },
          0,
        )
      : []),
    ...doc.steps.flatMap((step) => [
      `## Step ${step.number}: ${escape(step.title)}`,
      '',
      ...step.sections.flatMap(section),
    ]),
  ]
  return `${lines.join('\n').trim()}\n`
}
