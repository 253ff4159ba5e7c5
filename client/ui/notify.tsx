import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { errorMessage } from '../api/errors'

export function notifySuccess(message: string) {
  notifications.show({ message, color: 'teal', icon: <IconCheck size={18} />, autoClose: 3500 })
}

/** Shows the server's sentence (or a plain one for network failures); errors stay a little longer. */
export function notifyError(error: unknown, title?: string) {
  notifications.show({
    title,
    message: errorMessage(error),
    color: 'red',
    icon: <IconAlertTriangle size={18} />,
    autoClose: 7000,
  })
}
