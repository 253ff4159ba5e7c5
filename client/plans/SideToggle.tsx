import { ActionIcon, Tooltip } from '@mantine/core'
import type { Icon } from '@tabler/icons-react'

/** Folds a side column of the plan page away, or brings it back; its name says which and which way. */
export function SideToggle({ label, icon: Glyph, onClick }: { label: string; icon: Icon; onClick: () => void }) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
        <Glyph size={18} stroke={1.7} />
      </ActionIcon>
    </Tooltip>
  )
}
