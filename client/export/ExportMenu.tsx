import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconDownload, IconFileText, IconFileTypePdf, IconWorld } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../../shared/export/schema'

const ICONS: Record<ExportFormat, ReactNode> = {
  md: <IconFileText size={16} />,
  html: <IconWorld size={16} />,
  pdf: <IconFileTypePdf size={16} />,
}

/** Download the plan: plain links to the export route, which answers with an attachment. */
export function ExportMenu({ planId }: { planId: string }) {
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          data-testid="export-menu"
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <ExportItems planId={planId} />
      </Menu.Dropdown>
    </Menu>
  )
}

/** The download links, for this menu and for the plan's actions menu on phones. */
export function ExportItems({ planId }: { planId: string }) {
  return (
    <>
      <Menu.Label>Download the whole plan</Menu.Label>
      {EXPORT_FORMATS.map((format) => (
        <Menu.Item
          key={format}
          component="a"
          href={`/api/plans/${planId}/export?format=${format}`}
          download
          leftSection={ICONS[format]}
          data-testid={`export-${format}`}
        >
          {EXPORT_LABELS[format]}
        </Menu.Item>
      ))}
    </>
  )
}
