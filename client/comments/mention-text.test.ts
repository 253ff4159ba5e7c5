import { describe, expect, it } from 'vitest'
import { mentionedIds, plainCommentText } from '../../shared/comments/mentions'
import { fromMarkup, segments, toMarkup } from './mention-text'

const sam = { id: 'u_sam', name: 'Sam' }
const samSales = { id: 'u_sam_sales', name: 'Sam Sales' }

describe('mentions in the composer', () => {
  it('writes picked people as the markup the server reads, longest names first', () => {
    const { body, mentions } = toMarkup('@Sam Sales and @Sam, see this', [sam, samSales])
    expect(body).toBe('@[Sam Sales](u_sam_sales) and @[Sam](u_sam), see this')
    expect(mentionedIds(body)).toEqual(['u_sam_sales', 'u_sam'])
    expect(mentions.sort()).toEqual(['u_sam', 'u_sam_sales'])
    expect(plainCommentText(body)).toBe('@Sam Sales and @Sam, see this')
  })

  it('forgets people picked and then erased from the text', () => {
    expect(toMarkup('nobody here', [sam])).toEqual({ body: 'nobody here', mentions: [] })
    expect(toMarkup('@Samantha is not Sam', [sam])).toEqual({ body: '@Samantha is not Sam', mentions: [] })
  })

  it('reads stored comments back for editing and display', () => {
    const body = 'Hi @[Sam Sales](u_sam_sales)!'
    expect(fromMarkup(body)).toBe('Hi @Sam Sales!')
    expect(segments(body)).toEqual([
      { text: 'Hi ' },
      { mention: { name: 'Sam Sales', id: 'u_sam_sales' } },
      { text: '!' },
    ])
  })
})
