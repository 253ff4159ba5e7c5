import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { LIMITS } from '../../shared/limits'
import { possessive } from '../../shared/text'

/** A lead asks for changes: the reason is required, since the department's editors act on it. */
export function RequestChangesModal(props: {
  opened: boolean
  departmentName: string
  submitter: string | null
  loading: boolean
  onClose: () => void
  onSubmit: (reason: string) => void
}) {
  const { opened, departmentName, submitter, loading, onClose, onSubmit } = props
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const trimmed = reason.trim()
  const error =
    touched && !trimmed
      ? 'Say what should change: a reason is required.'
      : trimmed.length > LIMITS.approvalReasonLength
        ? `At most ${LIMITS.approvalReasonLength} characters.`
        : null
  const send = () => {
    setTouched(true)
    if (trimmed && trimmed.length <= LIMITS.approvalReasonLength) onSubmit(trimmed)
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>Request changes to {possessive(departmentName)} objectives</Text>}
      onExitTransitionEnd={() => (setReason(''), setTouched(false))}
    >
      <Stack gap="md">
        <Textarea
          label="What should change"
          description={
            submitter
              ? `${submitter} and the department's editors will see this.`
              : "The department's editors will see this."
          }
          placeholder="e.g. The lead target is not realistic for Q1; split it by quarter."
          autosize
          minRows={3}
          maxRows={10}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={error}
          required
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" loading={loading} onClick={send}>
            Request changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
