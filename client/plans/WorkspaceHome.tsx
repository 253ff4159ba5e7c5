import { Anchor, Button, Card, EmptyState, Group, List, SimpleGrid, Text, ThemeIcon } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconArrowRight, IconFileText, IconPlus } from '@tabler/icons-react'
import { STEP_TITLES } from '../../shared/plans/catalog'
import { usePlans } from '../api/plans'
import { Link } from '../shell/routing'
import { fromNow } from '../ui/format'
import { PageHeader } from '../ui/PageHeader'
import { ErrorState, PageLoader } from '../ui/states'
import { useCurrentWorkspace } from '../workspaces/current'
import { WHAT_IS_A_PLAN } from './explain'
import { ArchivedPlans } from './lifecycle/ArchivedPlans'

/** The workspace's front page: its plans, or how to start the first one. */
export function WorkspaceHome() {
  const { workspace, openNewPlan } = useCurrentWorkspace()
  useDocumentTitle(`${workspace.name} · Planroom`)
  const plans = usePlans(workspace.id)
  const canCreate = workspace.abilities.createPlans
  const newPlanButton = canCreate && (
    <Button leftSection={<IconPlus size={16} />} onClick={openNewPlan}>
      New plan
    </Button>
  )

  if (plans.isPending) return <PageLoader />
  if (plans.isError)
    return <ErrorState title="Plans could not be loaded" error={plans.error} onRetry={() => void plans.refetch()} />

  if (plans.data.length === 0) {
    return (
      <>
        <PageHeader title={workspace.name} />
        <Card p={{ base: 'lg', sm: 40 }}>
          <EmptyState
            variant="light"
            size="lg"
            icon={<IconFileText size={30} stroke={1.5} />}
            title="Start your first plan"
            description={WHAT_IS_A_PLAN}
          >
            <List size="sm" c="dimmed" spacing={4} mt="sm" mb="md" ta="left" type="ordered" maw={360} mx="auto">
              {Object.values(STEP_TITLES).map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
            <EmptyState.Actions>
              {newPlanButton || (
                <Text size="sm" c="dimmed">
                  An editor, admin or owner can start a plan.
                </Text>
              )}
              {workspace.abilities.invite && (
                <Button component={Link} to={`/w/${workspace.id}/settings/invites`} variant="default">
                  Invite your team
                </Button>
              )}
            </EmptyState.Actions>
          </EmptyState>
        </Card>
        <ArchivedPlans workspaceId={workspace.id} />
      </>
    )
  }

  return (
    <>
      <PageHeader
        title={workspace.name}
        description={`${plans.data.length} ${plans.data.length === 1 ? 'plan' : 'plans'}, most recently changed first.`}
        actions={newPlanButton}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {plans.data.map((plan) => (
          <Card
            key={plan.id}
            component={Link}
            to={`/w/${workspace.id}/plans/${plan.id}`}
            padding="lg"
            style={{ textDecoration: 'none' }}
          >
            <Group justify="space-between" wrap="nowrap" mb="md">
              <ThemeIcon variant="light" size={38} radius="md">
                <IconFileText size={20} />
              </ThemeIcon>
              <IconArrowRight size={18} color="var(--mantine-color-gray-5)" />
            </Group>
            <Text fw={600} lineClamp={2}>
              {plan.title}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Updated {fromNow(plan.updatedAt)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {!canCreate && (
        <Text size="xs" c="dimmed" mt="lg">
          Only editors, admins and owners create plans.{' '}
          <Anchor component={Link} to={`/w/${workspace.id}/settings/members`} size="xs">
            See who they are
          </Anchor>
          .
        </Text>
      )}
      <ArchivedPlans workspaceId={workspace.id} />
    </>
  )
}
