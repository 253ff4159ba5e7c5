import type { JSONContent } from '@tiptap/core'
import type { z } from 'zod'
// The app's own words and field kinds (pure data, tied to the schema by shared/plan-model/ui-spec.test.ts):
// an export names every field as the forms do, and a field added to the schema shows up here too.
import { APPROVAL_STATES } from '../../shared/approvals/states'
import { type FieldShape, objectAt, shapeOf } from '../../shared/plan-model/schema-shape'
import { type FieldUi, KIND_UI, type ListUi, type OptionSource, enumLabel } from '../../shared/plan-model/ui-spec'
import { type ValueWords, formatValue } from '../../shared/plan-model/format-value'
import { checkPlanHealth } from '../../shared/health/check'
import type { Severity } from '../../shared/health/schema'
import { type SectionModel, sectionsOf } from '../../shared/plan-model/model'
import { chosenRows } from '../../shared/plan-model/networks'
import type { ApprovalState } from '../../shared/plan-model/schema'
import { SECTION_CATALOG, STEP_TITLES } from '../../shared/plans/catalog'
import { type ShareScope, scopeShows } from '../../shared/shares/schema'
import { shorten } from '../../shared/text'
import { countWords, formatInstant, formatIsoDate, formatNumber } from './format'
import type { ApprovalFacts, ExportSource } from './load'

/**
 * A plan as a document: plain words in headings, fields, tables and lists, in the order of the six
 * steps. The Markdown, HTML (and so PDF) renderers only lay this out, so every format says the same.
 */

export interface Field {
  label: string
  value: string
}
export interface Table {
  title?: string
  columns: string[]
  rows: string[][]
}
export type Block =
  | { kind: 'fields'; title?: string; fields: Field[] }
  | { kind: 'table'; table: Table }
  | { kind: 'list'; title: string; items: string[] }
  | { kind: 'cards'; title: string; cards: { title: string; fields: Field[]; tables: Table[] }[] }

export interface DocApproval {
  department: string
  state: ApprovalState
  label: string
  detail: string
}
export interface DocSection {
  /** A fragment id for the table of contents. */
  anchor: string
  title: string
  /** A department's objectives carry where their approval stands. */
  approval: DocApproval | null
  blocks: Block[]
  /** The rich text, null when nothing is written. */
  body: JSONContent | null
}
export interface DocStep {
  number: number
  title: string
  sections: DocSection[]
}
export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Problem', warning: 'Warning', info: 'Note' }

export interface DocHealth {
  counts: Record<Severity, number>
  summary: string
  /** null when only the counts may be shown (a link to the guidelines reveals no other section). */
  findings: { severity: Severity; section: string; message: string }[] | null
}
export interface ExportDocument {
  title: string
  workspace: string
  date: string
  scope: ShareScope
  approvals: DocApproval[]
  health: DocHealth
  steps: DocStep[]
}

export function buildDocument(source: ExportSource, scope: ShareScope = 'plan'): ExportDocument {
  const { model } = source
  const words = new Words(source)
  const byDepartment = new Map(source.approvals.map((a) => [a.departmentId, describeApproval(a)]))
  const shown = model.sections.filter((s) => scopeShows(scope, s.kind))
  const steps: DocStep[] = []
  for (const section of shown) {
    const number = SECTION_CATALOG[section.kind].step
    let step = steps.at(-1)
    if (step?.number !== number) steps.push((step = { number, title: STEP_TITLES[number], sections: [] }))
    step.sections.push({
      anchor: `section-${section.id}`,
      title: section.title,
      approval:
        (section.kind === 'objectives' && section.ownerDepartmentId && byDepartment.get(section.ownerDepartmentId)) ||
        null,
      blocks: sectionBlocks(section, words),
      body: section.bodyText ? (source.bodies.get(section.id) ?? null) : null,
    })
  }
  return {
    title: model.plan.title,
    workspace: source.workspaceName,
    date: formatInstant(source.generatedAt),
    scope,
    approvals: [...byDepartment.values()],
    health: healthOf(source, scope),
    steps,
  }
}

function describeApproval(a: ApprovalFacts): DocApproval {
  const by = (who: string | null, at: number | null) =>
    `${who ? ` by ${who}` : ''}${at ? ` on ${formatInstant(at)}` : ''}`
  const detail: Record<ApprovalState, string> = {
    draft: 'Not submitted for approval yet.',
    submitted: `Submitted${by(a.submittedBy, a.submittedAt)}; waiting for the department lead's decision.`,
    approved: `Approved${by(a.decidedBy, a.decidedAt)}.`,
    changes_requested: `Changes requested${by(a.decidedBy, a.decidedAt)}${a.reason ? `: “${a.reason}”` : ''}.`,
    stale: `Approved${by(a.decidedBy, a.decidedAt)}, edited since: the department lead must review it again.`,
  }
  return { department: a.department, state: a.state, label: APPROVAL_STATES[a.state].label, detail: detail[a.state] }
}

