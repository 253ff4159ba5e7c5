import { Modal, Text } from '@mantine/core'
import { CreateWorkspaceForm } from './CreateWorkspaceForm'

/** "Create workspace" from the workspace switcher. */
export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Create a workspace</Text>}>
      <CreateWorkspaceForm onDone={onClose} onCancel={onClose} />
    </Modal>
  )
}
