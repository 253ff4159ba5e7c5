import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconHistory } from '@tabler/icons-react'
import { Suspense, lazy, useState, type ComponentProps } from 'react'

// The drawer (versions, diffs) is fetched the first time History is opened, not with the plan page.
const HistoryDrawer = lazy(async () => ({ default: (await import('./HistoryDrawer')).HistoryDrawer }))

/** "History" in a section's header, opening its version history. */
export function HistoryButton(props: Omit<ComponentProps<typeof HistoryDrawer>, 'opened' | 'onClose'>) {
  const [opened, { open, close }] = useDisclosure(false)
  // Mounted from the first opening on, so closing still animates.
  const [wanted, setWanted] = useState(false)
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<IconHistory size={13} />}
        onClick={() => {
          setWanted(true)
          open()
        }}
      >
        History
      </Button>
      {wanted && (
        <Suspense>
          <HistoryDrawer {...props} opened={opened} onClose={close} />
        </Suspense>
      )}
    </>
  )
}
