import { useNotifications } from '@mantine/notifications'
import { lazyWhenShown, useWantedOnce } from './lazy-when-opened'

// The toasts' component loads with the first toast: most page loads show none.
const Notifications = lazyWhenShown(async () => (await import('./NotificationsToasts')).Notifications)

/** Where `notifySuccess`/`notifyError` toasts appear; mounted once the store first holds one, then kept. */
export function NotificationsHost() {
  const { notifications, queue } = useNotifications()
  const shown = useWantedOnce(notifications.length + queue.length > 0)
  return shown ? <Notifications position="bottom-right" limit={3} zIndex={1000} /> : null
}
