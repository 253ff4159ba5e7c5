import { Badge, Tooltip } from '@mantine/core'
import { IconEye, IconPencil } from '@tabler/icons-react'
import type { Finding } from '../../shared/health/schema'
import type { Section } from '../../shared/plans/schema'
import { type Membership, readOnlyReason } from '../../shared/workspaces/permissions'

/** Who owns a section: its department, or "Shared" when any editor may edit it. */
export function OwnerBadge({ ownerName }: { ownerName: string | null }) {
  return ownerName === null ? (
    <Badge variant="outline" color="gray" size="sm" fw={600}>
      Shared
    </Badge>
  ) : (
    <Badge variant="light" color="brand" size="sm" fw={600} maw={180}>
      {ownerName}
    </Badge>
  )
}

/** What the person may do here, straight from the server's `abilities`; read-only says why. */
export function AccessBadge({
  section,
  membership,
  ownerName,
}: {
  section: Section
  membership: Membership
  ownerName: string | null
}) {
  if (section.abilities.edit) {
    return (
      <Badge variant="light" color="teal" size="sm" leftSection={<IconPencil size={12} />}>
        Can edit
      </Badge>
    )
  }
  const reason = readOnlyReason(membership, section, ownerName ?? undefined)
  return (
    <Tooltip label={reason} multiline w={260} disabled={!reason}>
      <Badge variant="light" color="gray" size="sm" leftSection={<IconEye size={12} />}>
        Read-only
      </Badge>
    </Tooltip>
  )
}

/** What the health check asks of a section, coloured by the worst of it; nothing when it asks nothing. */
export function FindingsBadge({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null
  const color = findings.some((f) => f.severity === 'error')
    ? 'red'
    : findings.some((f) => f.severity === 'warning')
      ? 'orange'
      : 'blue'
  return (
    <Badge variant="light" color={color} size="sm" style={{ flexShrink: 0 }}>
      {findings.length} to fix
    </Badge>
  )
}
