import type { Kysely } from 'kysely'
import * as Y from 'yjs'

// Frozen once shipped: add a new migration instead. The layout below is the plan model's as of this
// date, written out here so that later schema changes do not change what this migration does.
//
// Structured free-text fields (an objective's statement, a KPI's name…) were plain strings in each
// section's `fields` map, last writer wins; from now on they are Y.Text, which merges concurrent typing
// character by character. Each section's stored state is loaded, every such string is replaced by a
// Y.Text with the same characters, and that change is appended to the section's update log like any
// server write: the log and its snapshot stay as they were, clients holding an older copy receive the
// change when they sync, and readers see the same words before and after.

interface Layout {
  texts?: string[]
  lists?: Record<string, Layout>
}

const TEXT_FIELDS: Record<string, Layout> = {
  overview: { texts: ['businessAims', 'audience', 'whySocial'] },
  objectives: { lists: { objectives: { texts: ['statement', 'metric', 'unit'] } } },
  competition: {
    lists: {
      competitors: { texts: ['name', 'audience', 'whatWorks'], lists: { ideas: { texts: ['idea'] } } },
      monitoring: { texts: ['topic', 'where', 'tool'] },
    },
  },
  positioning: {
    texts: ['statement'],
    lists: { traits: { texts: ['left', 'right'] }, voiceDo: { texts: ['text'] }, voiceDont: { texts: ['text'] } },
  },
  network_selection: { lists: { chosen: { texts: ['name', 'why'] }, leftOut: { texts: ['name', 'why'] } } },
  network: {
    texts: ['editorialLine'],
    lists: {
      goals: { texts: ['goal'] },
      kpis: { texts: ['metric', 'unit'] },
      themes: { texts: ['topic', 'frequency', 'sources'] },
      highlights: { texts: ['title', 'description'] },
      calendar: { texts: ['theme'] },
      interaction: { texts: ['rule', 'hours'] },
      growthTactics: { texts: ['tactic'] },
    },
  },
  line_of_conversation: {
    texts: ['policies', 'valueVsPromotion'],
    lists: {
      maySay: { texts: ['text'] },
      mayNotSay: { texts: ['text'] },
      crisisManual: { texts: ['situation', 'response'] },
    },
  },
  process: {
    texts: ['communityManagement', 'agency'],
    lists: { responsibilities: { texts: ['what'] }, deliverables: { texts: ['what'] } },
  },
  indicators: { lists: { kpis: { texts: ['label', 'unit'] } } },
  tools: { lists: { tools: { texts: ['name', 'notes'] } } },
}

type Convert = (map: Y.Map<unknown>, key: string, value: unknown) => void

const toText: Convert = (map, key, value) => {
  if (typeof value === 'string') map.set(key, new Y.Text(value))
}
const toString: Convert = (map, key, value) => {
  if (value instanceof Y.Text) map.set(key, value.toJSON())
}

function convertMap(map: Y.Map<unknown>, layout: Layout, convert: Convert) {
  for (const key of layout.texts ?? []) convert(map, key, map.get(key))
  for (const [key, item] of Object.entries(layout.lists ?? {})) {
    const list = map.get(key)
    if (!(list instanceof Y.Array)) continue
    for (const element of list.toArray()) if (element instanceof Y.Map) convertMap(element, item, convert)
  }
}

// A migration is written against the tables as they were, not today's types: hence Kysely<any>.
/* eslint-disable @typescript-eslint/no-explicit-any */
async function convertSections(db: Kysely<any>, convert: Convert) {
  const sections = (await db.selectFrom('sections').select(['id', 'kind']).execute()) as { id: string; kind: string }[]
  for (const section of sections) {
    const layout = TEXT_FIELDS[section.kind]
    if (!layout) continue
    const snapshot: { state: Uint8Array } | undefined = await db
      .selectFrom('section_snapshots')
      .select('state')
      .where('section_id', '=', section.id)
      .executeTakeFirst()
    const updates = (await db
      .selectFrom('section_updates')
      .select('data')
      .where('section_id', '=', section.id)
      .orderBy('id')
      .execute()) as { data: Uint8Array }[]
    const doc = new Y.Doc()
    try {
      for (const update of [snapshot?.state, ...updates.map((u) => u.data)]) {
        if (!update) continue
        try {
          Y.applyUpdate(doc, update)
        } catch {
          // An unreadable stored update is skipped, as the server does when it loads the section.
        }
      }
      if (!doc.share.has('fields')) continue
      const changes: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => changes.push(u))
      doc.transact(() => convertMap(doc.getMap('fields'), layout, convert))
      if (changes.length === 0) continue
      await db
        .insertInto('section_updates')
        .values({ section_id: section.id, data: Buffer.from(Y.mergeUpdates(changes)), created_at: Date.now() })
        .execute()
    } finally {
      doc.destroy()
    }
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await convertSections(db, toText)
}

/** Back to plain strings (what was typed is kept; the server before this reads only strings). */
export async function down(db: Kysely<any>): Promise<void> {
  await convertSections(db, toString)
}
