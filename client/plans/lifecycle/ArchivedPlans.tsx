import { Anchor, Badge, Card, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArchive, IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { usePlans } from '../../api/plans'
import { Link } from '../../shell/routing'
import { formatDate } from '../../ui/format'

/** The workspace's archived plans, folded away under the active ones: readable, brought back from the plan. */
export function ArchivedPlans({ workspaceId }: { workspaceId: string }) {
  const plans = usePlans(workspaceId, true)
  const [opened, { toggle }] = useDisclosure(false)
  if (!plans.data?.length) return null
  return (
    <Stack gap="xs" mt="xl" data-testid="archived-plans">
      <UnstyledButton onClick={toggle} aria-expanded={opened}>
        <Group gap={6}>
          {opened ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          <IconArchive size={16} />
          <Text fw={600} size="sm">
            Archived
          </Text>
          <Badge variant="light" color="gray" size="sm">
            {plans.data.length}
          </Badge>
        </Group>
      </UnstyledButton>
      <Collapse expanded={opened}>
        <Card padding="sm">
          <Stack gap={6}>
            {plans.data.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/w/${workspaceId}/plans/${p.id}`} size="sm" lineClamp={1}>
                  {p.title}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  Archived {formatDate(p.archivedAt ?? p.updatedAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      </Collapse>
    </Stack>
  )
}