function healthOf(source: ExportSource, scope: ShareScope): DocHealth {
  const findings = checkPlanHealth(source.model)
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  const found = countWords([
    [counts.error, 'problem', 'problems'],
    [counts.warning, 'warning', 'warnings'],
    [counts.info, 'note', 'notes'],
  ])
  const titles = new Map(source.model.sections.map((s) => [s.id, s.title]))
  return {
    counts,
    summary: found ? `The plan health check finds ${found}.` : 'The plan health check finds nothing to fix.',
    findings:
      scope === 'plan'
        ? findings.map((f) => ({
            severity: f.severity,
            section: (f.sectionId && titles.get(f.sectionId)) || 'The plan',
            message: f.message,
          }))
        : null,
  }
}

/** Ids and people in words, dates and numbers in the export's fixed locale. */
class Words implements ValueWords {
  private readonly options: Record<OptionSource, Map<string, string>>
  /** How many networks the team can staff (Process & team), for the selection's capacity line. */
  readonly capacity: number | null
  /** The plan's network sections: which networks are chosen (plan-model/networks.ts). */
  readonly networks: { id: string; title: string }[]

  constructor(private readonly source: ExportSource) {
    const { model } = source
    this.options = {
      departments: new Map(model.departments.map((d) => [d.id, d.name])),
      networks: new Map(sectionsOf(model, 'network').map((s) => [s.id, s.title])),
      objectives: new Map(
        sectionsOf(model, 'objectives').flatMap((s) =>
          s.content.objectives.map((o) => [o.id, shorten(o.statement, 80) || 'An objective without a statement']),
        ),
      ),
    }
    this.capacity = sectionsOf(model, 'process')[0]?.content.networkCapacity ?? null
    this.networks = sectionsOf(model, 'network').map((s) => ({ id: s.id, title: s.title }))
  }

  person = (ref: string) => this.source.people.get(ref) ?? ref
  linked = (source: OptionSource | undefined, id: string) =>
    (source && this.options[source].get(id)) ?? 'Something since removed'
  date = formatIsoDate
  number = formatNumber

  /** One plain value as text; '' when nothing is there. An unticked box says nothing on paper. */
  value(shape: FieldShape, ui: FieldUi, raw: unknown, unit: string): string {
    return shape.type === 'boolean' && !raw ? '' : formatValue(shape, ui, raw, unit, this)
  }
}

type Item = Record<string, unknown>
const unitOf = (item: Item) => (typeof item.unit === 'string' ? item.unit.trim() : '')

/** The fields of an item (or of a section) to show: the unit goes with the numbers rather than alone. */
function fieldsOf(
  object: z.ZodObject,
  fields: Record<string, FieldUi>,
  item: Item,
  words: Words,
): { key: string; label: string; value: string }[] {
  const unit = 'unit' in object.shape ? unitOf(item) : ''
  return Object.entries(fields)
    .filter(([key]) => key !== 'unit' || !('baseline' in object.shape))
    .map(([key, ui]) => ({
      key,
      label: ui.label,
      value: words.value(shapeOf(object.shape[key] as z.ZodType), ui, item[key], unit),
    }))
}

function table(object: z.ZodObject, list: ListUi, items: Item[], words: Words, title?: string): Table {
  // A row nobody filled in (a KPI added, never written) says nothing either: no `|  |` rows.
  const cells = items
    .map((item) => fieldsOf(object, list.fields, item, words))
    .filter((row) => row.some((f) => f.value !== ''))
  // A column nobody filled says nothing.
  const keep = (cells[0] ?? []).map((_, c) => cells.some((row) => row[c]!.value !== ''))
  return {
    ...(title ? { title } : {}),
    columns: (cells[0] ?? []).filter((_, c) => keep[c]).map((f) => f.label),
    rows: cells.map((row) => row.filter((_, c) => keep[c]).map((f) => f.value)),
  }
}

/** A table with no row left is no block: no heading without content. */
const tableBlock = (t: Table): Block | null => (t.rows.length === 0 ? null : { kind: 'table', table: t })

