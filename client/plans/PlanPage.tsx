import { Alert, Button, Grid, Group, SegmentedControl, Text } from '@mantine/core'
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks'
import { IconArchive, IconArrowLeft } from '@tabler/icons-react'
import { Suspense, lazy, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { Plan, Section } from '../../shared/plans/schema'
import { canManagePlan } from '../../shared/workspaces/permissions'
import { useArchivePlan, usePlan, useRemoveNetwork } from '../api/plans'
import { PlanActionsMenu } from './lifecycle/PlanActionsMenu'
import { PlanTitle } from './lifecycle/PlanTitle'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import { usePlanPresence } from '../presence/usePlanPresence'
import { AddNetworkButton } from '../sections/AddNetworkButton'
import { SectionPane } from '../sections/SectionPane'
import { SaveStatus } from '../sync/SaveStatus'
import type { Presence } from '../sync/section-connection'
import { useMyPresence } from '../sync/useRoom'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { fromNow } from '../ui/format'
import { PageHeader } from '../ui/PageHeader'
import { ErrorState, PageLoader } from '../ui/states'
import { type CurrentWorkspace, useCurrentWorkspace } from '../workspaces/current'
import { PlanCalendar } from '../calendar/PlanCalendar'
import { HealthButton } from '../health/HealthButton'
import { CalendarFeedButton } from '../calendar-feed/CalendarFeedButton'
import { ExportMenu } from '../export/ExportMenu'
import { ShareButton } from '../shares/ShareDialog'
import { canSharePlan } from '../../shared/shares/permissions'
import { PLAN_VIEWS, type PlanViewProps, planViewOf } from './plan-views'
import { SectionList } from './SectionList'

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
  const narrow = useMediaQuery('(max-width: 62em)') ?? false
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
  const editable = sections.filter((s) => s.abilities.edit).length
  const viewProps: PlanViewProps = { plan, workspace, me, openSection: select }
  const archived = plan.archivedAt !== null
  const canCreate = workspace.abilities.createPlans
  const canManage = canManagePlan(workspace.me)
  const unarchive = useArchivePlan(workspace.id, plan.id)

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
      <PageHeader
        order={1}
        title={<PlanTitle workspaceId={workspace.id} plan={plan} canRename={canCreate && !archived} />}
        description={`${sections.length} sections · you can edit ${editable === sections.length ? 'all of them' : editable} · updated ${fromNow(plan.updatedAt)}`}
        actions={
          <Group gap="sm">
            <PresenceAvatars people={people} />
            <SaveStatus />
            <HealthButton {...viewProps} />
            <ExportMenu planId={plan.id} />
            {editable > 0 && <CalendarFeedButton planId={plan.id} />}
            {canSharePlan(workspace.me) && <ShareButton planId={plan.id} />}
            {canCreate && !archived && (
              <AddNetworkButton
                planId={plan.id}
                sections={sections}
                departments={workspace.departments}
                onAdded={select}
              />
            )}
            <PlanActionsMenu workspaceId={workspace.id} plan={plan} canDuplicate={canCreate} canManage={canManage} />
          </Group>
        }
      />
      <SegmentedControl data={[...PLAN_VIEWS]} value={view} onChange={showView} mb="lg" aria-label="Plan view" />
      {view === 'calendar' && <PlanCalendar {...viewProps} />}
      <Suspense fallback={<PageLoader label="Loading…" />}>
        {view === 'overview' && <PlanOverview {...viewProps} />}
        {view === 'activity' && <ActivityFeed {...viewProps} />}
      </Suspense>
      {view === 'sections' && (
        <>
          {narrow && selected && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconArrowLeft size={14} />}
              mb="sm"
              onClick={() => select(null)}
            >
              All sections
            </Button>
          )}
          <Grid gap="xl">
            {!(narrow && selected) && (
              <Grid.Col span={{ base: 12, md: 4 }}>
                <SectionList
                  sections={sections}
                  departments={workspace.departments}
                  membership={workspace.me}
                  selectedId={selected?.id ?? null}
                  onSelect={select}
                  presence={inSection}
                />
              </Grid.Col>
            )}
            {selected && (
              <Grid.Col span={{ base: 12, md: 8 }}>
                <SectionPane
                  key={selected.id}
                  {...viewProps}
                  section={selected}
                  here={inSection(selected.id)}
                  onRemoveNetwork={() => setRemoving(selected)}
                />
              </Grid.Col>
            )}
          </Grid>
        </>
      )}
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
