import './overview.css'
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { IconAlertCircle, IconAlertTriangle, IconCheck, IconInfoCircle, IconTarget } from '@tabler/icons-react'
import { useMemo } from 'react'
import type { Finding, Severity } from '../../shared/health/schema'
import { type SectionModel, readSection } from '../../shared/plan-model/model'
import type { Objective } from '../../shared/plan-model/schema'
import type { Section } from '../../shared/plans/schema'
import { DepartmentApproval } from '../approvals/DepartmentApproval'
import { usePlanHealth } from '../health/use-plan-health'
import { useLiveSections } from '../calendar/useLiveSections'
import { personName } from '../calendar/labels'
import type { PlanViewProps } from '../plans/plan-views'
import { ErrorState } from '../ui/states'
import { type StepProgress, findingsOf, hasContent, planProgress } from './plan-progress'
import { formatNumber } from '../ui/format'

const SEVERITY: Record<Severity, { color: string; icon: typeof IconAlertCircle; rank: number }> = {
  error: { color: 'red', icon: IconAlertCircle, rank: 0 },
  warning: { color: 'yellow', icon: IconAlertTriangle, rank: 1 },
  info: { color: 'blue', icon: IconInfoCircle, rank: 2 },
}
const bySeverity = (a: Finding, b: Finding) => SEVERITY[a.severity].rank - SEVERITY[b.severity].rank
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * The plan at a glance (`?view=overview`): its progress through the six steps, and per department its
 * objectives, its approval, and what the health check says about the sections it owns.
 */
export function PlanOverview({ plan, workspace, me, openSection }: PlanViewProps) {
  // The same live query as the header's Health button (['plan', planId, 'health']): one request, one answer.
  const health = usePlanHealth(plan, me)
  const findings = useMemo(() => findingsOf(health.data), [health.data])

  const sectionIds = useMemo(() => plan.sections.map((s) => s.id), [plan.sections])
  const { rooms, version, loaded } = useLiveSections(sectionIds, me)
  const models = useMemo(() => {
    const out = new Map<string, SectionModel>()
    for (const s of plan.sections) {
      const room = rooms.get(s.id)
      if (room)
        out.set(
          s.id,
          readSection({ id: s.id, kind: s.kind, title: s.title, ownerDepartmentId: s.ownerDepartmentId }, room.doc),
        )
    }
    return out
    // The documents change in place; `version` changes whenever any of them does: read them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is that signal, not a value read here
  }, [rooms, version, plan.sections])

  const steps = planProgress(
    plan.sections,
    (id) => {
      const m = models.get(id)
      return m ? hasContent(m) : false
    },
    findings,
  )
  const concerned = new Set([...models.values()].flatMap((m) => (m.kind === 'overview' ? m.content.departmentIds : [])))
  const sectionById = new Map(plan.sections.map((s) => [s.id, s]))
  const departmentOf = (f: Finding) =>
    f.sectionId === null ? null : (sectionById.get(f.sectionId)?.ownerDepartmentId ?? null)
  const planWide = findings.filter((f) => departmentOf(f) === null).sort(bySeverity)

  return (
    <Stack gap="xl" data-testid="plan-overview">
      <ProgressPanel steps={steps} loading={!loaded} openSection={openSection} />

      {health.isError && (
        <ErrorState
          title="The health check could not be loaded"
          error={health.error}
          onRetry={() => void health.refetch()}
        />
      )}

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3} fz="lg">
              Departments
            </Title>
            <Text size="sm" c="dimmed">
              Each department’s objectives, their approval, and what needs fixing in the sections it owns.
            </Text>
          </div>
          {health.isFetching && <Loader size="xs" aria-label="Checking the plan" />}
        </Group>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          {workspace.departments.map((d) => {
            const sections = plan.sections.filter((s) => s.kind === 'objectives' && s.ownerDepartmentId === d.id)
            const objectives = sections.flatMap((s) => {
              const m = models.get(s.id)
              return m?.kind === 'objectives' ? m.content.objectives.map((o) => ({ objective: o, section: s })) : []
            })
            return (
              <DepartmentCard
                key={d.id}
                planId={plan.id}
                department={d}
                concerned={concerned.has(d.id)}
                sections={sections}
                objectives={objectives}
                loaded={sections.every((s) => models.has(s.id))}
                findings={findings.filter((f) => departmentOf(f) === d.id).sort(bySeverity)}
                members={workspace.members}
                openSection={openSection}
              />
            )
          })}
        </SimpleGrid>
      </Stack>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Shared sections and the whole plan</Text>
          <FindingCounts findings={planWide} />
        </Group>
        {health.isPending ? (
          <Loader size="sm" />
        ) : planWide.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing to fix in the shared sections.
          </Text>
        ) : (
          <FindingList findings={planWide} sections={sectionById} openSection={openSection} limit={8} />
        )}
      </Paper>
    </Stack>
  )
}

