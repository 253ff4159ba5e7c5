import { ActionIcon, Group, TextInput, Tooltip } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { PlanTitle as PlanTitleSchema } from '../../../shared/plans/schema'
import { useRenamePlan } from '../../api/plans'

/** The plan's title, renamed in place: click the pencil (or the title), type, Enter saves, Escape cancels. */
export function PlanTitle({
  workspaceId,
  plan,
  canRename,
}: {
  workspaceId: string
  plan: { id: string; title: string }
  canRename: boolean
}) {
  const rename = useRenamePlan(workspaceId, plan.id)
  const [draft, setDraft] = useState<string | null>(null)
  if (!canRename) return <>{plan.title}</>
  if (draft === null) {
    return (
      <Group gap={6} wrap="nowrap" component="span" style={{ display: 'inline-flex', maxWidth: '100%' }}>
        {/* Never cut: a title too long for its line wraps (the header moves its actions aside first). */}
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{plan.title}</span>
        <Tooltip label="Rename the plan">
          <ActionIcon variant="subtle" color="gray" aria-label="Rename the plan" onClick={() => setDraft(plan.title)}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    )
  }
  const parsed = PlanTitleSchema.safeParse(draft)
  const save = () => {
    if (!parsed.success) return
    if (parsed.data === plan.title) return setDraft(null)
    rename.mutate(parsed.data, { onSuccess: () => setDraft(null) })
  }
  return (
    <TextInput
      autoFocus
      aria-label="Plan title"
      value={draft}
      size="md"
      maw={560}
      error={parsed.success ? undefined : parsed.error.issues[0]?.message}
      disabled={rename.isPending}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save()
        if (e.key === 'Escape') setDraft(null)
      }}
    />
  )
}
