import { ActionIcon, Indicator, Tooltip } from '@mantine/core'
import { IconMessage2, IconMessagePlus } from '@tabler/icons-react'
import { useCommentActions } from './CommentsProvider'

export interface ItemCommentButtonProps {
  /** The structured item (an objective, a competitor, a calendar entry…). */
  itemId: string
  /** How the item reads now (its name or statement), kept for when it is removed. */
  quote?: string
  /** One field of the item, when the comment is about that field. */
  field?: string
}

/**
 * "Comment" on a structured item, for the structured forms: opens the item's thread beside the text
 * (a drawer on phones), or starts one. Shows how many threads are open on it; hidden for those who
 * can neither read one nor start one.
 */
export function ItemCommentButton({ itemId, quote, field }: ItemCommentButtonProps) {
  const actions = useCommentActions()
  if (!actions) return null
  const open = actions.threadsOf(itemId).length
  if (open === 0 && !actions.canStart) return null
  return (
    <Tooltip label={open > 0 ? `${open} open ${open === 1 ? 'comment' : 'comments'}` : 'Comment on this'}>
      <Indicator label={open} size={14} disabled={open === 0} color="yellow.7" offset={3}>
        <ActionIcon
          variant="subtle"
          color={open > 0 ? 'yellow.8' : 'gray'}
          size="sm"
          aria-label={open > 0 ? 'Open the comments on this' : 'Comment on this'}
          onClick={() => actions.openItemThread(itemId, { quote, field })}
        >
          {open > 0 ? <IconMessage2 size={15} /> : <IconMessagePlus size={15} />}
        </ActionIcon>
      </Indicator>
    </Tooltip>
  )
}
