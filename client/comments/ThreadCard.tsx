import { ActionIcon, Badge, Box, Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconDots, IconLinkOff, IconPencil, IconRotate, IconTrash } from '@tabler/icons-react'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import type { Anchor, Comment, Thread, UserRef } from '../../shared/comments/schema'
import { useCreateComment, useDeleteComment, useEditComment, useResolveThread } from '../api/comments'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { formatDateTime, fromNow } from '../ui/format'
import { ComposerWhenShown } from './ComposerWhenShown'
import { type CommentsValue, useComments } from './CommentsProvider'
import { fromMarkup, segments } from './mention-text'
import { PersonAvatar } from './PersonAvatar'

/** The members one can mention: everyone in the workspace but oneself. */
export function useMentionable(comments: CommentsValue): UserRef[] {
  const { workspace, meId } = comments
  return useMemo(
    () => workspace.members.filter((m) => m.userId !== meId).map((m) => ({ id: m.userId, name: m.name })),
    [workspace.members, meId],
  )
}

const fieldLabel = (field: string) =>
  field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ Ids?$/, 's')

/** What a thread is about: the words it is on, an item, or the whole section. */
export function AnchorQuote({ anchor, detached }: { anchor: Anchor | null; detached: boolean }) {
  let what: ReactNode
  if (anchor === null) {
    what = (
      <Text size="xs" c="dimmed">
        On the whole section
      </Text>
    )
  } else if (anchor.type === 'text') {
    what = (
      <Text
        size="xs"
        c={detached ? 'dimmed' : undefined}
        lineClamp={3}
        fs="italic"
        data-testid="thread-quote"
        style={{ overflowWrap: 'anywhere' }}
      >
        “{anchor.quote}”
      </Text>
    )
  } else {
    what = (
      <Text size="xs" lineClamp={2} data-testid="thread-quote" style={{ overflowWrap: 'anywhere' }}>
        On {anchor.quote ? <b>{anchor.quote}</b> : 'an item'}
        {anchor.field ? ` · ${fieldLabel(anchor.field)}` : ''}
      </Text>
    )
  }
  return (
    <Stack gap={4} mb={8}>
      {detached && (
        <Tooltip
          label={
            anchor?.type === 'item'
              ? 'The item this was on was removed.'
              : 'The words this was on were deleted from the text.'
          }
          multiline
          w={220}
        >
          <Badge
            size="xs"
            variant="light"
            color="orange"
            leftSection={<IconLinkOff size={10} />}
            w="fit-content"
            data-testid="detached-badge"
          >
            Detached
          </Badge>
        </Tooltip>
      )}
      {anchor !== null ? (
        <Box pl={8} style={{ borderLeft: `3px solid var(--mantine-color-${detached ? 'gray-4' : 'yellow-5'})` }}>
          {what}
        </Box>
      ) : (
        what
      )}
    </Stack>
  )
}

