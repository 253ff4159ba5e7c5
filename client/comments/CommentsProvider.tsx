import { useQueryClient } from '@tanstack/react-query'
import type { Editor } from '@tiptap/core'
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'wouter'
import { canComment } from '../../shared/comments/permissions'
import type { Anchor, Thread } from '../../shared/comments/schema'
import type { Section } from '../../shared/plans/schema'
import { refetchAfterNews, usePlanNews } from '../activity/live'
import { commentKeys, useSectionThreads } from '../api/comments'
import type { PlanViewProps } from '../plans/plan-views'
import { type AnchorSummary, DRAFT_ID, type HighlightHandlers, type HighlightInput, setHighlights } from './highlights'

export type FocusOrigin = 'text' | 'column' | 'link'

export interface CommentDraft {
  anchor: Anchor | null
  /** Changes with every new draft, so the composer starts fresh. */
  key: number
}

export interface CommentsValue {
  section: Section
  planId: string
  workspace: PlanViewProps['workspace']
  meId: string
  threads: Thread[]
  loading: boolean
  error: unknown
  /** May start threads here (commenters and up, with or without edit rights). */
  canStart: boolean
  active: string | null
  /** Bumped on every focus, with where it came from, so the text and the column can follow. */
  focusRequest: { id: string | null; origin: FocusOrigin; n: number }
  focus: (id: string | null, origin: FocusOrigin) => void
  /** Where the text anchors are now, as the editor sees them; null before the editor reports. */
  summary: AnchorSummary | null
  draft: CommentDraft | null
  startThread: (anchor: Anchor | null) => void
  cancelDraft: () => void
  /** Comment on a structured item (an objective, a competitor, a calendar entry): its open thread, or a new one. */
  openItemThread: (itemId: string, options?: { field?: string; quote?: string }) => void
  isDetached: (thread: Thread) => boolean
  showResolved: boolean
  setShowResolved: (show: boolean) => void
  /** The column is beside the text (wide) or in a drawer (narrow). */
  wide: boolean
  setWide: (wide: boolean) => void
  panelOpened: boolean
  setPanelOpened: (opened: boolean) => void
  /** For the section editor: highlight clicks and anchor positions come back through these. */
  handlers: HighlightHandlers
  setEditor: (editor: Editor | null) => void
}

const CommentsContext = createContext<CommentsValue | null>(null)

/** The comments of the open section, for its editor and its thread column; null outside a section pane. */
export const useComments = () => useContext(CommentsContext)

/**
 * For structured forms: open the comment thread of an item (or start one), and count its threads.
 * Null outside a section pane.
 */
export function useCommentActions() {
  const comments = useComments()
  if (!comments) return null
  return {
    /** Focus the item's open thread, or start one (for those who may comment). */
    openItemThread: comments.openItemThread,
    /** The item's open threads. */
    threadsOf: (itemId: string) =>
      comments.threads.filter((t) => t.anchor?.type === 'item' && t.anchor.itemId === itemId && !t.resolved),
    /** Whether the caller may start threads here. */
    canStart: comments.canStart,
  }
}

export interface CommentsProviderProps extends PlanViewProps {
  section: Section
  children: ReactNode
}

