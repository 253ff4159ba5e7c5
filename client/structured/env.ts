import type { ComboboxData } from '@mantine/core'
import type * as Y from 'yjs'
import { createContext, useContext } from 'react'
import type { SectionKind } from '../../shared/plans/catalog'
import type { Plan } from '../../shared/plans/schema'
import type { Member } from '../../shared/workspaces/schema'
import type { Presence } from '../sync/section-connection'
import type { OptionSource } from '../../shared/plan-model/ui-spec'
import type { Writer } from './writer'

/** What every control of one section's structured content shares. */
export interface StructuredEnv {
  kind: SectionKind
  /** The section's document, which text fields bind to. */
  doc: Y.Doc
  plan: Plan
  me: Presence
  editable: boolean
  write: Writer
  members: readonly Member[]
  /** Choices for link fields, by what they point at. */
  options: Record<OptionSource, ComboboxData>
  /** The words for a linked id, or null when it points at nothing that exists any more. */
  labelOf(source: OptionSource, id: string): string | null
  openSection(sectionId: string): void
}

export const StructuredEnvContext = createContext<StructuredEnv | null>(null)

export function useStructuredEnv(): StructuredEnv {
  const env = useContext(StructuredEnvContext)
  if (!env) throw new Error('A structured field is used outside StructuredContent.')
  return env
}

/** The `data-path` of a field or list: the health finding's path joined by dots. */
export const pathKey = (path: readonly string[]) => path.join('.')
