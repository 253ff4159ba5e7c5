import { Alert } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import Placeholder from '@tiptap/extension-placeholder'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { richTextExtensions } from '../../shared/editor/extensions'
import { BODY_FIELD } from '../../shared/editor/body-field'
import { useComments } from '../comments/CommentsProvider'
import { CommentHighlights } from '../comments/highlights'
import { SelectionCommentButton, commentOnSelection } from '../comments/SelectionCommentButton'
import { useCreateSuggestion } from '../api/suggestions'
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel'
import { Suggesting, setSuggesting, setSuggestingHandlers, showSuggestions } from '../suggestions/suggesting'
import { useLiveSuggestions } from '../suggestions/useSuggestions'
import type { Presence, RoomConnection } from '../sync/section-connection'
import { userColor } from '../sync/user-color'
import { EditorToolbar } from './EditorToolbar'
import './editor.css'

interface Props {
  sectionId: string
  planId: string
  connection: RoomConnection
  me: Presence
  editable: boolean
  /** Why this person cannot edit, shown politely above the text. */
  readOnlyReason: string | null
  placeholder: string
}

const NO_HANDLERS = {}

/** A section's rich text, live: Tiptap on the section's Y.Doc with everyone's carets. */
export function SectionEditor({ sectionId, planId, connection, me, editable, readOnlyReason, placeholder }: Props) {
  // Comments: highlights of commented words, and "Comment" on a selection (read-only text too).
  const comments = useComments()
  const commentHandlers = comments?.handlers ?? NO_HANDLERS
  const textRef = useRef<HTMLDivElement>(null)
  // Suggestions: typing proposes instead of writing, for anyone who may comment (docs/suggestions.md).
  const suggestions = useLiveSuggestions(sectionId, planId)
  const createSuggestion = useCreateSuggestion(sectionId)
  const [suggesting, setSuggestingOn] = useState(false)
  const editor = useEditor(
    {
      extensions: [
        ...richTextExtensions(),
        Collaboration.configure({ document: connection.doc, field: BODY_FIELD }),
        CollaborationCaret.configure({ provider: connection.provider, user: me }),
        Placeholder.configure({ placeholder }),
        CommentHighlights.configure({ handlers: commentHandlers }),
        Suggesting,
      ],
      editable,
      editorProps: { attributes: { class: 'planroom-prose', 'aria-label': 'Section text' } },
    },
    [connection],
  )
  useEffect(() => {
    if (editor) setSuggestingHandlers(editor, { me, onSuggest: (body) => createSuggestion.mutate(body) })
  })

  useEffect(() => {
    if (!editor) return
    editor.setEditable(editable || suggesting)
    setSuggesting(editor.view, suggesting)
  }, [editor, editable, suggesting])

  useEffect(() => {
    if (!editor) return
    showSuggestions(
      editor.view,
      (suggestions?.suggestions ?? []).map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        inserted: s.inserted,
        authorName: s.author.name,
        color: userColor(s.author.id),
        outdated: s.outdated,
      })),
    )
  }, [editor, suggestions])

  const setCommentsEditor = comments?.setEditor
  useEffect(() => {
    if (!editor || !setCommentsEditor) return
    setCommentsEditor(editor)
    return () => setCommentsEditor(null)
  }, [editor, setCommentsEditor])

  return (
    <div className="section-editor" data-editable={editable} data-suggesting={suggesting}>
      <SuggestionsPanel
        sectionId={sectionId}
        list={suggestions}
        suggesting={suggesting}
        onSuggestingChange={setSuggestingOn}
      />
      {!editable && !suggesting && readOnlyReason && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} mb="sm" data-testid="read-only-notice">
          {readOnlyReason}
        </Alert>
      )}
      {editable && !suggesting && editor && <EditorToolbar editor={editor} />}
      <div
        ref={textRef}
        style={{ position: 'relative' }}
        onKeyDown={(e) => {
          // Ctrl/⌘+Alt+M comments on the selection, as in other editors.
          if (
            editor &&
            comments?.canStart &&
            (e.ctrlKey || e.metaKey) &&
            e.altKey &&
            e.code === 'KeyM' &&
            commentOnSelection(editor, comments.startThread)
          )
            e.preventDefault()
        }}
      >
        <EditorContent editor={editor} />
        {editor && <SelectionCommentButton editor={editor} container={textRef} />}
      </div>
    </div>
  )
}
