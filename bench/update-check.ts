/**
 * What it costs to show that a client's update applies cleanly before it is stored
 * (server/sync/update-check.ts: Yjs's integration on a stand-in document, plus where its types nest),
 * next to what applying the update costs anyway and what the obvious alternative would cost: a scratch
 * copy of the section (encode its state, load it into a new document, apply the update there).
 */
import * as Y from 'yjs'
import { checkUpdate } from '../server/sync/update-check'
import { median, round, table } from './lib'
import { keystrokes } from './open-time'

export interface UpdateCheckRow {
  keystrokes: number
  stateKb: number
  update: string
  updateBytes: number
  checkUs: number
  applyUs: number
  scratchCopyUs: number
}

export const UPDATE_CHECK_HEADING = '## Checking an update before it is stored'

function timeUs(reps: number, setup: () => () => void): number {
  const samples: number[] = []
  for (let i = 0; i < reps; i++) {
    const run = setup()
    const t0 = performance.now()
    run()
    samples.push((performance.now() - t0) * 1000)
  }
  return median(samples)
}

/** The updates a section receives, written by another person on top of `section`. */
function updatesOn(section: Y.Doc): [string, Uint8Array][] {
  const writer = new Y.Doc()
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(section))
  const body = writer.getXmlFragment('body')
  const last = () => (body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText
  const capture = (edit: () => void) => {
    const sv = Y.encodeStateVector(writer)
    edit()
    return Y.encodeStateAsUpdate(writer, sv)
  }
  const keystroke = capture(() => last().insert(last().length, 'x'))
  const paragraph = capture(() => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('A new paragraph of about sixty characters, typed elsewhere.')])
    body.push([p])
  })
  const paste = capture(() => last().insert(last().length, 'pasted words '.repeat(1600)))
  const offline = new Y.Doc()
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(section))
  const sv = Y.encodeStateVector(offline)
  for (const u of keystrokes(1000, 424242)) Y.applyUpdate(offline, u)
  return [
    ['one keystroke', keystroke],
    ['a new paragraph', paragraph],
    ['a 20 KB paste', paste],
    ['a reconnect: sync step 2 of 1,000 offline keystrokes', Y.encodeStateAsUpdate(offline, sv)],
  ]
}

export function runUpdateCheck(sizes: number[], reps: number, say: (m: string) => void): UpdateCheckRow[] {
  const rows: UpdateCheckRow[] = []
  for (const n of sizes) {
    const section = new Y.Doc()
    for (const u of keystrokes(n, 1)) Y.applyUpdate(section, u)
    const state = Y.encodeStateAsUpdate(section)
    say(`update check: section of ${n} keystrokes (${round(state.byteLength / 1024)} KB)`)
    for (const [name, update] of updatesOn(section)) {
      const copy = () => {
        const d = new Y.Doc()
        Y.applyUpdate(d, state)
        return d
      }
      rows.push({
        keystrokes: n,
        stateKb: state.byteLength / 1024,
        update: name,
        updateBytes: update.byteLength,
        checkUs: timeUs(reps, () => () => checkUpdate(update, section, [])),
        applyUs: timeUs(reps, () => {
          const d = copy()
          return () => Y.applyUpdate(d, update)
        }),
        scratchCopyUs: timeUs(Math.max(3, Math.round(reps / 20)), () => () => {
          const d = new Y.Doc()
          Y.applyUpdate(d, Y.encodeStateAsUpdate(section))
          Y.applyUpdate(d, update)
        }),
      })
    }
  }
  return rows
}

export function renderUpdateCheck(rows: UpdateCheckRow[], reps: number, verdict: (ok: boolean) => string) {
  const markdown = [
    UPDATE_CHECK_HEADING,
    '',
    `Every client update is checked before it is stored (server/sync/update-check.ts): Yjs integrates it on a stand-in document that holds one garbage-collected struct per client the section knows (so it throws, or leaves structs pending, exactly where it would on the section), and its structs are placed to find how deep its types nest. Sections of N keystrokes typed in paragraphs (bench/open-time.ts); updates written by another person on top of them. Median of ${reps} runs, in process. *apply* is \`Y.applyUpdate\` of the same update on a copy of the section (what storing it costs in any case); *scratch copy* is the alternative not taken: encode the section, load it into a new document, apply the update there.`,
    '',
    table(
      ['section (keystrokes)', 'state KB', 'update', 'update bytes', 'check µs', 'apply µs', 'scratch copy µs'],
      rows.map((r) => [
        r.keystrokes.toLocaleString('en'),
        round(r.stateKb, 1),
        r.update,
        r.updateBytes.toLocaleString('en'),
        round(r.checkUs, 1),
        round(r.applyUs, 1),
        Math.round(r.scratchCopyUs).toLocaleString('en'),
      ]),
    ),
    '',
    'The check does not grow with the section (it never copies it); it grows with the update, like applying it does.',
  ].join('\n')
  const largest = Math.max(...rows.map((r) => r.keystrokes))
  const keystroke = rows.find((r) => r.keystrokes === largest && r.update === 'one keystroke')
  const goals = keystroke
    ? [
        [
          `checking a keystroke on a ${largest.toLocaleString('en')}-keystroke section costs < 100 µs and < 1/20 of a scratch copy`,
          `${round(keystroke.checkUs, 1)} µs vs ${Math.round(keystroke.scratchCopyUs).toLocaleString('en')} µs`,
          verdict(keystroke.checkUs < 100 && keystroke.checkUs < keystroke.scratchCopyUs / 20),
        ],
      ]
    : []
  return { markdown, goals }
}
