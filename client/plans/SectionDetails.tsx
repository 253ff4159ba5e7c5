import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { SECTION_CATALOG } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'
import { type Membership, readOnlyReason } from '../../shared/workspaces/permissions'
import type { Department } from '../../shared/workspaces/schema'
import { departmentName } from '../workspaces/current'
import { AccessBadge, OwnerBadge } from './SectionBadges'

export interface SectionDetailsProps {
  section: Section | null
  departments: readonly Department[]
  membership: Membership
  /** A bordered card beside the list; bare inside the phone drawer, which frames it already. */
  framed?: boolean
}

/** Beside the list: the chosen section, where it comes from in the method, and who may edit it. */
export function SectionDetails({ section, departments, membership, framed = true }: SectionDetailsProps) {
  if (!section) {
    return (
      <Paper withBorder p="lg">
        <Title order={4} mb="xs">
          How a plan is shared
        </Title>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Every section has an owner. A department's sections are edited by that department's editors; <b>Shared</b> sections by any
            editor. Admins and owners edit everything.
          </Text>
          <Text size="sm" c="dimmed">
            Each department's objectives are approved by its lead. Choose a section to see who can change it.
          </Text>
        </Stack>
      </Paper>
    )
  }
  const ownerName = section.ownerDepartmentId === null ? null : departmentName(departments, section.ownerDepartmentId)
  const reason = readOnlyReason(membership, section, ownerName ?? undefined)
  return (
    <Paper withBorder={framed} p={framed ? 'lg' : 0} aria-label={`Section: ${section.title}`}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.05em' }}>
        Step {section.step}
      </Text>
      <Title order={3} mt={4} mb="sm" style={{ overflowWrap: 'anywhere' }}>
        {section.title}
      </Title>
      <Group gap={6} mb="md">
        <OwnerBadge ownerName={ownerName} />
        <AccessBadge section={section} membership={membership} ownerName={ownerName} />
        {section.abilities.comment && !section.abilities.edit && (
          <Badge variant="light" color="yellow" size="sm">
            Can comment
          </Badge>
        )}
      </Group>
      <Divider mb="md" />
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            From the method
          </Text>
          <Text size="sm">{SECTION_CATALOG[section.kind].source}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            Who edits it
          </Text>
          <Text size="sm">
            {ownerName === null ? 'Any editor of the workspace, and admins and owners.' : `Editors in ${ownerName}, and admins and owners.`}
          </Text>
        </div>
        {reason && (
          <Text size="sm" c="dimmed" fs="italic">
            {reason}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
