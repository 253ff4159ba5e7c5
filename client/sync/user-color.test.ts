import { describe, expect, it } from 'vitest'
import { AA, contrast } from '../ui/contrast'
import { PALETTE, userColor } from './user-color'

describe('userColor', () => {
  it('gives every person a colour their white initials read on', () => {
    const weak = PALETTE.filter((c) => contrast(c, '#ffffff') < AA)
    expect(weak).toEqual([])
  })

  it('gives the same person the same colour', () => {
    expect(userColor('user-1')).toBe(userColor('user-1'))
    expect(PALETTE).toContain(userColor('user-2'))
  })
})
