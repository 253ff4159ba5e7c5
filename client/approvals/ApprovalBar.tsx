import { possessive } from '../../shared/text'
import { Alert, Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle, IconCheck, IconMessageReport, IconSend, IconShieldCheck } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { DepartmentApproval } from '../../shared/approvals/schema'
import { whyNotDecide } from '../../shared/approvals/transitions'
import type { Section } from '../../shared/plans/schema'
import { refetchAfterNews, usePlanNews } from '../activity/live'
import { approvalKeys, useApprovals, useDecideObjectives, useSubmitObjectives } from '../api/approvals'
import type { PlanViewProps } from '../plans/plan-views'
import { formatDateTime, fromNow } from '../ui/format'
import { ChangesTable } from './ChangesTable'
import { lazyWhenOpened } from '../ui/lazy-when-opened'
import { APPROVAL_STATES } from '../../shared/approvals/states'

const RequestChangesModal = lazyWhenOpened(() => import('./RequestChangesModal').then((m) => m.RequestChangesModal))

/** Refetch the plan's approvals whenever the server says they moved (a decision, a submission, staleness). */
export function useLiveApprovals(planId: string) {
  const queryClient = useQueryClient()
  usePlanNews(planId, ['approvals'], () => void refetchAfterNews(queryClient, approvalKeys.plan(planId)))
  return useApprovals(planId)
}

function When({ at }: { at: number | null }) {
  if (at === null) return null
  return (
    <Tooltip label={formatDateTime(at)}>
      <span>{fromNow(at)}</span>
    </Tooltip>
  )
}

/** One sentence: who did what, when. */
function Story({ approval, leads }: { approval: DepartmentApproval; leads: string[] }) {
  const { state, submittedBy, submittedAt, decidedBy, decidedAt, staleAt } = approval
  const waitingFor = leads.length ? leads.join(' or ') : `a lead of ${approval.departmentName} (none is set yet)`
  switch (state) {
    case 'draft':
      return <>{decidedBy ? 'Back to draft.' : 'Not submitted for approval yet.'}</>
    case 'submitted':
      return (
        <>
          Submitted by {submittedBy?.name ?? 'someone'} <When at={submittedAt} />; waiting for {waitingFor}.
        </>
      )
    case 'approved':
      return (
        <>
          Approved by {decidedBy?.name ?? 'the lead'} <When at={decidedAt} />.
        </>
      )
    case 'changes_requested':
      return (
        <>
          Changes requested by {decidedBy?.name ?? 'the lead'} <When at={decidedAt} />.
        </>
      )
    case 'stale':
      return (
        <>
          Approved by {decidedBy?.name ?? 'the lead'} <When at={decidedAt} />, then edited <When at={staleAt} />: the
          approval no longer covers them.
        </>
      )
  }
}

/**
 * The approval of a department's objectives, at the top of its Objectives section: where it stands,
 * who decided and when, the actions the caller may take, and what changed since the last decision.
 */
export function ApprovalBar({ plan, workspace, section }: PlanViewProps & { section: Section }) {
  const approvals = useLiveApprovals(plan.id)
  const submit = useSubmitObjectives(plan.id)
  const decide = useDecideObjectives(plan.id)
  const [asking, setAsking] = useState(false)
  const [showChanges, changes] = useDisclosure(false)
  const departmentId = section.ownerDepartmentId
  const approval = approvals.data?.find((a) => a.departmentId === departmentId)
  if (!departmentId || !approval) return null

  const { state, abilities } = approval
  const look = APPROVAL_STATES[state]
  const leads = workspace.members.filter((m) => m.leadOf.includes(departmentId)).map((m) => m.name)
  const mayApprove = abilities.decide && whyNotDecide(state, 'approve') === null
  const mayRequest = abilities.decide && whyNotDecide(state, 'request_changes') === null
  const diff = approval.changes ?? []
  const reviewing = state === 'stale' || (state === 'submitted' && approval.snapshot !== null)
  const approve = () => decide.mutate({ departmentId, decision: 'approve', hash: approval.currentHash })

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      mb="md"
      data-testid="approval-bar"
      data-state={state}
      aria-label={`Approval of ${possessive(approval.departmentName)} objectives`}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0, flex: '1 1 260px' }}>
          <IconShieldCheck size={18} color={`var(--mantine-color-${look.color}-6)`} style={{ flexShrink: 0 }} />
          <Badge
            color={look.color}
            variant={state === 'approved' ? 'filled' : 'light'}
            data-testid="approval-state"
            style={{ flexShrink: 0 }}
          >
            {look.label}
          </Badge>
          <Text size="sm" c="dimmed" style={{ minWidth: 0 }}>
            <Story approval={approval} leads={leads} />
          </Text>
        </Group>
        <Group gap={6}>
          {/* A lead who may approve as things stand needs no submission to themselves. */}
          {abilities.submit && !mayApprove && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconSend size={14} />}
              loading={submit.isPending}
              onClick={() => submit.mutate(departmentId)}
            >
              {state === 'changes_requested' || state === 'stale' ? 'Resubmit for approval' : 'Submit for approval'}
            </Button>
          )}
          {mayRequest && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconMessageReport size={14} />}
              onClick={() => setAsking(true)}
            >
              Request changes
            </Button>
          )}
          {mayApprove && (
            <Button
              size="compact-sm"
              color="teal"
              leftSection={<IconCheck size={14} />}
              loading={decide.isPending && decide.variables?.decision === 'approve'}
              onClick={approve}
            >
              {state === 'stale' ? 'Re-approve' : 'Approve'}
            </Button>
          )}
        </Group>
      </Group>

      {state === 'changes_requested' && approval.reason && (
        <Alert variant="light" color="orange" mt="sm" p="xs" title="What should change" data-testid="approval-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {approval.reason}
          </Text>
        </Alert>
      )}

      {state === 'stale' && (
        <Stack gap={6} mt="sm">
          <Group gap={6} wrap="nowrap">
            <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
            <Text size="sm" fw={600}>
              {diff.length === 0
                ? 'Edited since approval, but back to what was approved.'
                : `What changed since the approval (${diff.length} ${diff.length === 1 ? 'change' : 'changes'})`}
            </Text>
          </Group>
          {diff.length > 0 && (
            <ChangesTable changes={diff} snapshot={approval.snapshot} plan={plan} members={workspace.members} />
          )}
        </Stack>
      )}

      {state === 'submitted' && reviewing && diff.length > 0 && (
        <>
          <Anchor component="button" size="sm" mt="xs" onClick={changes.toggle}>
            {showChanges ? 'Hide' : 'Show'} what changed since the last decision ({diff.length})
          </Anchor>
          <Collapse expanded={showChanges}>
            <Stack mt="xs">
              <ChangesTable changes={diff} snapshot={approval.snapshot} plan={plan} members={workspace.members} />
            </Stack>
          </Collapse>
        </>
      )}

      <RequestChangesModal
        opened={asking}
        departmentName={approval.departmentName}
        submitter={approval.submittedBy?.name ?? null}
        loading={decide.isPending && decide.variables?.decision === 'request_changes'}
        onClose={() => setAsking(false)}
        onSubmit={(reason) =>
          decide.mutate(
            { departmentId, decision: 'request_changes', reason, hash: approval.currentHash },
            { onSuccess: () => setAsking(false) },
          )
        }
      />
    </Paper>
  )
}
