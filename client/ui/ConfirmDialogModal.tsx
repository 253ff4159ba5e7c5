import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ConfirmDialogProps } from './ConfirmDialog'

/** The confirmation itself, loaded the first time one is asked for (see ConfirmDialog). */
export function ConfirmDialogModal({
  opened,
  title,
  children,
  confirmLabel,
  loading,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed" component="div">
          {children}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
