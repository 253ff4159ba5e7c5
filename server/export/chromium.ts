import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { ApiError } from '../http/errors'
import { log } from '../log'

/** Where Chromium usually is when CHROMIUM_PATH does not say (Debian, Ubuntu, Google's packages). */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
]

function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const wanted = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES
  return wanted.find((p) => fs.existsSync(p)) ?? null
}

const pdfUnavailable = () =>
  new ApiError(
    503,
    'pdf_unavailable',
    'PDF export needs Chromium on the server: install it (apt-get install chromium) or set CHROMIUM_PATH to a Chrome or Chromium binary.',
  )

let launching: Promise<Browser> | null = null

/**
 * One headless Chromium per process, launched on the first PDF and relaunched if it dies. No sandbox,
 * as in containers that run as root: pages get only our own HTML, with scripts and network off.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!launching) {
    const executablePath = findChromium()
    if (!executablePath) return Promise.reject(pdfUnavailable())
    // playwright-core is loaded with the first PDF, not at start-up: most processes never print one.
    const started = import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath,
          headless: true,
          timeout: 20_000,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--no-first-run',
            '--disable-component-update',
            '--disable-sync',
          ],
        }),
      )
      .then((browser) => {
        browser.on('disconnected', () => {
          if (launching === started) launching = null
        })
        return browser
      })
      .catch((err: unknown) => {
        launching = null
        log.error('chromium failed to start', { executablePath, error: String(err) })
        throw pdfUnavailable()
      })
    launching = started
  }
  return launching
}

/** For the process's shutdown: closes the browser if one was started. */
export async function closePdfBrowser(): Promise<void> {
  const current = launching
  launching = null
  if (current) await (await current.catch(() => null))?.close()
}
