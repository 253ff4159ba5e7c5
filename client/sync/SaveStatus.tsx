import { Badge, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconCloudCheck, IconCloudOff, IconCloudUpload } from '@tabler/icons-react'
import { useSyncExternalStore } from 'react'
import { saveSummary } from './connections'

/**
 * The header's honest save state: "Saved" only once the server has stored every change of this tab.
 * Compact (phones) shows the cloud alone, its words kept for screen readers and the tooltip.
 */
export function SaveStatus({ compact = false }: { compact?: boolean }) {
  const { unsaved, online } = useSyncExternalStore(saveSummary.subscribe, saveSummary.get)
  const changes = `${unsaved} change${unsaved === 1 ? '' : 's'}`
  const [color, Icon, label] = !online
    ? (['orange', IconCloudOff, unsaved > 0 ? `Offline — ${changes} not saved yet` : 'Offline'] as const)
    : unsaved > 0
      ? (['gray', IconCloudUpload, 'Saving…'] as const)
      : (['teal', IconCloudCheck, 'Saved'] as const)
  const badge = (
    <Badge
      color={color}
      variant="light"
      leftSection={<Icon size={14} />}
      data-testid="save-status"
      styles={compact ? { section: { marginInlineEnd: 0 } } : undefined}
    >
      {compact ? <VisuallyHidden>{label}</VisuallyHidden> : label}
    </Badge>
  )
  const hint = online
    ? compact
      ? label
      : null
    : 'Keep working: your changes are kept on this device and merge when the connection is back.'
  return hint ? <Tooltip label={hint}>{badge}</Tooltip> : badge
}
