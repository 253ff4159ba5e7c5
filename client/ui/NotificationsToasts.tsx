// The toasts' component and its transitions, a chunk of their own (see NotificationsHost).
export { Notifications } from '@mantine/notifications'
