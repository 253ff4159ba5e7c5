/**
 * `--only`: the parts that were rerun go into the existing docs/benchmarks.md, and the other parts'
 * sections stay as they were measured (their results may not be saved anywhere else).
 */

interface Doc {
  preamble: string[]
  sections: { heading: string; lines: string[] }[]
}

function parse(text: string): Doc {
  const doc: Doc = { preamble: [], sections: [] }
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    if (line.startsWith('## ')) doc.sections.push({ heading: line, lines: [] })
    else (doc.sections.at(-1)?.lines ?? doc.preamble).push(line)
  }
  return doc
}

const trimEnd = (lines: string[]) => lines.slice(0, lines.findLastIndex((l) => l.trim() !== '') + 1)

const GOALS = '## Goals'
const goalRows = (doc: Doc) =>
  (doc.sections.find((s) => s.heading === GOALS)?.lines ?? []).filter(
    (l) => l.startsWith('| ') && !l.startsWith('| goal |') && !l.startsWith('| --- |'),
  )
const goalName = (row: string) => row.split(' | ')[0]

/**
 * Sections of `fresh` replace those of the same heading in `old` (the notes are code, so they follow it too);
 * a new section goes before the next one of `fresh` that `old` has. Goal rows replace the rows of the same
 * goal or are added. `note` (one line) says what was rerun; it replaces an earlier note that starts the same.
 */
export function spliceDoc(old: string, fresh: string, note: { key: string; text: string }): string {
  const before = parse(old)
  const after = parse(fresh)
  const sections = [...before.sections]
  after.sections.forEach((section, i) => {
    if (section.heading === GOALS && sections.some((s) => s.heading === GOALS)) return
    const at = sections.findIndex((s) => s.heading === section.heading)
    if (at >= 0) return void (sections[at] = section)
    const next = after.sections
      .slice(i + 1)
      .map((s) => sections.findIndex((o) => o.heading === s.heading))
      .find((j) => j >= 0)
    sections.splice(next ?? sections.length, 0, section)
  })

  const rows = goalRows(before)
  for (const row of goalRows(after)) {
    const at = rows.findIndex((r) => goalName(r) === goalName(row))
    if (at >= 0) rows[at] = row
    else rows.push(row)
  }
  const goals = sections.find((s) => s.heading === GOALS)
  if (goals && rows.length) goals.lines = ['', '| goal | this run | verdict |', '| --- | --- | --- |', ...rows, '']

  const preamble = before.preamble.filter((l) => !l.startsWith(note.key))
  while (preamble.at(-1) === '') preamble.pop()
  preamble.push('', note.text, '')
  return [...preamble, ...sections.flatMap((s) => [s.heading, ...trimEnd(s.lines), ''])].join('\n').trimEnd() + '\n'
}
