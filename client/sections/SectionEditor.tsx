import { Alert } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import Placeholder from '@tiptap/extension-placeholder'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import { BODY_FIELD, richTextExtensions } from '../../shared/editor/extensions'
import { useComments } from '../comments/CommentsProvider'
import { CommentHighlights } from '../comments/highlights'
import { SelectionCommentButton, commentOnSelection } from '../comments/SelectionCommentButton'
import type { Presence, RoomConnection } from '../sync/section-connection'
import { EditorToolbar } from './EditorToolbar'
import './editor.css'

interface Props {
  connection: RoomConnection
  me: Presence
  editable: boolean
  /** Why this person cannot edit, shown politely above the text. */
  readOnlyReason: string | null
  placeholder: string
}

const NO_HANDLERS = {}

/** A section's rich text, live: Tiptap on the section's Y.Doc with everyone's carets. */
export function SectionEditor({ connection, me, editable, readOnlyReason, placeholder }: Props) {
  // Comments: highlights of commented words, and "Comment" on a selection (read-only text too).
  const comments = useComments()
  const commentHandlers = comments?.handlers ?? NO_HANDLERS
  const textRef = useRef<HTMLDivElement>(null)
  const editor = useEditor(
    {
      extensions: [
        ...richTextExtensions(),
        Collaboration.configure({ document: connection.doc, field: BODY_FIELD }),
        CollaborationCaret.configure({ provider: connection.provider, user: me }),
        Placeholder.configure({ placeholder }),
        CommentHighlights.configure({ handlers: commentHandlers }),
      ],
      editable,
      editorProps: { attributes: { class: 'planroom-prose', 'aria-label': 'Section text' } },
    },
    [connection],
  )

  useEffect(() => {
    editor?.setEditable(editable)
  }, [editor, editable])

  const setCommentsEditor = comments?.setEditor
  useEffect(() => {
    if (!editor || !setCommentsEditor) return
    setCommentsEditor(editor)
    return () => setCommentsEditor(null)
  }, [editor, setCommentsEditor])

  return (
    <div className="section-editor" data-editable={editable}>
      {!editable && readOnlyReason && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} mb="sm" data-testid="read-only-notice">
          {readOnlyReason}
        </Alert>
      )}
      {editable && editor && <EditorToolbar editor={editor} />}
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
