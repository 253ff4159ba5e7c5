import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { z } from 'zod'
import { checkPlanHealth } from '../health/check'
import { Finding } from '../health/schema'
import { SECTION_KINDS, type SectionKind } from '../plans/catalog'
import { acceptorOf } from './accept'
import { type PlanModel, readSection } from './model'
import { readContent } from './read'
import { sectionGuard } from './repair'
import { IsoDate, ItemId, SECTION_CONTENT, listSpec } from './schema'
import { contentProblems } from './validate'
import { FIELDS } from './ydoc'
import { writeContent } from './write'

// ——— Schema-valid content, derived from the zod schemas themselves.

/** Ids from a small pool, so links between sections often resolve and repeated ids happen. */
const itemId = fc.oneof(fc.constantFrom('o1', 'o2', 'o3', 'net-1', 'x_y-z'), fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/))
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const finite = fc.oneof(
  fc.integer({ min: -5, max: 100 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
)

function valid(schema: z.ZodType): fc.Arbitrary<unknown> {
  const list = listSpec(schema)
  if (list) return fc.uniqueArray(valid(list.item), { selector: (item) => (item as { id: string }).id, maxLength: 3 })
  const def = schema._zod.def as unknown as {
    type: string
    innerType: z.ZodType
    element: z.ZodType
    shape: Record<string, z.ZodType>
  }
  if (schema === ItemId) return itemId
  if (schema === IsoDate) return isoDate
  switch (def.type) {
    case 'default':
      return valid(def.innerType)
    case 'nullable':
      return fc.option(valid(def.innerType), { nil: null })
    case 'enum':
      return fc.constantFrom(...(schema as z.ZodEnum).options)
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(valid(def.element), { maxLength: 3 })
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape).map(([k, v]) => [k, valid(v)])))
    case 'string':
      return fc.string({ maxLength: 40 })
    case 'number':
      return finite.filter((x) => schema.safeParse(x).success)
  }
  throw new Error(`no arbitrary for ${def.type}`)
}

const validContent = (kind: SectionKind) => valid(SECTION_CONTENT[kind]) as fc.Arbitrary<Record<string, unknown>>
const anyKind = fc.constantFrom(...SECTION_KINDS)

/** Content as a reader must return it: exactly what the strict schema makes of it. */
const expectValidRead = (doc: Y.Doc, kind: SectionKind) => {
  const read = readContent(doc, kind)
  expect(SECTION_CONTENT[kind].parse(read)).toEqual(read)
  return read
}

const meta = (kind: SectionKind, i: number) => ({
  id: `sec-${i}`,
  kind,
  title: `${kind} ${i}`,
  ownerDepartmentId: i % 2 ? 'dept-1' : null,
})

function planOf(docs: { kind: SectionKind; doc: Y.Doc }[]): PlanModel {
  return {
    plan: { id: 'p', title: 'Plan' },
    departments: [{ id: 'dept-1', name: 'Marketing' }],
    sections: docs.map(({ kind, doc }, i) => readSection(meta(kind, i), doc)),
  }
}

const expectHealthCheckRuns = (model: PlanModel) => {
  const findings = checkPlanHealth(model)
  const ids = new Set(model.sections.map((s) => s.id))
  for (const f of findings) {
    expect(Finding.parse(f)).toEqual(f)
    expect(f.sectionId === null || ids.has(f.sectionId)).toBe(true)
  }
}

// ——— Garbage: what a stock client may put anywhere under `fields`, as recipes (a Y type integrates once).

type Recipe =
  | { t: 'value'; v: unknown }
  | { t: 'map'; entries: [string, Recipe][] }
  | { t: 'array'; items: Recipe[] }
  | { t: 'text'; s: string }

const ALL_KEYS = [...new Set(Object.values(SECTION_CONTENT).flatMap((s) => keysOf(s)))]
function keysOf(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape).flatMap(([k, v]) => {
    const list = listSpec(v as z.ZodType)
    return list ? [k, ...keysOf(list.item)] : [k]
  })
}
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALL_KEYS) },
  fc.constant('id'),
  fc.string({ maxLength: 6 }),
)
const rawValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, '2027-02-30', '2027-03-01', 'lots', 150, -1, 2.5, true, null),
  itemId,
  fc.array(itemId, { maxLength: 3 }),
  fc.uint8Array({ maxLength: 4 }),
)
const recipe: fc.Arbitrary<Recipe> = fc.letrec<{ r: Recipe }>((tie) => ({
  r: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    rawValue.map((v) => ({ t: 'value' as const, v })),
    fc.array(fc.tuple(key, tie('r')), { maxLength: 4 }).map((entries) => ({ t: 'map' as const, entries })),
    // An item that looks right: an id (often valid, sometimes a repeat) and some fields.
    fc.tuple(itemId, fc.array(fc.tuple(key, tie('r')), { maxLength: 3 })).map(([id, entries]) => ({
      t: 'map' as const,
      entries: [['id', { t: 'value', v: id }] as [string, Recipe], ...entries],
    })),
    fc.array(tie('r'), { maxLength: 3 }).map((items) => ({ t: 'array' as const, items })),
    fc.string({ maxLength: 4 }).map((s) => ({ t: 'text' as const, s })),
  ),
})).r

