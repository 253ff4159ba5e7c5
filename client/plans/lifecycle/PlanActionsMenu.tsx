import { ActionIcon, Menu, Tooltip } from '@mantine/core'
import {
  IconArchive,
  IconArchiveOff,
  IconCalendarShare,
  IconCopy,
  IconDots,
  IconPlus,
  IconShare,
  IconTemplate,
  IconTrash,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useLocation } from 'wouter'
import type { Plan } from '../../../shared/plans/schema'
import type { Department } from '../../../shared/workspaces/schema'
import { useArchivePlan, useDeletePlan, useDuplicatePlan } from '../../api/plans'
import { ExportItems } from '../../export/ExportMenu'
import { ShareDialogWhenOpened as ShareDialog } from '../../shares/ShareButton'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { lazyWhenOpened } from '../../ui/lazy-when-opened'

// Each dialog's code loads when it is first opened: most visits to a plan open none of them.
const CalendarFeedDialog = lazyWhenOpened(() =>
  import('../../calendar-feed/CalendarFeedDialog').then((m) => m.CalendarFeedDialog),
)
const AddNetworkDialog = lazyWhenOpened(() => import('../../sections/AddNetworkDialog').then((m) => m.AddNetworkDialog))
const DuplicatePlanModal = lazyWhenOpened(() => import('./DuplicatePlanModal').then((m) => m.DuplicatePlanModal))
const SaveAsTemplateModal = lazyWhenOpened(() => import('./SaveAsTemplateModal').then((m) => m.SaveAsTemplateModal))

export interface PlanActionsMenuProps {
  workspaceId: string
  plan: Plan
  departments: readonly Department[]
  /** On phones the header keeps only this menu, so export and share move into it. */
  compact: boolean
  can: {
    duplicate: boolean
    /** Owners and admins: save as a template, archive, unarchive, delete. */
    manage: boolean
    share: boolean
    subscribe: boolean
    addNetwork: boolean
  }
  onNetworkAdded: (sectionId: string) => void
}

type Dialog = 'duplicate' | 'template' | 'delete' | 'share' | 'calendar' | 'network'

/**
 * The plan's secondary actions, out of the header's way: subscribe to its dates, add a network, and
 * what can be done with it as a document (start next year's from it, save it as a template, archive
 * it, delete it).
 */
export function PlanActionsMenu({
  workspaceId,
  plan,
  departments,
  compact,
  can,
  onNetworkAdded,
}: PlanActionsMenuProps) {
  const [, navigate] = useLocation()
  const duplicate = useDuplicatePlan(workspaceId, plan.id)
  const archive = useArchivePlan(workspaceId, plan.id)
  const remove = useDeletePlan(workspaceId, plan.id)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const close = () => setDialog(null)
  const archived = plan.archivedAt !== null
  if (!compact && !can.duplicate && !can.manage && !can.subscribe && !can.addNetwork) return null
  return (
    <>
      <Menu position="bottom-end" withinPortal width={compact ? 260 : undefined}>
        <Menu.Target>
          <Tooltip label="Plan actions">
            <ActionIcon variant="default" size="lg" aria-label="Plan actions">
              <IconDots size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {compact && <ExportItems planId={plan.id} />}
          {compact && can.share && (
            <Menu.Item leftSection={<IconShare size={16} />} onClick={() => setDialog('share')}>
              Share a read-only link…
            </Menu.Item>
          )}
          {compact && <Menu.Divider />}
          {can.subscribe && (
            <Menu.Item leftSection={<IconCalendarShare size={16} />} onClick={() => setDialog('calendar')}>
              Subscribe in your calendar…
            </Menu.Item>
          )}
          {can.addNetwork && (
            <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setDialog('network')}>
              Add a network…
            </Menu.Item>
          )}
          {(can.subscribe || can.addNetwork) && (can.duplicate || can.manage) && <Menu.Divider />}
          {can.duplicate && (
            <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => setDialog('duplicate')}>
              Start next year’s plan from this one
            </Menu.Item>
          )}
          {can.manage && (
            <Menu.Item leftSection={<IconTemplate size={16} />} onClick={() => setDialog('template')}>
              Save as template…
            </Menu.Item>
          )}
          {can.manage && (
            <Menu.Item
              leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              onClick={() => archive.mutate(!archived)}
            >
              {archived ? 'Unarchive' : 'Archive'}
            </Menu.Item>
          )}
          {can.manage && (
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog('delete')}>
              Delete plan…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ShareDialog planId={plan.id} opened={dialog === 'share'} onClose={close} />
      <CalendarFeedDialog planId={plan.id} opened={dialog === 'calendar'} onClose={close} />
      <AddNetworkDialog
        planId={plan.id}
        sections={plan.sections}
        departments={departments}
        opened={dialog === 'network'}
        onClose={close}
        onAdded={onNetworkAdded}
      />
      <DuplicatePlanModal
        opened={dialog === 'duplicate'}
        onClose={close}
        title={plan.title}
        onSubmit={async (title) => {
          const copy = await duplicate.mutateAsync(title)
          navigate(`/w/${workspaceId}/plans/${copy.id}`)
        }}
      />
      <SaveAsTemplateModal opened={dialog === 'template'} onClose={close} workspaceId={workspaceId} plan={plan} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={`Delete “${plan.title}”?`}
        confirmLabel="Delete plan"
        loading={remove.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          remove.mutate(plan.title, {
            onSuccess: () => {
              setDialog(null)
              navigate(`/w/${workspaceId}`)
            },
          })
        }
      >
        Every section, comment, approval and version of “{plan.title}” is deleted for everyone, and cannot be brought
        back. To keep it out of the way but readable, archive it instead.
      </ConfirmDialog>
    </>
  )
}
