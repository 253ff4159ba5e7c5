import * as Y from 'yjs'
import type { Suggestion } from '../../shared/suggestions/schema'
import { textAt } from '../../shared/plan-model/ydoc'
import { decodePosition } from '../comments/anchors'
import { userColor } from '../sync/user-color'
import { SuggestionActions } from './SuggestionActions'
import { useSuggestionsContext } from './SuggestionsProvider'
import './suggestions.css'

/** How much of the field's text is shown on either side of a suggestion. */
const CONTEXT = 32

/**
 * The pending suggestions on one structured text field, under it: each with its author's name and
 * colour, in the words around it, the deletion struck through and the insertion marked (an input
 * cannot hold marks, so they are drawn beside it), with Accept and Reject for whoever may decide.
 */
export function FieldSuggestions({ doc, path }: { doc: Y.Doc; path: readonly string[] }) {
  const context = useSuggestionsContext()
  const key = path.join('.')
  const here = context?.list?.suggestions.filter((s) => s.target !== 'body' && s.target.join('.') === key) ?? []
  const text = textAt(doc, path)
  if (here.length === 0) return null
  return (
    <div className="field-suggestions" data-path-suggestions={key}>
      {here.map((s) => (
        <FieldSuggestionLine key={s.id} sectionId={context!.sectionId} suggestion={s} doc={doc} text={text} />
      ))}
    </div>
  )
}

interface LineProps {
  sectionId: string
  suggestion: Suggestion
  doc: Y.Doc
  text: Y.Text | null
}

function FieldSuggestionLine({ sectionId, suggestion: s, doc, text }: LineProps) {
  const color = userColor(s.author.id)
  const style = { ['--suggestion-color' as string]: color }
  const range = text && !s.outdated ? rangeIn(doc, text, s) : null
  const value = text?.toJSON() ?? ''
  const before = range ? clip(value.slice(0, range.from), 'start') : ''
  const after = range ? clip(value.slice(range.to), 'end') : ''
  return (
    <div className="field-suggestion" style={style} data-suggestion-id={s.id}>
      <span className="field-suggestion-author">{s.author.name}</span>{' '}
      {s.outdated && <span className="field-suggestion-outdated">(outdated) </span>}
      <span className="field-suggestion-text">
        {before}
        {s.deleted && <del className="suggestion-card-delete">{s.deleted}</del>}
        {s.inserted && <ins className="suggestion-card-insert">{s.inserted}</ins>}
        {after}
      </span>
      <SuggestionActions sectionId={sectionId} suggestion={s} compact />
    </div>
  )
}

/** Where a suggestion's ends are in the field's text now, or null when they are not in it in order. */
function rangeIn(doc: Y.Doc, text: Y.Text, s: Suggestion) {
  const at = (encoded: string) => {
    const rel = decodePosition(encoded)
    const abs = rel && Y.createAbsolutePositionFromRelativePosition(rel, doc)
    return abs && abs.type === text ? abs.index : null
  }
  const from = at(s.start)
  const to = at(s.end)
  return from !== null && to !== null && from <= to ? { from, to } : null
}

function clip(words: string, keep: 'start' | 'end') {
  if (words.length <= CONTEXT) return words
  return keep === 'start' ? `…${words.slice(-CONTEXT)}` : `${words.slice(0, CONTEXT)}…`
}
