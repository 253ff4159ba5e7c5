import type { BrowserContext } from 'playwright-core'
import { ApiError } from '../http/errors'
import { sharedBrowser } from './chromium'
import { escapeHtml } from './render-html'

/** A PDF that takes longer than this is given up, so a stuck Chromium never holds a request. */
const PDF_TIMEOUT_MS = 30_000
/** PDFs made at once; more wait their turn (each is a Chromium page holding a whole plan). */
const MAX_CONCURRENT = 2

let running = 0
const waiting: (() => void)[] = []
/** Waits for a slot; the function returned gives it back (to the next in line, so nobody overtakes them). */
async function turn(): Promise<() => void> {
  if (running < MAX_CONCURRENT) running++
  else await new Promise<void>((resolve) => waiting.push(resolve))
  return () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** Page numbers in the bottom margin; Chromium fills the pageNumber and totalPages spans. */
const footer = (
  title: string,
) => `<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;font:8px 'Liberation Sans',Arial,sans-serif;color:#5f6675">
<span>${escapeHtml(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`

/** The export's HTML printed by headless Chromium: the cover, contents and print rules come from the page itself. */
export async function renderPdf(html: string, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const browser = await sharedBrowser()
  const done = await turn()
  let timer: NodeJS.Timeout | undefined
  let opening: Promise<BrowserContext> | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ApiError(503, 'pdf_timeout', 'Making the PDF took too long; try again in a moment.')),
        PDF_TIMEOUT_MS,
      )
    })
    const opened = browser.newContext({ javaScriptEnabled: false, offline: true })
    opening = opened
    const print = async () => {
      const page = await (await opened).newPage()
      await page.setContent(html, { waitUntil: 'load', timeout: PDF_TIMEOUT_MS })
      return page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer(title),
        outline: true,
        tagged: true,
      })
    }
    return new Uint8Array(await Promise.race([print(), timeout]))
  } finally {
    clearTimeout(timer)
    done()
    // Closed once it is open, even if that is after the timeout gave up on it (so not waited for);
    // one that failed to open has nothing to close.
    void opening?.then((context) => context.close()).catch(() => {})
  }
}
