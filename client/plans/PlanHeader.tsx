import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { canSharePlan } from '../../shared/shares/permissions'
import { canManagePlan } from '../../shared/workspaces/permissions'
import { ExportMenu } from '../export/ExportMenu'
import { HealthButton } from '../health/HealthButton'
import type { PresentPerson } from '../presence/usePlanPresence'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import { ShareButton } from '../shares/ShareDialog'
import { SaveStatus } from '../sync/SaveStatus'
import { fromNow } from '../ui/format'
import { PlanActionsMenu } from './lifecycle/PlanActionsMenu'
import { PlanTitle } from './lifecycle/PlanTitle'
import classes from './PlanPage.module.css'
import { PLAN_VIEWS, type PlanView, type PlanViewProps } from './plan-views'

interface PlanHeaderProps extends PlanViewProps {
  view: PlanView
  onView: (view: string) => void
  people: PresentPerson[]
  /** Phones: one line of title and menu, one of views, one of tools; the rest is in the menu. */
  compact: boolean
  /** Phones: the section chooser, on the tools line. */
  picker?: ReactNode
}

/**
 * The plan's title (its page's h1, on one line wherever it fits: the actions wrap under it first),
 * what it takes to read it (health, save state, who is here) and, out of the way, what can be done
 * with it.
 */
export function PlanHeader({ view, onView, people, compact, picker, ...viewProps }: PlanHeaderProps) {
  const { plan, workspace, openSection } = viewProps
  const { sections } = plan
  const archived = plan.archivedAt !== null
  const canCreate = workspace.abilities.createPlans
  const editable = sections.filter((s) => s.abilities.edit).length
  const canShare = canSharePlan(workspace.me)
  const menu = (
    <PlanActionsMenu
      workspaceId={workspace.id}
      plan={plan}
      departments={workspace.departments}
      compact={compact}
      can={{
        duplicate: canCreate,
        manage: canManagePlan(workspace.me),
        share: canShare,
        subscribe: editable > 0,
        addNetwork: canCreate && !archived,
      }}
      onNetworkAdded={openSection}
    />
  )
  const title = (
    <Title order={1} fz={compact ? 20 : 26} className={classes.title}>
      <PlanTitle workspaceId={workspace.id} plan={plan} canRename={canCreate && !archived} />
    </Title>
  )
  const views = (
    <SegmentedControl
      data={[...PLAN_VIEWS]}
      value={view}
      onChange={onView}
      aria-label="Plan view"
      size={compact ? 'xs' : 'sm'}
      fullWidth={compact}
    />
  )

  if (compact) {
    return (
      <Stack gap={8} mb="sm">
        <Group gap="xs" wrap="nowrap" justify="space-between">
          {title}
          {menu}
        </Group>
        {views}
        <Group gap="xs" wrap="nowrap">
          {picker}
          <HealthButton {...viewProps} compact />
          <SaveStatus />
        </Group>
      </Stack>
    )
  }
  return (
    <Stack gap="md" mb="lg">
      <div>
        <Group gap="sm" className={classes.headerRow}>
          {title}
          <Group gap="sm" ml="auto">
            <PresenceAvatars people={people} />
            <SaveStatus />
            <HealthButton {...viewProps} />
            <ExportMenu planId={plan.id} />
            {canShare && <ShareButton planId={plan.id} />}
            {menu}
          </Group>
        </Group>
        <Text c="dimmed" size="sm">
          {sections.length} sections · you can edit {editable === sections.length ? 'all of them' : editable} · updated{' '}
          {fromNow(plan.updatedAt)}
        </Text>
      </div>
      <Group gap="sm">
        {views}
        {picker}
      </Group>
    </Stack>
  )
}
