import type { z } from 'zod'
import type { FieldChange } from '../../shared/history/field-diff'
import type { Version } from '../../shared/history/schema'
import type { SectionKind } from '../../shared/plans/catalog'
import { type ValueWords, formatValue } from '../../shared/plan-model/format-value'
import { objectAt, shapeOf } from '../../shared/plan-model/schema-shape'
import { type FieldUi, KIND_UI, type ListUi } from '../../shared/plan-model/ui-spec'
import { shorten } from '../../shared/text'
import { formatDate, formatDateTime, formatNumber } from '../ui/format'

/** What a version is called in the list and above its content. */
export function versionTitle(v: Version): string {
  if (v.kind === 'named') return v.name ?? 'Named version'
  if (v.kind === 'auto') return 'Automatic snapshot'
  if (!v.restoredFrom) return 'Restored an earlier version'
  return v.restoredFrom.name
    ? `Restored “${v.restoredFrom.name}”`
    : `Restored the version of ${formatDateTime(v.restoredFrom.createdAt)}`
}

/** "Today", "Yesterday" or the date: the list's day headings. */
export function dayLabel(at: number, now = Date.now()): string {
  const day = (ms: number) => new Date(ms).toDateString()
  if (day(at) === day(now)) return 'Today'
  if (day(at) === day(now - 86_400_000)) return 'Yesterday'
  return formatDate(at)
}

/** Names for the ids a field may hold: sections (networks), departments, members. */
export interface Names {
  sections: readonly { id: string; title: string }[]
  departments: readonly { id: string; name: string }[]
  members: readonly { userId: string; name: string }[]
}

export interface DescribedChange {
  /** Where, in words: "Objectives › “Grow the community” › Target". */
  where: string[]
  change: FieldChange['change']
  before: string | null
  after: string | null
}

type Item = Record<string, unknown> & { id?: string }

const humanize = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase())
const findItem = (list: unknown, id: string): Item | undefined =>
  Array.isArray(list) ? (list as Item[]).find((i) => i?.id === id) : undefined

/** An item by its first written text field, in the order the form shows them ("“Grow the community”"). */
function itemLabel(item: Item | undefined, list: ListUi | undefined): string {
  for (const key of Object.keys(list?.fields ?? {})) {
    const v = item?.[key]
    if (typeof v === 'string' && v.trim() && !list?.fields[key]?.options) return `“${shorten(v, 60)}”`
  }
  const noun = list?.noun ?? 'item'
  return `An untitled ${noun}`
}

/** Names from what the drawer has at hand: objectives live in other sections' documents, so one stays "an objective". */
const wordsFor = (names: Names): ValueWords => ({
  person: (ref) => names.members.find((m) => m.userId === ref)?.name ?? ref,
  linked: (source, id) => {
    if (source === 'objectives') return 'an objective'
    const named =
      source === 'departments'
        ? names.departments.find((d) => d.id === id)?.name
        : names.sections.find((s) => s.id === id)?.title
    return named ?? 'Something since removed'
  },
  date: (iso) => formatDate(new Date(`${iso}T12:00:00`).getTime()),
  number: formatNumber,
})

/**
 * How a changed field's sides read, by the field's kind in the schema. No unit follows a number: the
 * unit is a field of its own here, and may have changed with it.
 */
function fieldSide(
  kind: SectionKind,
  path: readonly string[],
  field: FieldUi | undefined,
  names: Names,
): (value: unknown) => string | null {
  const shape = shapeOf(objectAt(kind, path.slice(0, -1)).shape[path.at(-1)!] as z.ZodType)
  const words = wordsFor(names)
  return (value) => formatValue(shape, field ?? { label: '' }, value, '', words) || null
}

/** A structured change in words: where it is (labels from the form's own ui-spec) and its two sides. */
export function describeChange(
  kind: SectionKind,
  change: FieldChange,
  before: Item,
  after: Item,
  names: Names,
): DescribedChange {
  const ui = KIND_UI[kind]
  let fields = ui?.fields
  let lists = ui?.lists
  let was: Item | undefined = before
  let now: Item | undefined = after
  let field: FieldUi | undefined
  let list: ListUi | undefined
  const where: string[] = []
  for (let at = 0; at < change.path.length; at += 2) {
    const key = change.path[at]!
    list = lists?.[key]
    field = fields?.[key]
    where.push(list?.title ?? field?.label ?? humanize(key))
    const id = change.path[at + 1]
    if (id === undefined) break
    was = findItem(was?.[key], id)
    now = findItem(now?.[key], id)
    where.push(itemLabel(now ?? was, list))
    fields = list?.fields
    lists = list?.lists
  }
  const side =
    change.path.length % 2 === 0
      ? (value: unknown) => (value ? itemLabel(value as Item, list) : null)
      : fieldSide(kind, change.path, field, names)
  return { where, change: change.change, before: side(change.before), after: side(change.after) }
}
