import { diffArrays, diffWords } from 'diff'
import type { Block } from './blocks'

/**
 * What changed in a section's rich text between two versions: blocks are matched first (jsdiff on the
 * block list), then a block replaced by another is compared word by word, so a changed sentence shows
 * its changed words rather than a whole paragraph gone and another come.
 */
export type TextChange = 'same' | 'added' | 'removed'

export interface TextPart {
  text: string
  change: TextChange
}

export interface BlockDiff {
  /** How the block looks (the newer side's, for a changed block). */
  block: Block
  change: TextChange | 'changed'
  parts: TextPart[]
}

/** Below this share of unchanged words, a replaced block reads better as removed and added. */
const SIMILAR_ENOUGH = 0.35

const keyOf = (b: Block) => `${b.type}\u0000${b.level}\u0000${b.text}`
const whole = (block: Block, change: TextChange): BlockDiff => ({
  block,
  change,
  parts: block.text ? [{ text: block.text, change }] : [],
})

function wordDiff(before: Block, after: Block): BlockDiff[] {
  const parts: TextPart[] = diffWords(before.text, after.text).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }))
  const kept = parts.filter((p) => p.change === 'same').reduce((n, p) => n + p.text.trim().length, 0)
  const longest = Math.max(before.text.trim().length, after.text.trim().length, 1)
  if (kept / longest < SIMILAR_ENOUGH) return [whole(before, 'removed'), whole(after, 'added')]
  return [{ block: after, change: 'changed', parts }]
}

/** The blocks of both sides in reading order, each marked same, added (only after), removed (only before) or changed. */
export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockDiff[] {
  const runs = diffArrays(before.map(keyOf), after.map(keyOf))
  const out: BlockDiff[] = []
  let i = 0
  let j = 0
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!
    const count = run.count ?? run.value.length
    if (!run.added && !run.removed) {
      for (let n = 0; n < count; n++) out.push(whole(after[j + n]!, 'same'))
      i += count
      j += count
      continue
    }
    // A removal next to an addition is a replacement: pair the blocks in order, compare each pair's words.
    const next = runs[r + 1]
    const pairedWith = next && next.added !== run.added && next.removed !== run.removed ? next : null
    const removed = run.removed ? count : pairedWith ? (pairedWith.count ?? pairedWith.value.length) : 0
    const added = run.added ? count : pairedWith ? (pairedWith.count ?? pairedWith.value.length) : 0
    const pairs = Math.min(removed, added)
    for (let n = 0; n < pairs; n++) out.push(...wordDiff(before[i + n]!, after[j + n]!))
    for (let n = pairs; n < removed; n++) out.push(whole(before[i + n]!, 'removed'))
    for (let n = pairs; n < added; n++) out.push(whole(after[j + n]!, 'added'))
    i += removed
    j += added
    if (pairedWith) r++
  }
  return out
}

/** Whether anything differs at all. */
export const hasBodyChanges = (diff: readonly BlockDiff[]) => diff.some((d) => d.change !== 'same')
