import * as Y from 'yjs'
import type { z } from 'zod'
import type { SectionKind } from '../plans/catalog'
import { type Accept, acceptorOf } from './accept'
import {
  ItemId,
  type ListSpec,
  SECTION_CONTENT,
  type SectionContent,
  type TextSpec,
  fieldDefault,
  listSpec,
  textSpec,
} from './schema'
import { fieldsOf } from './ydoc'

/**
 * A section's structured content, typed and valid, whatever the document holds: a text field reads
 * its Y.Text's characters (a plain string from an older document as it is), cut at the field's limit
 * when concurrent typing took it past (the server trims it soon after); a value that fails its field's
 * schema reads as the field's default; a list element that is not a map, has no valid id
 * or repeats an earlier id is skipped; elements past the list's limit are skipped. Never throws, and
 * what it returns always parses with `SECTION_CONTENT[kind]` (the property tests check both).
 */
export function readContent<K extends SectionKind>(doc: Y.Doc, kind: K): SectionContent<K> {
  let fields: Y.Map<unknown> | null = null
  try {
    fields = fieldsOf(doc)
  } catch {
    // A root that cannot be read as a map reads as empty.
  }
  return readObject(fields, SECTION_CONTENT[kind]) as SectionContent<K>
}

/** A map read against an object schema (the content root, or one item), with the same tolerance. */
export function readObject(map: Y.Map<unknown> | null, schema: z.ZodObject): Record<string, unknown> {
  const { plain, lists } = partsOf(schema)
  const out: Record<string, unknown> = {}
  for (const { key, field, accept, text } of plain) {
    const raw = map?.get(key)
    if (text && raw instanceof Y.Text) out[key] = readText(raw, text)
    // Copy arrays, so nobody can mutate the document's own value through what we return.
    else out[key] = accept?.(raw) ? (Array.isArray(raw) ? raw.slice() : raw) : readValue(field, raw)
  }
  for (const { key, spec } of lists) out[key] = readList(map?.get(key), spec)
  return out
}

interface Parts {
  plain: { key: string; field: z.ZodType; accept: Accept | null; text: TextSpec | undefined }[]
  lists: { key: string; spec: ListSpec }[]
}
const PARTS = new WeakMap<z.ZodObject, Parts>()

/** An object schema split into plain fields (with their quick acceptors) and lists. */
function partsOf(schema: z.ZodObject): Parts {
  let parts = PARTS.get(schema)
  if (!parts) {
    parts = { plain: [], lists: [] }
    for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
      const spec = listSpec(field)
      if (spec) parts.lists.push({ key, spec })
      else parts.plain.push({ key, field, accept: acceptorOf(field), text: textSpec(field) })
    }
    PARTS.set(schema, parts)
  }
  return parts
}

/** Shared text as a plain string: its characters (embeds and formatting are not text), at most `max`. */
export function readText(text: Y.Text, { max }: TextSpec): string {
  const s = text.toJSON()
  return s.length <= max ? s : s.slice(0, max)
}

/** A value zod judges: valid as parsed (a copy), else the field's default. */
function readValue(field: z.ZodType, raw: unknown): unknown {
  const parsed = field.safeParse(raw)
  return parsed.success ? parsed.data : fieldDefault(field)
}

const acceptId = acceptorOf(ItemId)!

function readList(raw: unknown, spec: ListSpec): Record<string, unknown>[] {
  if (!(raw instanceof Y.Array)) return []
  const out: Record<string, unknown>[] = []
  const seen = new Set<string>()
  for (const element of raw.toArray()) {
    if (out.length >= spec.max) break
    if (!(element instanceof Y.Map)) continue
    const id: unknown = element.get('id')
    if (typeof id !== 'string' || seen.has(id) || !acceptId(id)) continue
    seen.add(id)
    out.push(readObject(element, spec.item))
  }
  return out
}
