import { Button } from '@mantine/core'
import type { Editor } from '@tiptap/core'
import { IconMessagePlus } from '@tabler/icons-react'
import { type RefObject, useCallback, useEffect, useState } from 'react'
import type { Anchor } from '../../shared/comments/schema'
import { commentableRange, createTextAnchor } from './anchors'
import { useComments } from './CommentsProvider'

/** Comment on the words selected in the editor (read-only editors too): anchors the draft and opens it. */
export function commentOnSelection(editor: Editor, startThread: (anchor: Anchor) => void): boolean {
  const range = commentableRange(editor.state)
  if (!range) return false
  const anchor = createTextAnchor(editor.state, range.from, range.to)
  if (!anchor) return false
  startThread(anchor)
  return true
}

/**
 * A small "Comment" bubble above the selected words, for anyone who may comment. Shown while the
 * page's selection is a range inside this editor.
 */
export function SelectionCommentButton({
  editor,
  container,
}: {
  editor: Editor
  container: RefObject<HTMLDivElement | null>
}) {
  const comments = useComments()
  const [box, setBox] = useState<{ top: number; left: number } | null>(null)
  const canStart = comments?.canStart ?? false

  const update = useCallback(() => {
    const root = container.current
    if (!root || editor.isDestroyed) return setBox(null)
    const dom = document.getSelection()
    const range = commentableRange(editor.state)
    if (!range || !dom || dom.isCollapsed || !dom.anchorNode || !editor.view.dom.contains(dom.anchorNode))
      return setBox(null)
    try {
      const start = editor.view.coordsAtPos(range.from, 1)
      const end = editor.view.coordsAtPos(range.to, -1)
      const rect = root.getBoundingClientRect()
      const sameLine = Math.abs(start.top - end.top) < 4
      const x = sameLine ? (start.left + end.right) / 2 : start.left
      setBox({
        top: Math.min(start.top, end.top) - rect.top - 8,
        left: Math.min(Math.max(x - rect.left, 56), rect.width - 56),
      })
    } catch {
      setBox(null)
    }
  }, [editor, container])

  useEffect(() => {
    if (!canStart) return
    editor.on('transaction', update)
    document.addEventListener('selectionchange', update)
    window.addEventListener('resize', update)
    return () => {
      editor.off('transaction', update)
      document.removeEventListener('selectionchange', update)
      window.removeEventListener('resize', update)
    }
  }, [editor, update, canStart])

  if (!comments || !canStart || !box) return null
  return (
    <div className="comment-bubble" style={{ top: box.top, left: box.left }}>
      <Button
        size="compact-sm"
        radius="xl"
        leftSection={<IconMessagePlus size={14} />}
        // Keep the selection: the button must not take it away before the click.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          if (commentOnSelection(editor, comments.startThread)) setBox(null)
        }}
        style={{ boxShadow: 'var(--mantine-shadow-md)' }}
        data-testid="comment-on-selection"
      >
        Comment
      </Button>
    </div>
  )
}