function CommentBody({ body }: { body: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="comment-body">
      {segments(body).map((s, i) =>
        'mention' in s ? (
          <Text key={i} span fw={600} c="brand.7" size="sm">
            @{s.mention.name}
          </Text>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  )
}

function CommentItem({ comment, sectionId, people }: { comment: Comment; sectionId: string; people: UserRef[] }) {
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const edit = useEditComment(sectionId)
  const remove = useDeleteComment(sectionId)
  const deleted = comment.deletedAt !== null || comment.body === null
  return (
    <Group gap={8} align="flex-start" wrap="nowrap" data-testid="comment">
      <PersonAvatar person={comment.author} size={24} />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
          <Text size="xs" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Text span fw={650} size="xs">
              {comment.author.name}
            </Text>{' '}
            <Tooltip label={formatDateTime(comment.createdAt)}>
              <Text span c="dimmed" size="xs">
                {fromNow(comment.createdAt)}
                {comment.editedAt && !deleted ? ' · edited' : ''}
              </Text>
            </Tooltip>
          </Text>
          {!deleted && (comment.abilities.edit || comment.abilities.delete) && !editing && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label="Comment actions"
                  onClick={(e) => e.stopPropagation()}
                >
                  <IconDots size={14} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                {comment.abilities.edit && (
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                    Edit
                  </Menu.Item>
                )}
                {comment.abilities.delete && (
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirming(true)}>
                    Delete
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {deleted ? (
          <Text size="sm" c="dimmed" fs="italic">
            This comment was deleted.
          </Text>
        ) : editing ? (
          <ComposerWhenShown
            people={people}
            submitLabel="Save"
            placeholder="Edit your comment"
            initialText={fromMarkup(comment.body!)}
            initialMentions={comment.mentions}
            autoFocus
            onCancel={() => setEditing(false)}
            onSubmit={async (body, mentions) => {
              await edit.mutateAsync({ commentId: comment.id, body: { body, mentions } })
              setEditing(false)
            }}
          />
        ) : (
          <CommentBody body={comment.body!} />
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Delete this comment?"
        confirmLabel="Delete comment"
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(comment.id, { onSuccess: () => setConfirming(false) })}
      >
        Its place in the thread stays, marked as deleted; people it mentioned are no longer notified of it. A thread
        with nothing left in it goes away.
      </ConfirmDialog>
    </Group>
  )
}

/** One thread in the column: what it is on, its comments, a reply box, resolve / reopen. */
export function ThreadCard({ thread }: { thread: Thread }) {
  const comments = useComments()!
  const people = useMentionable(comments)
  const reply = useCreateComment(thread.sectionId)
  const resolve = useResolveThread(thread.sectionId)
  const active = comments.active === thread.id
  const detached = comments.isDetached(thread)
  const ref = useRef<HTMLDivElement>(null)
  const { focusRequest } = comments

  useEffect(() => {
    if (focusRequest.id === thread.id && focusRequest.origin !== 'column')
      ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [focusRequest, thread.id])

  const shown =
    active || thread.comments.length <= 3 ? thread.comments : [thread.comments[0]!, ...thread.comments.slice(-1)]
  const hidden = thread.comments.length - shown.length
  const resolved = thread.resolved

  return (
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="sm"
      shadow={active ? 'sm' : undefined}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-active={active || undefined}
      data-detached={detached || undefined}
      data-resolved={resolved ? true : undefined}
      onClick={() => !active && comments.focus(thread.id, 'column')}
      tabIndex={0}
      aria-label={`Comment thread by ${thread.createdBy.name}`}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault()
          comments.focus(thread.id, 'column')
        }
      }}
      style={{
        cursor: active ? undefined : 'pointer',
        borderColor: active ? 'var(--mantine-color-brand-5)' : undefined,
        background: resolved ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <AnchorQuote anchor={thread.anchor} detached={detached} />
        </Box>
        {thread.abilities.resolve && (
          <Tooltip label={resolved ? 'Reopen' : 'Resolve'}>
            <ActionIcon
              variant={resolved ? 'subtle' : 'light'}
              color={resolved ? 'gray' : 'teal'}
              size="md"
              aria-label={resolved ? 'Reopen thread' : 'Resolve thread'}
              loading={resolve.isPending}
              onClick={(e) => {
                e.stopPropagation()
                resolve.mutate({ threadId: thread.id, resolved: !resolved })
              }}
            >
              {resolved ? <IconRotate size={16} /> : <IconCheck size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Stack gap="sm">
        {shown.map((c, i) => (
          <Box key={c.id}>
            {hidden > 0 && i === 1 && (
              <Text size="xs" c="brand.7" mb={8}>
                {hidden} more {hidden === 1 ? 'reply' : 'replies'}
              </Text>
            )}
            <CommentItem comment={c} sectionId={thread.sectionId} people={people} />
          </Box>
        ))}
      </Stack>
      {resolved && (
        <Text size="xs" c="dimmed" mt="xs">
          <IconCheck size={12} style={{ verticalAlign: -2 }} /> Resolved by {resolved.by.name} · {fromNow(resolved.at)}
        </Text>
      )}
      {active && !resolved && thread.abilities.reply && (
        <Box mt="sm" onClick={(e) => e.stopPropagation()}>
          <ComposerWhenShown
            compact
            people={people}
            submitLabel="Reply"
            placeholder="Reply…"
            onSubmit={(body, mentions) =>
              reply.mutateAsync({ body, threadId: thread.id, ...(mentions.length ? { mentions } : {}) })
            }
          />
        </Box>
      )}
      {!active && !resolved && thread.abilities.reply && thread.comments.length > 0 && (
        <Button variant="subtle" size="compact-xs" mt={6} px={0} onClick={() => comments.focus(thread.id, 'column')}>
          Reply
        </Button>
      )}
    </Paper>
  )
}
