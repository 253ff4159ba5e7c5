import { describe, expect, it, vi } from 'vitest'
import { renderPdf } from './render-pdf'

const page = { setContent: vi.fn(() => Promise.resolve()), pdf: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7'))) }
const context = { newPage: vi.fn(() => Promise.resolve(page)), close: vi.fn(() => Promise.resolve()) }
const browser = { newContext: vi.fn(() => Promise.resolve(context)) }
vi.mock('./chromium', () => ({ sharedBrowser: () => Promise.resolve(browser) }))

describe('renderPdf', () => {
  it('gives its slot back when Chromium cannot open a context', async () => {
    // Two failures would have taken both slots for good: the third PDF then waited forever.
    browser.newContext.mockRejectedValueOnce(new Error('no context')).mockRejectedValueOnce(new Error('no context'))
    await expect(renderPdf('<p>a</p>', 'A')).rejects.toThrow('no context')
    await expect(renderPdf('<p>b</p>', 'B')).rejects.toThrow('no context')
    expect(new TextDecoder().decode(await renderPdf('<p>c</p>', 'C'))).toBe('%PDF-1.7')
    await vi.waitFor(() => expect(context.close).toHaveBeenCalledTimes(1))
  })
})
