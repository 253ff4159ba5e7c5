import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { richTextSchema } from '../editor/extensions'
import { BODY_FIELD } from '../editor/body-field'
import { type SectionBlueprint, type SectionKind, newPlanSections } from '../plans/catalog'
import { readContent } from '../plan-model/read'
import type { ContentInput, SectionContent } from '../plan-model/schema'
import { writeContent } from '../plan-model/write'
import type { BodyLines, PlanTemplate, TemplateSection } from './schema'

/** A section of a new plan with its id chosen up front, so the template's links can point at it. */
export interface PlannedSection extends SectionBlueprint {
  id: string
  /** What the template writes in it; null leaves it blank. */
  fill: { content: ContentInput; body: JSONContent } | null
}

/**
 * The sections of a new plan: every section of a blank plan for the workspace's departments, plus the
 * template's networks, filled from the template. A template department the workspace does not have
 * is left out (with its objectives); a department the template does not know starts blank.
 */
export function planSections(
  template: PlanTemplate | null,
  departments: readonly { id: string; name: string }[],
  newId: () => string,
): PlannedSection[] {
  const blank: PlannedSection[] = newPlanSections(departments).map((b) => ({ ...b, id: newId(), fill: null }))
  if (!template) return blank
  const key = (name: string) => name.trim().toLowerCase()
  const departmentIds = new Map(departments.map((d) => [key(d.name), d.id]))
  const networks = template.sections.filter((s) => s.kind === 'network')
  const networkIds = new Map(networks.map((s) => [key(s.network ?? ''), newId()]))
  const resolve = (token: string): string | null | undefined => {
    const [, kind, name] = /^@(net|dept):(.+)$/.exec(token) ?? []
    if (!kind || !name) return undefined
    return (kind === 'net' ? networkIds : departmentIds).get(key(name)) ?? null
  }
  const fill = (s: TemplateSection) => ({
    content: resolveLinks(s.content, resolve) as ContentInput,
    body: isLines(s.body) ? bodyJson(s.body) : s.body,
  })
  const sourceOf = (b: SectionBlueprint) => {
    const departmentName = departments.find((d) => d.id === b.ownerDepartmentId)?.name
    return template.sections.find(
      (s) => s.kind === b.kind && (b.kind !== 'objectives' || key(s.department ?? '') === key(departmentName ?? '')),
    )
  }
  const standard = blank.map((b) => {
    const source = sourceOf(b)
    return source ? { ...b, fill: fill(source) } : b
  })
  const own = networks.map((s, position): PlannedSection => ({
    id: networkIds.get(key(s.network ?? ''))!,
    kind: 'network',
    title: s.network ?? 'Network',
    ownerDepartmentId: s.department ? (departmentIds.get(key(s.department)) ?? null) : null,
    position,
    fill: fill(s),
  }))
  return [...standard, ...own]
}

/** Write a planned section's content into its (empty) document, in one transaction. */
export function writePlannedSection(doc: Y.Doc, section: PlannedSection) {
  if (!section.fill) return
  writeContent(doc, section.kind, section.fill.content)
  prosemirrorJSONToYXmlFragment(richTextSchema(), section.fill.body, doc.getXmlFragment(BODY_FIELD))
}

/** What a section's document holds, as `writePlannedSection` writes it: to copy it, or save it as a template. */
export function readSectionFill(doc: Y.Doc, kind: SectionKind): { content: SectionContent; body: JSONContent } {
  const body = yXmlFragmentToProseMirrorRootNode(
    doc.getXmlFragment(BODY_FIELD),
    richTextSchema(),
  ).toJSON() as JSONContent
  return { content: readContent(doc, kind), body }
}

/**
 * Replace every string `resolve` knows (a template's `@net:…`/`@dept:…` tokens, a copied plan's old
 * section ids) by what it answers; an answer of null drops the string from lists and nulls it elsewhere.
 */
export function resolveLinks(value: unknown, resolve: (token: string) => string | null | undefined): unknown {
  if (typeof value === 'string') {
    const id = resolve(value)
    return id === undefined ? value : id
  }
  if (Array.isArray(value)) return value.map((v) => resolveLinks(v, resolve)).filter((v) => v !== null)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveLinks(v, resolve)]))
  }
  return value
}

const isLines = (body: BodyLines | JSONContent): body is BodyLines => Array.isArray(body)

const textNode = (text: string) => [{ type: 'text', text }]

/** Lines as ProseMirror JSON: `## ` headings, `- ` bullets, paragraphs. */
export function bodyJson(lines: BodyLines): JSONContent {
  const content: JSONContent[] = []
  for (const line of lines) {
    if (line.startsWith('## ')) content.push({ type: 'heading', attrs: { level: 2 }, content: textNode(line.slice(3)) })
    else if (line.startsWith('- ')) {
      const item = { type: 'listItem', content: [{ type: 'paragraph', content: textNode(line.slice(2)) }] }
      const last = content[content.length - 1]
      if (last?.type === 'bulletList') last.content!.push(item)
      else content.push({ type: 'bulletList', content: [item] })
    } else content.push({ type: 'paragraph', content: textNode(line) })
  }
  return { type: 'doc', content }
}
