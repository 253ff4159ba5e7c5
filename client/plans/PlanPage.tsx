import { Button, Drawer, Grid, Text } from '@mantine/core'
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks'
import { Link, useParams, useSearchParams } from 'react-router'
import { usePlan } from '../api/plans'
import { fromNow } from '../ui/format'
import { PageHeader } from '../ui/PageHeader'
import { ErrorState, PageLoader } from '../ui/states'
import { useCurrentWorkspace } from '../workspaces/current'
import { SectionDetails } from './SectionDetails'
import { SectionList } from './SectionList'

/** A plan: its sections under the six steps, and the chosen one beside them (kept in the URL). */
export function PlanPage() {
  const { planId = '' } = useParams()
  const { workspace } = useCurrentWorkspace()
  const plan = usePlan(planId)
  const [search, setSearch] = useSearchParams()
  useDocumentTitle(plan.data ? `${plan.data.title} · Planroom` : 'Planroom')
  const narrow = useMediaQuery('(max-width: 62em)') ?? false

  if (plan.isPending) return <PageLoader label="Opening the plan…" />
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

  const { sections } = plan.data
  const selected = sections.find((s) => s.id === search.get('section')) ?? null
  const editable = sections.filter((s) => s.abilities.edit).length
  const membership = workspace.me

  return (
    <>
      <PageHeader
        title={plan.data.title}
        description={`${sections.length} sections · you can edit ${editable === sections.length ? 'all of them' : editable} · updated ${fromNow(plan.data.updatedAt)}`}
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SectionList
            sections={sections}
            departments={workspace.departments}
            membership={membership}
            selectedId={selected?.id ?? null}
            onSelect={(id) => setSearch({ section: id }, { replace: true })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 24px)' }}>
            <SectionDetails section={narrow ? null : selected} departments={workspace.departments} membership={membership} />
          </div>
        </Grid.Col>
      </Grid>
      {/* Below the two-column width the chosen section slides up over the list instead of landing far below it. */}
      <Drawer
        opened={narrow && selected !== null}
        onClose={() => setSearch({}, { replace: true })}
        position="bottom"
        size="min(60dvh, 480px)"
        radius="lg"
        withCloseButton
        title={<Text size="sm" c="dimmed" fw={600}>{plan.data.title}</Text>}
      >
        <SectionDetails section={selected} departments={workspace.departments} membership={membership} framed={false} />
      </Drawer>
    </>
  )
}
