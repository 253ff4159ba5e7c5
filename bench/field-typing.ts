/**
 * Typing to the other browser: how long a keystroke takes from one person's page to the other's, in a
 * structured field (an objective's statement, shared text) and in the rich text beside it. Two Chromium
 * contexts on a real server process (SQLite, the built web app); each keystroke waits for the one
 * before it to arrive, so what is measured is one keystroke's trip, not a queue.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { SESSION_COOKIE } from '../server/auth/cookie'
import { readContent } from '../shared/plan-model/read'
import { addItem } from '../shared/plan-model/write'
import type { ApiClient } from '../tests/support/api'
import { launchBrowser } from '../tests/support/browser'
import { ENGINES } from '../tests/support/engines'
import { startServerProcess } from '../tests/support/server-process'
import { planWithPeople, storedDocOf } from '../tests/support/sync-fixture'
import { eventually, stockClient } from '../tests/support/sync-clients'
import { ROOT, quantile, round } from './lib'

export interface TypingStats {
  samples: number
  p50: number
  p95: number
  max: number
}
export interface FieldTypingResult {
  field: TypingStats
  richText: TypingStats
}

const stats = (ms: number[]): TypingStats => {
  const sorted = [...ms].sort((a, b) => a - b)
  return {
    samples: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    max: round(sorted.at(-1) ?? 0),
  }
}

/**
 * In the page: starts watching for the moment the element first shows `expected` (checked every few
 * ms: a timer turn, which leaves the page's own tasks, the socket's included, their turn). Resolves
 * once the watch is set; `window.__arrived` then resolves with that moment, in epoch ms. Written as
 * source text: the bench runs under tsx, whose helpers would not exist in the page.
 */
const watchArrival = (page: Page, selector: string, expected: string) =>
  page.evaluate(`void (window.__arrived = new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)})
    const want = ${JSON.stringify(expected)}
    const check = () => {
      const text = 'value' in el ? el.value : el.innerText
      if (text.includes(want)) resolve(performance.timeOrigin + performance.now())
      else setTimeout(check, 0)
    }
    check()
  }))`)

/** In the page: starts listening for the next keydown in `selector`; `window.__sent` resolves with its moment. */
const watchKeydown = (page: Page, selector: string) =>
  page.evaluate(`void (window.__sent = new Promise((resolve) =>
    document.querySelector(${JSON.stringify(selector)}).addEventListener(
      'keydown', () => resolve(performance.timeOrigin + performance.now()), { once: true })))`)

async function measure(a: Page, b: Page, selector: string, keystrokes: number, round: number): Promise<number[]> {
  await a.locator(selector).click()
  await a.keyboard.press('End')
  await b.locator(selector).waitFor()
  let typed = ''
  const out: number[] = []
  for (let i = 0; i < keystrokes; i++) {
    const ch = 'abcdefghijklmnopqrstuvwxyz'[i % 26]!
    typed += ch
    // The marker is unique: a run of what was typed so far, never in the text before (plain keys, so
    // that each is a real keydown). Both watches are set before the key is pressed.
    const marker = `Q${round}Q`
    await watchArrival(b, selector, `${marker}${typed}`)
    await watchKeydown(a, selector)
    await a.keyboard.type(i === 0 ? `${marker}${ch}` : ch)
    const arrived = b.evaluate<number>('window.__arrived')
    const t1 = await Promise.race([
      arrived,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`keystroke ${i} never arrived`)), 10_000)),
    ])
    const t0 = await a.evaluate<number>('window.__sent')
    if (i > 0) out.push(t1 - t0) // the first carries the marker's own character
  }
  return out
}

const ROUNDS = 4

/** `keystrokes` per round and per kind of text (the first of each round, which types the marker, is not counted). */
export async function runFieldTyping(keystrokes: number, say: (m: string) => void): Promise<FieldTypingResult> {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-client-'))
  say('field typing: building the web app…')
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: clientDir, emptyOutDir: true },
  })
  const database = await ENGINES[0]!.open()
  const server = await startServerProcess({ ...database.env, CLIENT_DIR: clientDir })
  const browser = await launchBrowser()
  try {
    const fx = await planWithPeople(server.url)
    const sectionId = fx.objectivesOf('Sales').id
    const writer = stockClient(server.url, fx.salesEditor.cookieHeader, sectionId)
    await writer.synced
    const id = addItem(writer.doc, 'objectives', ['objectives'], { statement: 'Bookings' })
    await eventually(
      async () => readContent(await storedDocOf(database, sectionId), 'objectives').objectives.length === 1,
      'the objective is stored',
    )
    writer.close()
    const open = async (who: ApiClient) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      await context.addCookies([{ name: SESSION_COOKIE, value: who.cookies.get(SESSION_COOKIE)!, url: server.url }])
      const page = await context.newPage()
      await page.goto(`${server.url}/w/${fx.workspace.id}/plans/${(fx.plan as { id: string }).id}?section=${sectionId}`)
      await page.locator('.planroom-prose').waitFor()
      return page
    }
    const a = await open(fx.owner)
    const b = await open(fx.salesEditor)
    // Rounds alternate between the two, so that load from elsewhere on the machine falls on both alike.
    const field: number[] = []
    const richText: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      say(`field typing: round ${round + 1} of ${ROUNDS}, ${keystrokes} keystrokes in each…`)
      field.push(...(await measure(a, b, `[data-path="objectives.${id}.statement"]`, keystrokes, round)))
      richText.push(...(await measure(a, b, '.planroom-prose', keystrokes, round)))
    }
    return { field: stats(field), richText: stats(richText) }
  } finally {
    await browser.close()
    await server.stop()
    await database.dispose()
    fs.rmSync(clientDir, { recursive: true, force: true })
  }
}
