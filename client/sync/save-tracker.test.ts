import { describe, expect, it } from 'vitest'
import { SaveTracker } from './save-tracker'

const update = Uint8Array.from([0, 2, 1, 0])
const step2 = Uint8Array.from([0, 1, 1, 0])
const step1 = Uint8Array.from([0, 0, 1, 0])
const awareness = Uint8Array.from([1, 1, 0])

describe('SaveTracker', () => {
  it('is saved only when every write message of the socket is acknowledged', () => {
    const t = new SaveTracker()
    t.socketOpened()
    t.localChange()
    t.messageSent(update)
    t.localChange()
    t.messageSent(update)
    t.messageSent(awareness)
    t.messageSent(step1)
    t.acknowledged(1)
    expect(t.current.unsaved).toBe(2)
    t.acknowledged(2)
    expect(t.current.unsaved).toBe(0)
  })

  it('keeps offline changes unsaved until the reconnect step 2 is acknowledged', () => {
    const t = new SaveTracker()
    t.socketOpened()
    t.socketClosed()
    t.localChange()
    t.localChange()
    t.localChange()
    expect(t.current).toMatchObject({ online: false, unsaved: 3 })
    t.socketOpened()
    t.messageSent(step2)
    expect(t.current.unsaved).toBe(3)
    t.acknowledged(1)
    expect(t.current).toMatchObject({ online: true, unsaved: 0 })
  })

  it('never calls a refused change saved', () => {
    const t = new SaveTracker()
    t.socketOpened()
    t.localChange()
    t.messageSent(update)
    t.refusedWrite('read-only')
    t.acknowledged(1)
    expect(t.current.unsaved).toBe(1)
    expect(t.current.refused).toBe('read-only')
  })
})