function listBlock(
  kind: SectionModel['kind'],
  path: string[],
  list: ListUi,
  items: Item[],
  words: Words,
): Block | null {
  if (items.length === 0) return null
  const object = objectAt(kind, [...path, ''])
  switch (list.layout) {
    case 'bullets': {
      const [key] = Object.keys(list.fields)
      return { kind: 'list', title: list.title, items: items.map((i) => String(i[key!] ?? '').trim()).filter(Boolean) }
    }
    case 'traits':
      return {
        kind: 'list',
        title: list.title,
        items: items.map((i) => traitWords(String(i.left), String(i.right), i.value as number)),
      }
    case 'table':
      return tableBlock(table(object, list, items, words, list.title))
    case 'cards': {
      // Cards only when items hold lists of their own; otherwise a table reads better on paper.
      if (!list.lists) return tableBlock(table(object, list, items, words, list.title))
      const nested = Object.entries(list.lists)
      return {
        kind: 'cards',
        title: list.title,
        cards: items.map((item, i) => {
          const [first, ...rest] = fieldsOf(object, list.fields, item, words)
          return {
            title: first?.value || `${list.noun.charAt(0).toUpperCase()}${list.noun.slice(1)} ${i + 1}`,
            fields: rest.filter((f) => f.value !== ''),
            tables: nested
              .map(([key, sub]) =>
                table(objectAt(kind, [...path, String(item.id), key, '']), sub, item[key] as Item[], words, sub.title),
              )
              .filter((t) => t.rows.length > 0),
          }
        }),
      }
    }
  }
}

function traitWords(left: string, right: string, value: number): string {
  const l = left.trim() || 'left'
  const r = right.trim() || 'right'
  if (value === 50) return `${l} ↔ ${r}: balanced`
  return `${l} ↔ ${r}: leans ${value < 50 ? l : r} (${value} on a scale from 0, all ${l}, to 100, all ${r})`
}

function sectionBlocks(section: SectionModel, words: Words): Block[] {
  const shown = mergeFields(
    section.kind === 'indicators' ? indicatorBlocks(section.content.kpis, words) : specBlocks(section, words),
  )
  // A lone table needs no title of its own under the section's ("Tools" under "Tools").
  const [only] = shown
  if (shown.length === 1 && only?.kind === 'table')
    return [{ kind: 'table', table: { columns: only.table.columns, rows: only.table.rows } }]
  return shown
}

/** Fields that follow fields without a title of their own read as one list. */
function mergeFields(blocks: Block[]): Block[] {
  const out: Block[] = []
  for (const b of blocks) {
    const last = out.at(-1)
    if (b.kind === 'fields' && !b.title && last?.kind === 'fields')
      out[out.length - 1] = { ...last, fields: [...last.fields, ...b.fields] }
    else out.push(b)
  }
  return out
}

/** A section laid out block by block as its form is (shared/plan-model/ui-spec.ts). */
function specBlocks(section: SectionModel, words: Words): Block[] {
  const ui = KIND_UI[section.kind]
  if (!ui) return []
  const content =
    section.kind === 'network_selection'
      ? { ...section.content, chosen: chosenRows(section.content.chosen, words.networks) }
      : (section.content as Item)
  const object = objectAt(section.kind)
  const blocks = ui.blocks.flatMap((block): (Block | null)[] => {
    if ('fields' in block) {
      const picked = Object.fromEntries(block.fields.map((k) => [k, ui.fields[k]!]))
      const fields = fieldsOf(object, picked, content, words).filter((f) => f.value !== '')
      return [fields.length ? { kind: 'fields', ...(block.title ? { title: block.title } : {}), fields } : null]
    }
    if ('custom' in block) {
      const chosen = (content.chosen as Item[]).length // the derived rows: every network the plan is on
      const value = `${chosen}${words.capacity === null ? '' : `, for a team that can staff ${words.capacity}`}`
      return [{ kind: 'fields', fields: [{ label: 'Networks chosen', value }] }]
    }
    const names = 'list' in block ? [block.list] : block.lists
    return names.map((name) => listBlock(section.kind, [name], ui.lists[name]!, content[name] as Item[], words))
  })
  return blocks.filter((b): b is Block => b !== null)
}

/** Key "indicators": each KPI with its baseline, target and what was measured over time. */
function indicatorBlocks(
  kpis: Extract<SectionModel, { kind: 'indicators' }>['content']['kpis'],
  words: Words,
): Block[] {
  if (kpis.length === 0) return []
  const amount = (n: number | null, unit: string) =>
    words.value({ type: 'number', nullable: true, min: null, max: null, int: false }, { label: '' }, n, unit)
  return [
    {
      kind: 'table',
      table: {
        title: 'Indicators',
        columns: ['Indicator', 'Baseline', 'Target', 'Measured'],
        rows: kpis.map((k) => [
          [enumLabel(k.indicator), k.label.trim()].filter(Boolean).join(': '),
          amount(k.baseline, k.unit),
          amount(k.target, k.unit),
          k.actuals
            .filter((a) => a.value !== null)
            .map((a) => `${amount(a.value, k.unit)}${a.date ? ` (${formatIsoDate(a.date)})` : ''}`)
            .join('; '),
        ]),
      },
    },
  ]
}
