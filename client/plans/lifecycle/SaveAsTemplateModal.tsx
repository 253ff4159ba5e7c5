import { Modal, Text } from '@mantine/core'
import { SaveTemplateBody } from '../../../shared/templates/schema'
import { useSaveAsTemplate } from '../../api/templates'
import { SingleFieldForm } from '../../ui/forms'

interface Props {
  opened: boolean
  onClose: () => void
  workspaceId: string
  plan: { id: string; title: string }
}

/** Name a template made of the plan as it is now; the workspace's new plans can then start from it. */
export function SaveAsTemplateModal({ opened, onClose, workspaceId, plan }: Props) {
  const save = useSaveAsTemplate(workspaceId, plan.id)
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Save as template</Text>}>
      <SingleFieldForm
        schema={SaveTemplateBody}
        field="name"
        label="Template name"
        initialValue={plan.title}
        description="Every section is saved as it is now, for the people of this workspace to start new plans from. Comments, history and approvals are not part of it."
        submitLabel="Save template"
        onSubmit={async (name) => {
          await save.mutateAsync(name)
        }}
        onDone={onClose}
        onCancel={onClose}
      />
    </Modal>
  )
}
