import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconHistory } from '@tabler/icons-react'
import type { ComponentProps } from 'react'
import { HistoryDrawer } from './HistoryDrawer'

/** "History" in a section's header, opening its version history. */
export function HistoryButton(props: Omit<ComponentProps<typeof HistoryDrawer>, 'opened' | 'onClose'>) {
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconHistory size={13} />} onClick={open}>
        History
      </Button>
      <HistoryDrawer {...props} opened={opened} onClose={close} />
    </>
  )
}
