import { Modal, Text } from '@mantine/core'
import { useNavigate } from 'react-router'
import { CreatePlanBody } from '../../shared/plans/schema'
import { useCreatePlan } from '../api/plans'
import { SingleFieldForm } from '../ui/forms'
import { useCurrentWorkspace } from '../workspaces/current'

/** Title a new plan; it is created with every section of the six steps and opens at once. */
export function NewPlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace()
  const create = useCreatePlan(workspace.id)
  const navigate = useNavigate()
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>New plan</Text>}>
      <SingleFieldForm
        schema={CreatePlanBody}
        field="title"
        label="Plan title"
        placeholder="Social media strategy 2027"
        description="The plan starts with the sections of the six steps, with objectives for each department."
        submitLabel="Create plan"
        onSubmit={async (title) => {
          const plan = await create.mutateAsync(title)
          void navigate(`/w/${workspace.id}/plans/${plan.id}`)
        }}
        onDone={onClose}
        onCancel={onClose}
      />
    </Modal>
  )
}
