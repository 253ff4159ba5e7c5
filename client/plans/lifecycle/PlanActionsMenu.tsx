import { ActionIcon, Menu, Modal, Text, Tooltip } from '@mantine/core'
import { IconArchive, IconArchiveOff, IconCopy, IconDots, IconTemplate, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { PlanTitleBody } from '../../../shared/plans/schema'
import { useArchivePlan, useDeletePlan, useDuplicatePlan } from '../../api/plans'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { SingleFieldForm } from '../../ui/forms'
import { nextYearTitle } from './next-title'
import { SaveAsTemplateModal } from './SaveAsTemplateModal'

interface Props {
  workspaceId: string
  plan: { id: string; title: string; archivedAt: number | null }
  canDuplicate: boolean
  /** Owners and admins: save as a template, archive, unarchive, delete. */
  canManage: boolean
}

/** What can be done with the plan as a document: start next year's from it, save it as a template, archive it, delete it. */
export function PlanActionsMenu({ workspaceId, plan, canDuplicate, canManage }: Props) {
  const navigate = useNavigate()
  const duplicate = useDuplicatePlan(workspaceId, plan.id)
  const archive = useArchivePlan(workspaceId, plan.id)
  const remove = useDeletePlan(workspaceId, plan.id)
  const [dialog, setDialog] = useState<'duplicate' | 'template' | 'delete' | null>(null)
  if (!canDuplicate && !canManage) return null
  const archived = plan.archivedAt !== null
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label="Plan actions">
            <ActionIcon variant="default" size="lg" aria-label="Plan actions">
              <IconDots size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {canDuplicate && (
            <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => setDialog('duplicate')}>
              Start next year’s plan from this one
            </Menu.Item>
          )}
          {canManage && (
            <Menu.Item leftSection={<IconTemplate size={16} />} onClick={() => setDialog('template')}>
              Save as template…
            </Menu.Item>
          )}
          {canManage && (
            <Menu.Item
              leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              onClick={() => archive.mutate(!archived)}
            >
              {archived ? 'Unarchive' : 'Archive'}
            </Menu.Item>
          )}
          {canManage && (
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog('delete')}>
              Delete plan…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === 'duplicate'}
        onClose={() => setDialog(null)}
        title={<Text fw={650}>Start next year’s plan</Text>}
      >
        <SingleFieldForm
          schema={PlanTitleBody}
          field="title"
          label="Title of the new plan"
          initialValue={nextYearTitle(plan.title)}
          description="Every section is copied as it is now. Comments and history stay here; approvals start again as drafts."
          submitLabel="Create the plan"
          onSubmit={async (title) => {
            const copy = await duplicate.mutateAsync(title)
            void navigate(`/w/${workspaceId}/plans/${copy.id}`)
          }}
          onDone={() => setDialog(null)}
          onCancel={() => setDialog(null)}
        />
      </Modal>
      <SaveAsTemplateModal
        opened={dialog === 'template'}
        onClose={() => setDialog(null)}
        workspaceId={workspaceId}
        plan={plan}
      />
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
              void navigate(`/w/${workspaceId}`)
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
