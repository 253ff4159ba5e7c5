import { Modal, Text } from '@mantine/core'
import { PlanTitleBody } from '../../../shared/plans/schema'
import { SingleFieldForm } from '../../ui/forms'
import { nextYearTitle } from './next-title'

/** "Start next year's plan from this one": the new plan's title, proposed from this one's. */
export function DuplicatePlanModal(props: {
  opened: boolean
  onClose: () => void
  /** The title of the plan being copied. */
  title: string
  onSubmit: (title: string) => Promise<void>
}) {
  const { opened, onClose, title, onSubmit } = props
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Start next year’s plan</Text>}>
      <SingleFieldForm
        schema={PlanTitleBody}
        field="title"
        label="Title of the new plan"
        initialValue={nextYearTitle(title)}
        description="Every section is copied as it is now. Comments and history stay here; approvals start again as drafts."
        submitLabel="Create the plan"
        onSubmit={onSubmit}
        onDone={onClose}
        onCancel={onClose}
      />
    </Modal>
  )
}