function make(r: Recipe): unknown {
  switch (r.t) {
    case 'value':
      return r.v
    case 'text':
      return new Y.Text(r.s)
    case 'array':
      return Y.Array.from(r.items.map(make) as never[])
    case 'map': {
      const m = new Y.Map<unknown>()
      for (const [k, v] of r.entries) m.set(k, make(v))
      return m
    }
  }
}

type Op =
  | { op: 'set'; target: number; key: string; value: Recipe }
  | { op: 'delete-key'; target: number; key: string }
  | { op: 'insert'; target: number; at: number; values: Recipe[] }
  | { op: 'delete'; target: number; at: number; len: number }
  /** Typing into shared text, now and then a long paste that takes a short field past its limit. */
  | { op: 'type'; target: number; at: number; text: string }

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), target: fc.nat(), key, value: recipe }) },
  fc.record({ op: fc.constant('delete-key' as const), target: fc.nat(), key }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      target: fc.nat(),
      at: fc.nat(),
      values: fc.array(recipe, { minLength: 1, maxLength: 3 }),
    }),
  },
  fc.record({
    op: fc.constant('delete' as const),
    target: fc.nat(),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 3 }),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('type' as const),
      target: fc.nat(),
      at: fc.nat(),
      text: fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 6 }) }, fc.constant('x'.repeat(150))),
    }),
  },
)

/** Every map and array under `fields`, valid or not, in a stable order. */
function reachable(doc: Y.Doc) {
  const maps: Y.Map<unknown>[] = [doc.getMap(FIELDS)]
  const arrays: Y.Array<unknown>[] = []
  const texts: Y.Text[] = []
  const visit = (v: unknown) => {
    if (v instanceof Y.Text) texts.push(v)
    else if (v instanceof Y.Map) {
      maps.push(v)
      for (const child of v.values()) visit(child)
    } else if (v instanceof Y.Array) {
      arrays.push(v)
      for (const child of v.toArray()) visit(child)
    }
  }
  for (const child of maps[0]!.values()) visit(child)
  return { maps, arrays, texts }
}

function apply(doc: Y.Doc, o: Op) {
  const { maps, arrays, texts } = reachable(doc)
  doc.transact(() => {
    if (o.op === 'type') {
      const text = texts[o.target % Math.max(1, texts.length)]
      text?.insert(o.at % (text.length + 1), o.text)
    } else if (o.op === 'set') maps[o.target % maps.length]!.set(o.key, make(o.value))
    else if (o.op === 'delete-key') maps[o.target % maps.length]!.delete(o.key)
    else if (arrays.length > 0) {
      const array = arrays[o.target % arrays.length]!
      if (o.op === 'insert') array.insert(o.at % (array.length + 1), o.values.map(make))
      else if (array.length > 0) {
        const at = o.at % array.length
        array.delete(at, Math.min(o.len, array.length - at))
      }
    }
  })
}

// ——— A server as LiveDoc runs it: apply a client's update, check the transaction, apply the repair.

class SimServer {
  readonly doc = new Y.Doc()
  readonly clients: SimClient[] = []
  readonly repairs: string[] = []
  private readonly check: ReturnType<typeof sectionGuard>

  constructor(readonly kind: SectionKind) {
    this.check = sectionGuard(kind)
  }

  receive(from: SimClient, update: Uint8Array) {
    let transaction: Y.Transaction | null = null
    const capture = (tr: Y.Transaction) => (transaction = tr)
    this.doc.on('afterTransaction', capture)
    Y.applyUpdate(this.doc, update, from)
    this.doc.off('afterTransaction', capture)
    for (const c of this.clients) if (c !== from) c.inbox.push(update)
    const repair = transaction ? this.check(this.doc, transaction) : null
    if (!repair) return
    this.repairs.push(repair.message)
    Y.applyUpdate(this.doc, repair.update, 'server')
    for (const c of this.clients) c.inbox.push(repair.update)
  }
}

class SimClient {
  readonly doc = new Y.Doc()
  inbox: Uint8Array[] = []

  constructor(server: SimServer) {
    server.clients.push(this)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') server.receive(this, update)
    })
  }

  deliver() {
    const pending = this.inbox
    this.inbox = []
    for (const u of pending) Y.applyUpdate(this.doc, u, 'remote')
  }
}