/** Loads a section's threads, keeps them live, and shares them with the section's editor and column. */
export function CommentsProvider({ section, plan, workspace, me, children }: CommentsProviderProps) {
  const query = useSectionThreads(section.id)
  const queryClient = useQueryClient()
  usePlanNews(plan.id, ['comments'], (event) => {
    if (!event.sectionId || event.sectionId === section.id)
      void refetchAfterNews(queryClient, commentKeys.section(section.id))
  })
  const threads = useMemo(() => query.data ?? [], [query.data])
  const [active, setActive] = useState<string | null>(null)
  const [focusRequest, setFocusRequest] = useState<CommentsValue['focusRequest']>({ id: null, origin: 'column', n: 0 })
  const [summary, setSummary] = useState<AnchorSummary | null>(null)
  const [draft, setDraft] = useState<CommentDraft | null>(null)
  const [showResolved, setShowResolved] = useState(false)
  const [wide, setWide] = useState(true)
  const [panelOpened, setPanelOpened] = useState(false)
  const [editor, setEditor] = useState<Editor | null>(null)

  const focus = useCallback((id: string | null, origin: FocusOrigin) => {
    setActive(id)
    setFocusRequest((r) => ({ id, origin, n: r.n + 1 }))
    if (id && origin !== 'column') setPanelOpened(true)
  }, [])
  // Stable for the provider's life (both are), so an editor built once keeps calling the right ones.
  const handlers = useMemo<HighlightHandlers>(
    () => ({ onSummary: setSummary, onClickThread: (id) => focus(id, 'text') }),
    [focus],
  )

  const startThread = useCallback((anchor: Anchor | null) => {
    setDraft((d) => ({ anchor, key: (d?.key ?? 0) + 1 }))
    setActive(null)
    setPanelOpened(true)
  }, [])
  const cancelDraft = useCallback(() => setDraft(null), [])

  const openItemThread = useCallback(
    (itemId: string, options: { field?: string; quote?: string } = {}) => {
      const open = threads.find(
        (t) =>
          !t.resolved &&
          t.anchor?.type === 'item' &&
          t.anchor.itemId === itemId &&
          (t.anchor.field ?? null) === (options.field ?? null),
      )
      if (open) return focus(open.id, 'link')
      if (!canComment(workspace.me, section)) return
      startThread({
        type: 'item',
        itemId,
        ...(options.field ? { field: options.field } : {}),
        ...(options.quote ? { quote: options.quote.slice(0, 1000) } : {}),
      })
    },
    [threads, focus, startThread, workspace.me, section],
  )

  const isDetached = useCallback(
    (thread: Thread) => {
      if (thread.anchor?.type !== 'text' || thread.resolved || !summary) return thread.detached
      if (summary.detached.includes(thread.id)) return true
      if (summary.order.includes(thread.id)) return false
      return thread.detached
    },
    [summary],
  )

  // The open text threads (and the draft) are highlighted; the focused one more strongly.
  const highlights = useMemo<HighlightInput[]>(() => {
    const list: HighlightInput[] = threads.flatMap((t) =>
      t.anchor?.type === 'text' && !t.resolved
        ? [{ id: t.id, start: t.anchor.start, end: t.anchor.end, quote: t.anchor.quote }]
        : [],
    )
    if (draft?.anchor?.type === 'text')
      list.push({ id: DRAFT_ID, start: draft.anchor.start, end: draft.anchor.end, quote: draft.anchor.quote })
    return list
  }, [threads, draft])
  useEffect(() => {
    if (editor && !editor.isDestroyed) setHighlights(editor.view, highlights, active)
  }, [editor, highlights, active])

  // Focused from the column or a link: bring its words into view (once they are placed).
  const scrolled = useRef(0)
  useEffect(() => {
    const { id, origin, n } = focusRequest
    if (!editor || editor.isDestroyed || !id || origin === 'text' || scrolled.current === n) return
    const mark = editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(id)}"]`)
    if (!mark) return
    scrolled.current = n
    mark.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [editor, focusRequest, summary])

  // A link to a thread (?thread=, from the inbox or the activity feed) focuses it once it is loaded.
  const [search] = useSearchParams()
  const linked = search.get('thread')
  const handledLink = useRef<string | null>(null)
  useEffect(() => {
    if (!linked || handledLink.current === linked) return
    const thread = threads.find((t) => t.id === linked)
    if (!thread) return
    handledLink.current = linked
    // Once per link, when the threads arrive: a resolved thread is shown with the resolved ones.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above; it runs once per link
    if (thread.resolved) setShowResolved(true)
    focus(thread.id, 'link')
  }, [linked, threads, focus])

  const value: CommentsValue = {
    section,
    planId: plan.id,
    workspace,
    meId: me.userId,
    threads,
    loading: query.isPending,
    error: query.error,
    canStart: canComment(workspace.me, section),
    active,
    focusRequest,
    focus,
    summary,
    draft,
    startThread,
    cancelDraft,
    openItemThread,
    isDetached,
    showResolved,
    setShowResolved,
    wide,
    setWide,
    panelOpened,
    setPanelOpened,
    handlers,
    setEditor,
  }
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>
}
