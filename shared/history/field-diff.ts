import diff from 'microdiff'
import type { z } from 'zod'
import type { SectionKind } from '../plans/catalog'
import { SECTION_CONTENT, listSpec } from '../plan-model/schema'

/**
 * What changed in a section's structured fields between two versions. Items are matched by their id
 * (microdiff on the content with each list keyed by id), so an edited objective is one changed field,
 * not a shifted list. A plain value (a tag list included) is reported whole; moves are not reported.
 */
export interface FieldChange {
  /** `[field]`, `[list, itemId]` (the item was added or removed) or `[list, itemId, field, …]`, as plan-model paths. */
  path: string[]
  change: 'added' | 'removed' | 'changed'
  before: unknown
  after: unknown
}

type Content = Record<string, unknown>
type Item = Record<string, unknown> & { id: string }

const listOf = (schema: z.ZodObject, key: string) => listSpec(schema.shape[key] as z.ZodType)

function keyed(schema: z.ZodObject, value: Content): Content {
  const out: Content = {}
  for (const key of Object.keys(schema.shape)) {
    const list = listOf(schema, key)
    const v = value[key]
    out[key] =
      list && Array.isArray(v) ? Object.fromEntries((v as Item[]).map((item) => [item.id, keyed(list.item, item)])) : v
  }
  return out
}

/** A microdiff path cut where our change starts: at a plain field, or at an item. */
function cut(schema: z.ZodObject, path: readonly (string | number)[]): string[] {
  const out: string[] = []
  let object = schema
  for (let at = 0; at < path.length; at += 2) {
    const field = String(path[at])
    out.push(field)
    const list = listOf(object, field)
    if (!list || at + 1 >= path.length) break
    out.push(String(path[at + 1]))
    object = list.item
  }
  return out
}

/** The value at a cut path in unkeyed content; undefined where it is missing. */
function valueAt(content: Content, path: readonly string[]): unknown {
  let node: unknown = content
  path.forEach((segment, at) => {
    if (at % 2 === 1) node = Array.isArray(node) ? (node as Item[]).find((i) => i.id === segment) : undefined
    else node = node && typeof node === 'object' ? (node as Content)[segment] : undefined
  })
  return node
}

export function fieldChanges(kind: SectionKind, before: Content, after: Content): FieldChange[] {
  const schema: z.ZodObject = SECTION_CONTENT[kind]
  const seen = new Set<string>()
  const out: FieldChange[] = []
  for (const d of diff(keyed(schema, before), keyed(schema, after))) {
    const path = cut(schema, d.path)
    const key = path.join('\u0000')
    if (seen.has(key)) continue
    seen.add(key)
    const was = valueAt(before, path)
    const now = valueAt(after, path)
    const isItem = path.length % 2 === 0
    const change = isItem && was === undefined ? 'added' : isItem && now === undefined ? 'removed' : 'changed'
    out.push({ path, change, before: was ?? null, after: now ?? null })
  }
  return out
}
