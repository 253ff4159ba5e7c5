import { Alert, Button, Group, Text } from '@mantine/core'
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks'
import { IconArchive, IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react'
import { Suspense, lazy, useState } from 'react'
import { useParams, useSearchParams } from 'wouter'
import type { Plan, Section } from '../../shared/plans/schema'
import { canManagePlan } from '../../shared/workspaces/permissions'
import { useArchivePlan, usePlan, useRemoveNetwork } from '../api/plans'
import { PlanCalendar } from '../calendar/PlanCalendar'
import { usePlanHealth } from '../health/use-plan-health'
import { usePlanPresence } from '../presence/usePlanPresence'
import { SectionPane } from '../sections/SectionPane'
import { Link } from '../shell/routing'
import type { Presence } from '../sync/section-connection'
import { useMyPresence } from '../sync/useRoom'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { ErrorState, PageLoader } from '../ui/states'
import { type CurrentWorkspace, useCurrentWorkspace } from '../workspaces/current'
import { PlanHeader } from './PlanHeader'
import classes from './PlanPage.module.css'
import { type PlanViewProps, planViewOf } from './plan-views'
import { SectionList, type SectionListProps } from './SectionList'
import { SectionPicker } from './SectionPicker'
import { useSideColumn } from './side-columns'
import { SideToggle } from './SideToggle'

// Views other than the sections load when chosen (the calendar loads FullCalendar itself, PlanCalendar).
const PlanOverview = lazy(async () => ({ default: (await import('../overview/PlanOverview')).PlanOverview }))
const ActivityFeed = lazy(async () => ({ default: (await import('../activity/ActivityFeed')).ActivityFeed }))

/** A plan: its sections under the six steps, and the open one (kept in the URL) edited live beside them. */
export function PlanPage() {
  const { planId = '' } = useParams()
  const { workspace } = useCurrentWorkspace()
  const plan = usePlan(planId)
  const me = useMyPresence()
  useDocumentTitle(plan.data ? `${plan.data.title} · Planroom` : 'Planroom')

  if (plan.isPending || !me) return <PageLoader label="Opening the plan…" />
  if (plan.isError) {
    return (
      <ErrorState
        title="This plan could not be opened"
        error={plan.error}
        onRetry={() => void plan.refetch()}
        action={
          <Button component={Link} to={`/w/${workspace.id}`} variant="default">
            Back to {workspace.name}
          </Button>
        }
      />
    )
  }
  return <LivePlan plan={plan.data} workspace={workspace} me={me} />
}

function LivePlan({ plan, workspace, me }: { plan: Plan; workspace: CurrentWorkspace['workspace']; me: Presence }) {
  const [search, setSearch] = useSearchParams()
  const view = planViewOf(search.get('view'))
  // Read at once, so a phone never draws the wide layout first.
  const narrow = useMediaQuery('(max-width: 62em)', undefined, { getInitialValueInEffect: false }) ?? false
  const compact = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false
  const { sections } = plan
  const chosen = sections.find((s) => s.id === search.get('section'))
  // Wide screens open the first section at once; phones show the list until one is chosen.
  const selected = view !== 'sections' ? null : (chosen ?? (narrow ? null : (sections[0] ?? null)))
  const people = usePlanPresence(plan.id, me, selected?.id ?? null)
  const inSection = (sectionId: string) => people.filter((p) => p.sectionId === sectionId)
  const select = (id: string | null) => setSearch(id ? { section: id } : {}, { replace: true })
  const showView = (next: string) => setSearch(next === 'sections' ? {} : { view: next }, { replace: true })
  const [removing, setRemoving] = useState<Section | null>(null)
  const removeNetwork = useRemoveNetwork(plan.id)
  const viewProps: PlanViewProps = { plan, workspace, me, openSection: select }
  const archived = plan.archivedAt !== null
  const canManage = canManagePlan(workspace.me)
  const unarchive = useArchivePlan(workspace.id, plan.id)
  // The same live query as the Health button: the section rows count what it asks of each section.
  const findings = usePlanHealth(plan, me).data
  const [sectionsShown, setSectionsShown] = useSideColumn('sections')
  const listProps: SectionListProps = {
    sections,
    departments: workspace.departments,
    membership: workspace.me,
    selectedId: selected?.id ?? null,
    onSelect: select,
    presence: inSection,
    ...(findings ? { findings } : {}),
  }
  const pane = selected && (
    <SectionPane
      key={selected.id}
      {...viewProps}
      section={selected}
      here={inSection(selected.id)}
      onRemoveNetwork={() => setRemoving(selected)}
    />
  )

  return (
    <>
      {archived && (
        <Alert
          color="gray"
          icon={<IconArchive size={18} />}
          title="This plan is archived"
          mb="md"
          data-testid="archived-banner"
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">Everyone can read and export it; nobody can change it until it is unarchived.</Text>
            {canManage && (
              <Button size="xs" variant="default" loading={unarchive.isPending} onClick={() => unarchive.mutate(false)}>
                Unarchive
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <PlanHeader
        {...viewProps}
        view={view}
        onView={showView}
        people={people}
        compact={compact}
        picker={narrow && selected && <SectionPicker {...listProps} current={selected} />}
      />
      {view === 'calendar' && <PlanCalendar {...viewProps} />}
      <Suspense fallback={<PageLoader label="Loading…" />}>
        {view === 'overview' && <PlanOverview {...viewProps} />}
        {view === 'activity' && <ActivityFeed {...viewProps} />}
      </Suspense>
      {view === 'sections' &&
        (narrow ? (
          (pane ?? <SectionList {...listProps} />)
        ) : (
          <div className={classes.columns} data-collapsed={sectionsShown === false || undefined}>
            {sectionsShown === false ? (
              <SideToggle
                label="Show sections"
                icon={IconLayoutSidebarLeftExpand}
                onClick={() => setSectionsShown(true)}
              />
            ) : (
              <nav className={classes.sectionsColumn} aria-label="Sections">
                <Group justify="space-between" wrap="nowrap" mb="xs">
                  <Text fw={650} size="sm">
                    Sections
                  </Text>
                  <SideToggle
                    label="Hide sections"
                    icon={IconLayoutSidebarLeftCollapse}
                    onClick={() => setSectionsShown(false)}
                  />
                </Group>
                <SectionList {...listProps} />
              </nav>
            )}
            <div>{pane}</div>
          </div>
        ))}
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove ${removing?.title ?? 'this network'}?`}
        confirmLabel="Remove network"
        loading={removeNetwork.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          removeNetwork.mutate(removing, {
            onSuccess: () => {
              setRemoving(null)
              select(null)
            },
          })
        }
      >
        <Text size="sm">
          Its section is archived, not deleted: adding the network again brings it back with everything written in it.
        </Text>
      </ConfirmDialog>
    </>
  )
}
