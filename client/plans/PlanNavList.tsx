import { ActionIcon, Button, Loader, NavLink, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconFileText, IconPlus } from '@tabler/icons-react'
import type { ComponentType, ReactNode } from 'react'
import { useLocation } from 'wouter'
import { usePlans } from '../api/plans'
import { Link } from '../shell/routing'
import { useCurrentWorkspace } from '../workspaces/current'
import { WHAT_IS_A_PLAN } from './explain'

interface HeadingProps {
  children: ReactNode
  action?: ReactNode
}

/** The sidebar's list of plans, with a short explanation and a "New plan" button when there is none. */
export function PlanNavList({ heading: Heading }: { heading: ComponentType<HeadingProps> }) {
  const { workspace, openNewPlan } = useCurrentWorkspace()
  const plans = usePlans(workspace.id)
  const [pathname] = useLocation()
  const canCreate = workspace.abilities.createPlans

  const addButton = canCreate && (plans.data?.length ?? 0) > 0 && (
    <Tooltip label="New plan">
      <ActionIcon variant="subtle" color="gray" size="sm" onClick={openNewPlan} aria-label="New plan">
        <IconPlus size={16} />
      </ActionIcon>
    </Tooltip>
  )

  return (
    <Stack gap={2} mb="lg">
      <Heading action={addButton}>Plans</Heading>
      {plans.isPending && <Loader size="xs" mx="xs" my="sm" />}
      {plans.isError && (
        <Text size="sm" c="red" px="xs">
          Plans could not be loaded.
        </Text>
      )}
      {plans.data?.length === 0 && (
        <Paper
          withBorder
          radius="md"
          p="md"
          bg="brand.0"
          style={{ borderStyle: 'dashed', borderColor: 'var(--mantine-color-brand-2)' }}
        >
          <Text size="sm" fw={600} mb={4}>
            No plans yet
          </Text>
          <Text size="xs" c="dimmed" mb="sm">
            {WHAT_IS_A_PLAN}
          </Text>
          {canCreate ? (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={openNewPlan} fullWidth>
              New plan
            </Button>
          ) : (
            <Text size="xs" c="dimmed" fs="italic">
              An editor, admin or owner can start one.
            </Text>
          )}
        </Paper>
      )}
      {plans.data?.map((plan) => {
        const to = `/w/${workspace.id}/plans/${plan.id}`
        return (
          <NavLink
            key={plan.id}
            component={Link}
            to={to}
            label={plan.title}
            leftSection={<IconFileText size={18} stroke={1.6} />}
            active={pathname === to}
            style={{ borderRadius: 8 }}
            styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
          />
        )
      })}
    </Stack>
  )
}
