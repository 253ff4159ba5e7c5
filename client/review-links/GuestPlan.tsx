import { Badge, Box, Container, Grid, Group, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useSearchParams } from 'wouter'
import type { User } from '../../shared/auth/schema'
import type { ReviewLinkInfo } from '../../shared/review-links/schema'
import type { z } from 'zod'
import { keys } from '../api/keys'
import { usePlan } from '../api/plans'
import type { PlanViewProps } from '../plans/plan-views'
import { SectionList } from '../plans/SectionList'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import { usePlanPresence } from '../presence/usePlanPresence'
import { SectionPane } from '../sections/SectionPane'
import type { Presence } from '../sync/section-connection'
import { useSectionRoom } from '../sync/useRoom'
import { userColor } from '../sync/user-color'
import { Logo } from '../ui/Logo'
import { PageHeader } from '../ui/PageHeader'
import { ErrorState, PageLoader } from '../ui/states'
import { guestWorkspace } from './guest-workspace'

interface GuestPlanProps {
  planId: string
  workspaceId: string
  info: z.infer<typeof ReviewLinkInfo>
  me: User
}

/** The one plan a guest may see: its sections and the open one, live, with comments and suggesting. */
export function GuestPlan({ planId, workspaceId, info, me: user }: GuestPlanProps) {
  const plan = usePlan(planId)
  const me = useMemo<Presence>(() => ({ userId: user.id, name: user.name, color: userColor(user.id) }), [user])
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box
        component="header"
        bg="white"
        px={{ base: 'sm', sm: 'lg' }}
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Logo />
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color="yellow">
              Guest reviewer
            </Badge>
            <Text size="sm" fw={500} data-testid="guest-name">
              {user.name}
            </Text>
          </Group>
        </Group>
      </Box>
      <Container size="xl" py="lg">
        {plan.isPending ? (
          <PageLoader label="Opening the plan…" />
        ) : plan.isError ? (
          <ErrorState title="This plan could not be opened" error={plan.error} onRetry={() => void plan.refetch()} />
        ) : (
          <GuestSections
            {...{ plan: plan.data, workspace: guestWorkspace(workspaceId, info), me }}
            invitedBy={info.invitedBy}
          />
        )}
      </Container>
    </Box>
  )
}

function GuestSections({ invitedBy, ...props }: Omit<PlanViewProps, 'openSection'> & { invitedBy: string }) {
  const { plan, workspace, me } = props
  const [search, setSearch] = useSearchParams()
  const selected = plan.sections.find((s) => s.id === search.get('section')) ?? plan.sections[0] ?? null
  const select = (id: string) => setSearch({ section: id }, { replace: true })
  const people = usePlanPresence(plan.id, me, selected?.id ?? null)
  const inSection = (sectionId: string) => people.filter((p) => p.sectionId === sectionId)

  return (
    <>
      <PageHeader
        order={1}
        title={plan.title}
        description={`Shared with you by ${invitedBy} · you can read, comment and suggest changes`}
        actions={<PresenceAvatars people={people} />}
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SectionList
            sections={plan.sections}
            departments={workspace.departments}
            membership={workspace.me}
            selectedId={selected?.id ?? null}
            onSelect={select}
            presence={inSection}
          />
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, md: 8 }}>
            <CutOffWatch sectionId={selected.id} me={me} />
            <SectionPane
              key={selected.id}
              {...props}
              openSection={select}
              section={selected}
              here={inSection(selected.id)}
            />
          </Grid.Col>
        )}
      </Grid>
    </>
  )
}

/**
 * Revoking the link ends the guest's session and closes their sockets: when the open section's connection
 * ends for good, ask who this is again; the answer (nobody) turns the page into "no longer works".
 */
function CutOffWatch({ sectionId, me }: { sectionId: string; me: Presence }) {
  const queryClient = useQueryClient()
  const connection = useSectionRoom(sectionId, me)
  useEffect(
    () => connection?.onFinal(() => void queryClient.invalidateQueries({ queryKey: keys.me })),
    [connection, queryClient],
  )
  return null
}