function ProgressPanel({
  steps,
  loading,
  openSection,
}: {
  steps: StepProgress[]
  loading: boolean
  openSection: (id: string) => void
}) {
  const done = steps.filter((s) => s.state === 'done').length
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} aria-label="Plan progress">
      <Group justify="space-between" align="flex-end" mb="sm" gap="xs">
        <div>
          <Title order={3} fz="lg">
            Progress through the six steps
          </Title>
          <Text size="sm" c="dimmed">
            A step is done when each of its sections is written and the health check finds no error in them.
          </Text>
        </div>
        <Group gap={8}>
          {loading && <Loader size="xs" aria-label="Reading the sections" />}
          <Text fw={650} data-testid="steps-done">
            {done} of 6 steps done
          </Text>
        </Group>
      </Group>
      <Progress.Root size="md" mb="lg" aria-label={`${done} of 6 steps done`}>
        {steps.map((s) => (
          <Tooltip key={s.step} label={`Step ${s.step}: ${s.title}`}>
            <Progress.Section
              value={100 / 6}
              color={s.state === 'done' ? 'teal' : s.state === 'started' ? 'yellow.5' : 'gray.3'}
              style={{ borderRight: s.step < 6 ? '2px solid var(--mantine-color-body)' : undefined }}
            />
          </Tooltip>
        ))}
      </Progress.Root>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
        {steps.map((s) => (
          <StepTile key={s.step} step={s} openSection={openSection} />
        ))}
      </SimpleGrid>
    </Paper>
  )
}

function StepTile({ step, openSection }: { step: StepProgress; openSection: (id: string) => void }) {
  const target = step.sections.find((s) => !s.written)?.section ?? step.sections[0]?.section
  const written = step.sections.filter((s) => s.written).length
  return (
    <UnstyledButton
      onClick={() => target && openSection(target.id)}
      disabled={!target}
      data-testid={`step-${step.step}`}
      data-state={step.state}
      className="planroom-step"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon
          radius="xl"
          size={30}
          variant={step.state === 'done' ? 'filled' : 'light'}
          color={step.state === 'done' ? 'teal' : step.state === 'started' ? 'yellow' : 'gray'}
          style={{ flex: 'none' }}
        >
          {step.state === 'done' ? (
            <IconCheck size={16} />
          ) : (
            <Text fw={700} size="sm">
              {step.step}
            </Text>
          )}
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            Step {step.step} ·{' '}
            {step.state === 'done' ? 'Done' : step.state === 'started' ? 'In progress' : 'Not started'}
          </Text>
          <Text size="sm" fw={600} lh={1.3}>
            {step.title}
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            {step.sections.length === 0 ? 'No sections' : `${written} of ${step.sections.length} written`}
            {step.warnings > 0 && ` · ${step.warnings} ${step.warnings === 1 ? 'warning' : 'warnings'}`}
          </Text>
          {step.missing && step.state !== 'todo' && (
            <Text size="xs" c={step.errors > 0 ? 'red.7' : 'dimmed'} mt={2}>
              {step.missing}
            </Text>
          )}
        </div>
      </Group>
    </UnstyledButton>
  )
}

interface DepartmentCardProps {
  planId: string
  department: { id: string; name: string }
  concerned: boolean
  sections: Section[]
  objectives: { objective: Objective; section: Section }[]
  loaded: boolean
  findings: Finding[]
  members: PlanViewProps['workspace']['members']
  openSection: (id: string) => void
}

function DepartmentCard({
  planId,
  department,
  concerned,
  sections,
  objectives,
  loaded,
  findings,
  members,
  openSection,
}: DepartmentCardProps) {
  const onObjective = (id: string) => findings.filter((f) => f.path[0] === 'objectives' && f.path[1] === id)
  const other = findings.filter(
    (f) =>
      !(f.path[0] === 'objectives' && f.path[1] !== undefined && objectives.some((o) => o.objective.id === f.path[1])),
  )
  const objectivesSection = sections[0]
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="department-overview"
      aria-label={`Department: ${department.name}`}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Group gap={8}>
          <Text fw={650} size="lg">
            {department.name}
          </Text>
          {concerned && (
            <Badge size="sm" variant="light" color="brand">
              Concerned
            </Badge>
          )}
        </Group>
        <Group gap={8}>
          <FindingCounts findings={findings} />
          {/* The approval state of this department's objectives (client/approvals). */}
          <DepartmentApproval planId={planId} departmentId={department.id} />
        </Group>
      </Group>

      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6} style={{ letterSpacing: '0.04em' }}>
        Objectives
      </Text>
      {!objectivesSection ? (
        <Text size="sm" c="dimmed">
          This department has no objectives section in this plan.
        </Text>
      ) : !loaded ? (
        <Loader size="xs" />
      ) : objectives.length === 0 ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            No objectives yet.
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => openSection(objectivesSection.id)}>
            Write them
          </Button>
        </Group>
      ) : (
        <Stack gap={8}>
          {objectives.map(({ objective, section }) => (
            <ObjectiveRow
              key={objective.id}
              objective={objective}
              findings={onObjective(objective.id)}
              members={members}
              onOpen={() => openSection(section.id)}
            />
          ))}
        </Stack>
      )}

      {other.length > 0 && (
        <>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="md" mb={6} style={{ letterSpacing: '0.04em' }}>
            To fix in its sections
          </Text>
          <FindingList findings={other} openSection={openSection} limit={5} />
        </>
      )}
    </Paper>
  )
}

