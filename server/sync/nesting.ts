import * as Y from 'yjs'

/**
 * How deep an update nests shared types, worked out from its decoded structs before it is applied.
 *
 * Yjs integrates a type nested 40,000 levels deep without complaint (such an update fits in one frame),
 * but deleting it later recurses once per level and overflows the stack half-way through that
 * deletion, and editors cannot render it. Depth is a fact of the section, not of the update alone, so
 * this looks up where the update's structs attach: in the update itself, in updates being stored right
 * now (`pending`), or in the document.
 */

interface Run {
  clock: number
  length: number
}

/** Runs of structs by client, sorted by clock, for finding the one that holds an id. */
export class RunIndex<T extends Run> {
  private readonly byClient = new Map<number, T[]>()

  add(client: number, run: T) {
    const runs = this.byClient.get(client)
    if (runs) runs.push(run)
    else this.byClient.set(client, [run])
  }

  /** Call once every run is added. */
  sort(): this {
    for (const runs of this.byClient.values()) runs.sort((a, b) => a.clock - b.clock)
    return this
  }

  find(id: Y.ID): T | null {
    const runs = this.byClient.get(id.client)
    if (!runs) return null
    let lo = 0
    let hi = runs.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const run = runs[mid]!
      if (id.clock < run.clock) hi = mid - 1
      else if (id.clock >= run.clock + run.length) lo = mid + 1
      else return run
    }
    return null
  }
}

/** Where a run of an update's structs sits: the depth of the type holding them (a root type is 0). */
export interface Placement extends Run {
  depth: number
}

export interface NestingContext {
  doc: Y.Doc
  /** Placements of updates stored but not applied yet. */
  pending: Iterable<RunIndex<Placement>>
}

function depthOfType(type: Y.AbstractType<unknown> | null, limit: number): number {
  let depth = 0
  for (let t = type; t?._item; t = t._item.parent as Y.AbstractType<unknown> | null) if (++depth > limit) break
  return depth
}

interface Slot extends Run {
  item: Y.Item
}

/**
 * The placement of every item of the update (indexed, for the checks of later updates), and the depth
 * of the deepest type it creates (0 when it creates none). Depths past `limit` are not counted exactly.
 */
export function placeStructs(
  structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  context: NestingContext,
  limit: number,
): { placements: RunIndex<Placement>; deepest: number } {
  const slots = new RunIndex<Slot>()
  for (const s of structs)
    if (s instanceof Y.Item) slots.add(s.id.client, { clock: s.id.clock, length: s.length, item: s })
  slots.sort()
  const placed = new Map<Y.Item, number>()

  /** The depth of the type holding the struct at `id`, from outside this update (0 when unknown). */
  const outside = (id: Y.ID): number => {
    for (const index of context.pending) {
      const found = index.find(id)
      if (found) return found.depth
    }
    if (id.clock >= Y.getState(context.doc.store, id.client)) return 0
    const struct = Y.getItem(context.doc.store, id)
    return struct instanceof Y.Item ? depthOfType(struct.parent as Y.AbstractType<unknown>, limit) : 0
  }

  /**
   * An item's depth, or the item of this update it depends on: inside its parent item's type (one
   * deeper than that item), or beside its neighbour (as deep).
   */
  const depthOrDependency = (item: Y.Item): number | Y.Item => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return 0
    const inside = parent instanceof Y.ID
    const via = inside ? parent : (item.origin ?? item.rightOrigin)
    if (!via) return 0
    const within = slots.find(via)?.item
    if (!within) return outside(via) + (inside ? 1 : 0)
    const known = placed.get(within)
    return known === undefined ? within : known + (inside ? 1 : 0)
  }

  let deepest = 0
  const placements = new RunIndex<Placement>()
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    // Resolved without recursion: a chain of origins can be as long as the update.
    const stack = [s]
    const onStack = new Set<Y.Item>(stack)
    while (stack.length > 0) {
      const item = stack.at(-1)!
      const next = placed.has(item) ? placed.get(item)! : depthOrDependency(item)
      if (typeof next === 'number' || onStack.has(next)) {
        // A cycle never integrates (Yjs leaves it pending, which the stand-in check refuses).
        placed.set(item, typeof next === 'number' ? next : 0)
        onStack.delete(stack.pop()!)
      } else {
        stack.push(next)
        onStack.add(next)
      }
    }
    const depth = placed.get(s)!
    placements.add(s.id.client, { clock: s.id.clock, length: s.length, depth })
    if (s.content instanceof Y.ContentType) deepest = Math.max(deepest, depth + 1)
  }
  return { placements: placements.sort(), deepest }
}