describe('plan model properties', () => {
  it('reads back any schema-valid content it wrote, on the document and on a synced copy', () => {
    fc.assert(
      fc.property(
        anyKind.chain((kind) => fc.tuple(fc.constant(kind), validContent(kind))),
        ([kind, content]) => {
          const doc = new Y.Doc()
          writeContent(doc, kind, content)
          const expected = SECTION_CONTENT[kind].parse(content)
          expect(expectValidRead(doc, kind)).toEqual(expected)
          const copy = new Y.Doc()
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
          expect(readContent(copy, kind)).toEqual(expected)
          expect(contentProblems(copy, kind)).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })

  it('runs the health check without throwing on any plan of schema-valid sections', () => {
    const section = anyKind.chain((kind) =>
      fc.tuple(fc.constant(kind), validContent(kind), fc.string({ maxLength: 10 })),
    )
    fc.assert(
      fc.property(
        fc.array(section, { maxLength: 14 }),
        fc.dictionary(fc.constant('dept-1'), fc.constantFrom('draft', 'approved', 'stale' as const)),
        (sections, approvals) => {
          const docs = sections.map(([kind, content, text]) => {
            const doc = new Y.Doc()
            writeContent(doc, kind, content)
            if (text) doc.getXmlFragment('body').push([new Y.XmlText(text)])
            return { kind, doc }
          })
          expectHealthCheckRuns({ ...planOf(docs), approvals })
        },
      ),
      { numRuns: 200 },
    )
  })

  it('never throws nor returns an invalid value, whatever garbage the document holds', () => {
    fc.assert(
      fc.property(
        anyKind.chain((kind) => fc.tuple(fc.constant(kind), validContent(kind), fc.array(op, { maxLength: 12 }))),
        ([kind, content, ops]) => {
          const doc = new Y.Doc()
          writeContent(doc, kind, content)
          for (const o of ops) {
            apply(doc, o)
            expectValidRead(doc, kind)
          }
          expectHealthCheckRuns(planOf([{ kind, doc }]))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('lets no structured update the schema rejects survive on the server, even from two clients at once', () => {
    const step = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(0, 1), op) },
      fc.tuple(fc.constantFrom(0, 1), fc.constant('deliver' as const)),
    )
    fc.assert(
      fc.property(
        anyKind.chain((kind) => fc.tuple(fc.constant(kind), validContent(kind), fc.array(step, { maxLength: 14 }))),
        ([kind, content, steps]) => {
          const server = new SimServer(kind)
          const clients = [new SimClient(server), new SimClient(server)] as const
          writeContent(clients[0].doc, kind, content)
          expect(server.repairs).toEqual([])
          for (const c of clients) c.deliver()
          for (const [who, what] of steps) {
            if (what === 'deliver') clients[who].deliver()
            else apply(clients[who].doc, what)
            // The invariant: what the server holds (and stores, and sends) is valid for the schema.
            expect(contentProblems(server.doc, kind)).toEqual([])
          }
          for (const c of clients) c.deliver()
          for (const c of clients) {
            expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(server.doc))
            expect(contentProblems(c.doc, kind)).toEqual([])
            expect(readContent(c.doc, kind)).toEqual(readContent(server.doc, kind))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('accepts a plain value quickly only when zod accepts it as it is', () => {
    const plainFields = (schema: z.ZodObject): z.ZodType[] =>
      Object.values(schema.shape).flatMap((f) => {
        const list = listSpec(f as z.ZodType)
        return list ? plainFields(list.item) : [f as z.ZodType]
      })
    const fields = Object.values(SECTION_CONTENT).flatMap(plainFields)
    // Every field of ours has a quick acceptor: the fast path is the one taken.
    expect(fields.filter((f) => !acceptorOf(f))).toEqual([])
    const candidate = fc.oneof(rawValue, ...fields.map((f) => valid(f)))
    fc.assert(
      fc.property(fc.constantFrom(...fields), candidate, (field, value) => {
        if (!acceptorOf(field)!(value)) return
        const parsed = field.safeParse(value)
        expect(parsed.success).toBe(true)
        expect(parsed.data).toEqual(value)
      }),
      { numRuns: 3000 },
    )
  })

  it('repairs nothing that the write helpers wrote', () => {
    fc.assert(
      fc.property(
        anyKind.chain((kind) =>
          fc.tuple(fc.constant(kind), fc.array(validContent(kind), { minLength: 1, maxLength: 3 })),
        ),
        ([kind, contents]) => {
          const server = new SimServer(kind)
          const client = new SimClient(server)
          for (const content of contents) writeContent(client.doc, kind, content)
          expect(server.repairs).toEqual([])
        },
      ),
      { numRuns: 200 },
    )
  })
})
