import { type ReactNode, createContext, useContext, useMemo, useState } from 'react'
import type { CreateSuggestionBody, SuggestionList } from '../../shared/suggestions/schema'
import { useCreateSuggestion } from '../api/suggestions'
import type { Presence } from '../sync/section-connection'
import { useLiveSuggestions } from './useSuggestions'

/**
 * One section's suggestions and its Suggesting switch, shared by its rich text and its structured
 * fields (docs/suggestions.md): one switch puts both in Suggesting mode, one list feeds the panel and
 * the marks drawn in place.
 */
export interface SectionSuggestions {
  sectionId: string
  list: SuggestionList | undefined
  /** Whether what this person types is proposed instead of written. */
  suggesting: boolean
  setSuggesting: (on: boolean) => void
  suggest: (body: CreateSuggestionBody) => void
  /** The author's own name and colour, for drafts. */
  me: Presence
}

const SuggestionsContext = createContext<SectionSuggestions | null>(null)

export function SuggestionsProvider(props: { sectionId: string; planId: string; me: Presence; children: ReactNode }) {
  const { sectionId, planId, me } = props
  const list = useLiveSuggestions(sectionId, planId)
  const create = useCreateSuggestion(sectionId)
  const [suggesting, setSuggesting] = useState(false)
  const { mutate } = create
  const value = useMemo<SectionSuggestions>(
    () => ({ sectionId, list, suggesting, setSuggesting, suggest: (body) => mutate(body), me }),
    [sectionId, list, suggesting, mutate, me],
  )
  return <SuggestionsContext.Provider value={value}>{props.children}</SuggestionsContext.Provider>
}

/** The open section's suggestions; null outside a section (a version preview, say). */
export const useSuggestionsContext = () => useContext(SuggestionsContext)
