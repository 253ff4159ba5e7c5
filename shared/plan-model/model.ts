import * as Y from 'yjs'
import { BODY_FIELD } from '../editor/body-field'
import type { SectionKind } from '../plans/catalog'
import { readContent } from './read'
import type { ApprovalState, SectionContent } from './schema'

/**
 * The whole plan as the health check and the export see it: plain data read from each section's
 * Y.Doc, already valid (read.ts), so nothing downstream has to be defensive.
 */

export interface SectionMeta {
  id: string
  kind: SectionKind
  title: string
  /** null for a shared section. */
  ownerDepartmentId: string | null
}

/** A section with its content, narrowed by `kind`. */
export type SectionModel = {
  [K in SectionKind]: Omit<SectionMeta, 'kind'> & {
    kind: K
    content: SectionContent<K>
    /** The rich text's plain text (blocks on their own lines), trimmed: empty when nothing is written. */
    bodyText: string
  }
}[SectionKind]

export type SectionOf<K extends SectionKind> = Extract<SectionModel, { kind: K }>

export interface PlanModel {
  plan: { id: string; title: string }
  departments: { id: string; name: string }[]
  /** In the plan's order (the six steps). */
  sections: SectionModel[]
  /** Each department's approval of its objectives, by department id; a missing one is 'draft'. */
  approvals?: Partial<Record<string, ApprovalState>>
}

/** One section's model from its document. Never throws: unreadable parts read as empty. */
export function readSection(meta: SectionMeta, doc: Y.Doc): SectionModel {
  return { ...meta, content: readContent(doc, meta.kind), bodyText: readBodyText(doc) } as SectionModel
}

export function buildPlanModel(input: {
  plan: { id: string; title: string }
  departments: readonly { id: string; name: string }[]
  sections: readonly { meta: SectionMeta; doc: Y.Doc }[]
  approvals?: PlanModel['approvals']
}): PlanModel {
  return {
    plan: { id: input.plan.id, title: input.plan.title },
    departments: input.departments.map((d) => ({ id: d.id, name: d.name })),
    sections: input.sections.map((s) => readSection(s.meta, s.doc)),
    ...(input.approvals ? { approvals: input.approvals } : {}),
  }
}

/** The sections of one kind, typed. */
export const sectionsOf = <K extends SectionKind>(model: PlanModel, kind: K): SectionOf<K>[] =>
  model.sections.filter((s): s is SectionOf<K> => s.kind === kind)

/** The plain text of a section's rich text (`body`). */
export function readBodyText(doc: Y.Doc): string {
  try {
    const root = doc.share.get(BODY_FIELD)
    if (!root) return ''
    const body =
      root instanceof Y.XmlFragment ? root : root.constructor === Y.AbstractType ? doc.getXmlFragment(BODY_FIELD) : null
    return body ? plainText(body).trim() : ''
  } catch {
    return ''
  }
}

function plainText(node: unknown): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[])
      .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('')
  }
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
    const children = node.toArray()
    // Blocks go on their own lines; text inside a block runs on.
    const separator = children.some((c) => c instanceof Y.XmlElement) ? '\n' : ''
    return children.map(plainText).join(separator)
  }
  return ''
}
