import { useEffect } from 'react'
import { REFUSAL } from '../../shared/sync/protocol'
import { notifyError } from '../ui/notify'
import type { RoomConnection } from './section-connection'

/** A write the server refused or corrected (rights changed meanwhile, a value repaired), said out loud. */
export function sayWriteNotice(notice: { code: string; message: string }) {
  notifyError(
    new Error(notice.message),
    notice.code === REFUSAL.repaired ? 'Your change was corrected' : 'Your change was not saved',
  )
}

/** Says the write notices of these rooms for as long as the component shows them. */
export function useWriteNotices(rooms: ReadonlyMap<string, RoomConnection>) {
  useEffect(() => {
    const offs = [...rooms.values()].map((room) => room.onNotice(sayWriteNotice))
    return () => offs.forEach((off) => off())
  }, [rooms])
}