function ObjectiveRow({
  objective: o,
  findings,
  members,
  onOpen,
}: {
  objective: Objective
  findings: Finding[]
  members: DepartmentCardProps['members']
  onOpen: () => void
}) {
  const unit = o.unit.trim()
  const amount = (v: number | null) =>
    v === null ? null : `${formatNumber(v)}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`
  const worst = [...findings].sort(bySeverity)[0]
  const facts = [
    o.metric.trim() ? o.metric.trim() : null,
    o.target !== null ? `${o.baseline !== null ? `${amount(o.baseline)} → ` : 'target '}${amount(o.target)}` : null,
    o.deadline ? `by ${dayFormat.format(Date.parse(`${o.deadline}T00:00:00Z`))}` : null,
    o.owner ? personName(members, o.owner) : null,
  ].filter(Boolean)
  return (
    <UnstyledButton onClick={onOpen} data-testid="overview-objective" className="planroom-objective">
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon
          size={22}
          radius="xl"
          variant="light"
          color={worst ? SEVERITY[worst.severity].color : 'teal'}
          style={{ flex: 'none', marginTop: 1 }}
        >
          {worst ? <AlertIcon severity={worst.severity} size={13} /> : <IconTarget size={13} />}
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} lineClamp={2}>
            {o.statement.trim() || 'Objective without a statement'}
          </Text>
          <Text size="xs" c="dimmed">
            {facts.length > 0 ? facts.join(' · ') : 'No metric, target or deadline yet'}
          </Text>
          {findings.map((f, i) => (
            <Text
              key={i}
              size="xs"
              c={SEVERITY[f.severity].color === 'yellow' ? 'yellow.8' : `${SEVERITY[f.severity].color}.7`}
            >
              {f.message}
            </Text>
          ))}
        </div>
      </Group>
    </UnstyledButton>
  )
}

function AlertIcon({ severity, size }: { severity: Severity; size: number }) {
  const Icon = SEVERITY[severity].icon
  return <Icon size={size} />
}

function FindingCounts({ findings }: { findings: Finding[] }) {
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.filter((f) => f.severity === 'warning').length
  if (errors === 0 && warnings === 0) {
    return (
      <Badge size="sm" variant="light" color="teal" leftSection={<IconCheck size={12} />}>
        No issues
      </Badge>
    )
  }
  return (
    <Group gap={4}>
      {errors > 0 && (
        <Badge size="sm" variant="light" color="red">
          {errors} {errors === 1 ? 'error' : 'errors'}
        </Badge>
      )}
      {warnings > 0 && (
        <Badge size="sm" variant="light" color="yellow">
          {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </Badge>
      )}
    </Group>
  )
}

function FindingList({
  findings,
  sections,
  openSection,
  limit,
}: {
  findings: Finding[]
  sections?: Map<string, Section>
  openSection: (id: string) => void
  limit: number
}) {
  const shown = findings.slice(0, limit)
  return (
    <Stack gap={6}>
      {shown.map((f, i) => (
        <Group key={`${f.rule}-${f.sectionId}-${f.path.join('.')}-${i}`} gap={8} wrap="nowrap" align="flex-start">
          <Box
            c={SEVERITY[f.severity].color === 'yellow' ? 'yellow.7' : `${SEVERITY[f.severity].color}.6`}
            style={{ flex: 'none', marginTop: 2 }}
          >
            <AlertIcon severity={f.severity} size={15} />
          </Box>
          {f.sectionId ? (
            <Anchor
              component="button"
              size="sm"
              c="var(--mantine-color-text)"
              ta="left"
              onClick={() => openSection(f.sectionId!)}
            >
              {f.message}
              {sections?.get(f.sectionId) && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  — {sections.get(f.sectionId)!.title}
                </Text>
              )}
            </Anchor>
          ) : (
            <Text size="sm">{f.message}</Text>
          )}
        </Group>
      ))}
      {findings.length > limit && (
        <Text size="xs" c="dimmed">
          and {findings.length - limit} more
        </Text>
      )}
    </Stack>
  )
}
