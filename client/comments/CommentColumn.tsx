import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import {
  IconLayoutSidebarRightCollapse,
  IconLayoutSidebarRightExpand,
  IconMessage2,
  IconMessagePlus,
} from '@tabler/icons-react'
import { type ReactNode, useEffect, useMemo } from 'react'
import type { Thread } from '../../shared/comments/schema'
import { useCreateComment } from '../api/comments'
import { useSideColumn } from '../plans/side-columns'
import { SideToggle } from '../plans/SideToggle'
import { errorMessage } from '../api/errors'
import { ComposerWhenShown } from './ComposerWhenShown'
import { type CommentsValue, useComments } from './CommentsProvider'
import { AnchorQuote, ThreadCard, useMentionable } from './ThreadCard'
import './comments.css'

/** The column is beside the text when the pane is at least this wide; a drawer otherwise. */
const BESIDE_MIN_WIDTH = 540

/**
 * Open threads in reading order: those on words in the order of the text, then those on items, then
 * those on the whole section, then those whose words were deleted.
 */
export function orderThreads(
  threads: readonly Thread[],
  comments: Pick<CommentsValue, 'summary' | 'isDetached'>,
): Thread[] {
  const rank = (t: Thread): [number, number] => {
    if (t.anchor?.type === 'text' && !comments.isDetached(t)) {
      const i = comments.summary?.order.indexOf(t.id) ?? -1
      return [0, i >= 0 ? i : Number.MAX_SAFE_INTEGER]
    }
    if (t.anchor?.type === 'item' && !comments.isDetached(t)) return [1, 0]
    if (t.anchor === null) return [2, 0]
    return [3, 0]
  }
  return [...threads].sort((a, b) => {
    const [ra, ia] = rank(a)
    const [rb, ib] = rank(b)
    return ra - rb || ia - ib || a.createdAt - b.createdAt
  })
}

function DraftCard() {
  const comments = useComments()!
  const people = useMentionable(comments)
  const create = useCreateComment(comments.section.id)
  const { draft } = comments
  if (!draft) return null
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={{ borderColor: 'var(--mantine-color-brand-5)' }}
      data-testid="new-thread"
    >
      <AnchorQuote anchor={draft.anchor} detached={false} />
      <ComposerWhenShown
        key={draft.key}
        people={people}
        autoFocus
        submitLabel="Comment"
        placeholder={draft.anchor ? 'Comment on this…' : 'Comment on the whole section…'}
        onCancel={comments.cancelDraft}
        onSubmit={async (body, mentions) => {
          const thread = await create.mutateAsync({
            body,
            ...(draft.anchor ? { anchor: draft.anchor } : {}),
            ...(mentions.length ? { mentions } : {}),
          })
          comments.cancelDraft()
          comments.focus(thread.id, 'column')
        }}
      />
    </Paper>
  )
}

