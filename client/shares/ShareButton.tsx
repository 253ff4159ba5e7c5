import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconShare } from '@tabler/icons-react'
import { lazyWhenOpened } from '../ui/lazy-when-opened'

/** The share dialog, loaded when first opened. */
export const ShareDialogWhenOpened = lazyWhenOpened(() => import('./ShareDialog').then((m) => m.ShareDialog))

/** For owners and admins: the header's Share button and its dialog. */
export function ShareButton({ planId }: { planId: string }) {
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button variant="default" leftSection={<IconShare size={16} />} onClick={open} data-testid="share-button">
        Share
      </Button>
      <ShareDialogWhenOpened planId={planId} opened={opened} onClose={close} />
    </>
  )
}
