import { Badge, Tooltip } from '@mantine/core'
import { IconCloudCheck, IconCloudOff, IconCloudUpload } from '@tabler/icons-react'
import { useSyncExternalStore } from 'react'
import { saveSummary } from './connections'

/** The header's honest save state: "Saved" only once the server has stored every change of this tab. */
export function SaveStatus() {
  const { unsaved, online } = useSyncExternalStore(saveSummary.subscribe, saveSummary.get)
  const changes = `${unsaved} change${unsaved === 1 ? '' : 's'}`
  if (!online) {
    return (
      <Tooltip label="Keep working: your changes are kept on this device and merge when the connection is back.">
        <Badge color="orange" variant="light" leftSection={<IconCloudOff size={14} />} data-testid="save-status">
          {unsaved > 0 ? `Offline — ${changes} not saved yet` : 'Offline'}
        </Badge>
      </Tooltip>
    )
  }
  if (unsaved > 0) {
    return (
      <Badge color="gray" variant="light" leftSection={<IconCloudUpload size={14} />} data-testid="save-status">
        Saving…
      </Badge>
    )
  }
  return (
    <Badge color="teal" variant="light" leftSection={<IconCloudCheck size={14} />} data-testid="save-status">
      Saved
    </Badge>
  )
}
