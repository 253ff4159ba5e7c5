import { Badge, Skeleton, Stack, Text, Tooltip } from '@mantine/core'
import { formatDateTime } from '../ui/format'
import { useLiveApprovals } from './ApprovalBar'
import { APPROVAL_STATES } from '../../shared/approvals/states'

/** Where a department's objectives stand, as a compact badge (with who decided and when on hover); live. */
export function DepartmentApproval({ planId, departmentId }: { planId: string; departmentId: string }) {
  const approvals = useLiveApprovals(planId)
  if (approvals.isPending) return <Skeleton h={20} w={80} radius="sm" />
  const approval = approvals.data?.find((a) => a.departmentId === departmentId)
  if (!approval) return null
  const look = APPROVAL_STATES[approval.state]
  const who =
    approval.state === 'submitted'
      ? approval.submittedBy && `Submitted by ${approval.submittedBy.name}, ${formatDateTime(approval.submittedAt!)}`
      : approval.decidedBy && approval.decidedAt !== null && approval.state !== 'draft'
        ? `${approval.state === 'changes_requested' ? 'Changes requested' : 'Approved'} by ${approval.decidedBy.name}, ${formatDateTime(approval.decidedAt)}`
        : null
  return (
    <Tooltip
      multiline
      w={260}
      label={
        <Stack gap={2}>
          <Text size="xs">{look.hint}</Text>
          {who && <Text size="xs">{who}</Text>}
          {approval.state === 'changes_requested' && approval.reason && <Text size="xs">“{approval.reason}”</Text>}
          {approval.state === 'stale' && approval.changes && (
            <Text size="xs">{approval.changes.length} change(s) since the approval.</Text>
          )}
        </Stack>
      }
    >
      <Badge
        color={look.color}
        variant={approval.state === 'approved' ? 'filled' : 'light'}
        size="sm"
        data-testid="department-approval"
        data-state={approval.state}
      >
        {look.label}
      </Badge>
    </Tooltip>
  )
}
