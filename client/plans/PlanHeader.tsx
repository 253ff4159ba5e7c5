import { Button, Group, Menu, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import {
  IconActivity,
  IconCalendarEvent,
  IconChartBar,
  IconCheck,
  IconChevronDown,
  IconListDetails,
  type Icon,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { canSharePlan } from '../../shared/shares/permissions'
import { canManagePlan } from '../../shared/workspaces/permissions'
import { ExportMenu } from '../export/ExportMenu'
import { HealthButton } from '../health/HealthButton'
import type { PresentPerson } from '../presence/usePlanPresence'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import { ShareButton } from '../shares/ShareButton'
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
  /** Phones: a line of title and menu, then one of view, section, health and save state; the rest is in the menu. */
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

  if (compact) {
    return (
      <Stack gap={8} mb="sm">
        <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          {title}
          {menu}
        </Group>
        <Group gap={8} wrap="nowrap">
          <ViewMenu view={view} onView={onView} iconOnly={Boolean(picker)} />
          {picker}
          <HealthButton {...viewProps} compact />
          <SaveStatus compact />
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
        <SegmentedControl data={[...PLAN_VIEWS]} value={view} onChange={onView} aria-label="Plan view" />
        {picker}
      </Group>
    </Stack>
  )
}

const VIEW_ICONS: Record<PlanView, Icon> = {
  sections: IconListDetails,
  calendar: IconCalendarEvent,
  overview: IconChartBar,
  activity: IconActivity,
}

function ViewIcon({ view }: { view: PlanView }) {
  const Glyph = VIEW_ICONS[view]
  return <Glyph size={16} />
}

/**
 * Phones: the view as a menu, where four tabs would take a line of their own; only its icon when the
 * section chooser needs the room beside it.
 */
function ViewMenu({ view, onView, iconOnly }: { view: PlanView; onView: (view: string) => void; iconOnly: boolean }) {
  const label = PLAN_VIEWS.find((v) => v.value === view)!.label
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button
          variant="default"
          size="compact-sm"
          h={30}
          px={10}
          leftSection={iconOnly ? undefined : <ViewIcon view={view} />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={`Plan view: ${label}`}
          style={{ flexShrink: 0 }}
        >
          {iconOnly ? <ViewIcon view={view} /> : label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {PLAN_VIEWS.map((v) => (
          <Menu.Item
            key={v.value}
            onClick={() => onView(v.value)}
            leftSection={<ViewIcon view={v.value} />}
            rightSection={v.value === view ? <IconCheck size={16} /> : undefined}
            aria-current={v.value === view ? 'true' : undefined}
          >
            {v.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