/** Every thread of the section: a header, the draft of a new one, open threads in order, resolved ones on demand. */
export function CommentColumn({ inDrawer = false, onHide }: { inDrawer?: boolean; onHide?: () => void }) {
  const comments = useComments()!
  const { threads, canStart, showResolved, setShowResolved, loading, error } = comments
  const open = useMemo(
    () =>
      orderThreads(
        threads.filter((t) => !t.resolved),
        comments,
      ),
    [threads, comments],
  )
  const resolved = threads.filter((t) => t.resolved).sort((a, b) => b.resolved!.at - a.resolved!.at)

  return (
    <Stack gap="sm" data-testid="comment-column">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <Text fw={650} size="sm">
            {inDrawer ? 'Open threads' : 'Comments'}
          </Text>
          {open.length > 0 && (
            <Badge size="sm" variant="light" circle>
              {open.length}
            </Badge>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          {canStart && <CommentOnSection />}
          {onHide && <SideToggle label="Hide comments" icon={IconLayoutSidebarRightCollapse} onClick={onHide} />}
        </Group>
      </Group>
      <DraftCard />
      {loading && <Loader size="sm" mx="auto" />}
      {error !== null && error !== undefined && (
        <Alert color="red" variant="light" p="xs">
          <Text size="xs">Comments could not be loaded: {errorMessage(error)}</Text>
        </Alert>
      )}
      {!loading && open.length === 0 && !comments.draft && (
        <Text size="xs" c="dimmed">
          {canStart
            ? 'No open comments. Select words in the text to comment on them, or comment on the whole section with the button above.'
            : 'No open comments.'}
        </Text>
      )}
      {open.map((t) => (
        <ThreadCard key={t.id} thread={t} />
      ))}
      {resolved.length > 0 && (
        <Anchor component="button" size="xs" c="dimmed" ta="left" onClick={() => setShowResolved(!showResolved)}>
          {showResolved ? 'Hide resolved' : `Show resolved (${resolved.length})`}
        </Anchor>
      )}
      {showResolved && resolved.map((t) => <ThreadCard key={t.id} thread={t} />)}
    </Stack>
  )
}

function CommentOnSection() {
  const comments = useComments()!
  return (
    <Tooltip label="Comment on the whole section">
      <ActionIcon
        variant="light"
        size="md"
        aria-label="Comment on the whole section"
        onClick={() => comments.startThread(null)}
      >
        <IconMessagePlus size={16} />
      </ActionIcon>
    </Tooltip>
  )
}

/**
 * The section's text with its comments: the thread column beside it when the pane is wide enough
 * and the column is shown, otherwise a button that opens them in a drawer. The column is shown as
 * the person last chose, or while the section has threads or a new one is being written. The text
 * keeps its place in the tree either way, so switching never rebuilds the editor.
 */
export function CommentsBeside({ children }: { children: ReactNode }) {
  const comments = useComments()
  const { ref, width } = useElementSize()
  const [chosen, setChosen] = useSideColumn('comments')
  const wide = width === 0 ? (comments?.wide ?? true) : width >= BESIDE_MIN_WIDTH
  const setWide = comments?.setWide
  useEffect(() => {
    if (width > 0) setWide?.(wide)
  }, [wide, width, setWide])
  if (!comments) return <>{children}</>
  const openCount = comments.threads.filter((t) => !t.resolved).length
  const beside = wide && (chosen ?? (comments.threads.length > 0 || comments.draft !== null))
  return (
    <div ref={ref} className="comments-layout" data-wide={beside || undefined}>
      <div className="comments-text">
        {!beside && (
          <Group justify="flex-end" gap="xs" mb="xs">
            {wide ? (
              <>
                {comments.canStart && <CommentOnSection />}
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconLayoutSidebarRightExpand size={14} />}
                  onClick={() => setChosen(true)}
                >
                  Show comments{openCount > 0 ? ` · ${openCount}` : ''}
                </Button>
              </>
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconMessage2 size={14} />}
                onClick={() => comments.setPanelOpened(true)}
                aria-label={`Comments (${openCount} open)`}
              >
                Comments{openCount > 0 ? ` · ${openCount}` : ''}
              </Button>
            )}
          </Group>
        )}
        {children}
      </div>
      {beside && (
        <aside className="comments-aside" aria-label="Comments">
          <CommentColumn
            onHide={() => {
              setChosen(false)
              comments.setPanelOpened(false)
            }}
          />
        </aside>
      )}
      {!beside && (
        <Drawer
          opened={comments.panelOpened}
          onClose={() => comments.setPanelOpened(false)}
          position={wide ? 'right' : 'bottom'}
          size={wide ? 400 : '85%'}
          title={<Text fw={650}>Comments on {comments.section.title}</Text>}
          styles={wide ? undefined : { content: { borderTopLeftRadius: 16, borderTopRightRadius: 16 } }}
        >
          <CommentColumn inDrawer />
        </Drawer>
      )}
    </div>
  )
}
