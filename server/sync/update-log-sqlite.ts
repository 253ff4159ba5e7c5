import type SQLite from 'better-sqlite3'
import type { NewUpdate, StoredSection, UpdateLog } from './update-log'

const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const DELETE_CHUNK = 500

/** better-sqlite3 directly: prepared statements and one synchronous transaction per batch. */
export class SqliteUpdateLog implements UpdateLog {
  private readonly insert: SQLite.Statement<[string, Uint8Array, number]>
  private readonly selectUpdates: SQLite.Statement<[string], { id: number; data: Buffer }>
  private readonly selectSnapshot: SQLite.Statement<[string], { state: Buffer; version: number }>
  private readonly appendAll: (entries: readonly NewUpdate[]) => number[]
  private readonly loadBoth: (sectionId: string) => StoredSection
  private readonly compactTx: (
    sectionId: string,
    state: Uint8Array,
    ids: readonly number[],
    expected: number | null,
  ) => number | null

  constructor(db: SQLite.Database) {
    this.insert = db.prepare('insert into section_updates (section_id, data, created_at) values (?, ?, ?)')
    this.selectUpdates = db.prepare('select id, data from section_updates where section_id = ? order by id')
    this.selectSnapshot = db.prepare('select state, version from section_snapshots where section_id = ?')
    const upsertSnapshot = db.prepare(
      'insert into section_snapshots (section_id, state, version, updated_at) values (?, ?, ?, ?) ' +
        'on conflict (section_id) do update set state = excluded.state, version = excluded.version, updated_at = excluded.updated_at',
    )

    this.appendAll = db.transaction((entries: readonly NewUpdate[]) => {
      const now = Date.now()
      return entries.map((e) => Number(this.insert.run(e.sectionId, e.data, now).lastInsertRowid))
    })
    this.loadBoth = db.transaction((sectionId: string): StoredSection => {
      const snap = this.selectSnapshot.get(sectionId)
      return {
        snapshot: snap ? { state: toBytes(snap.state), version: snap.version } : null,
        updates: this.selectUpdates.all(sectionId).map((r) => ({ id: r.id, data: toBytes(r.data) })),
      }
    })
    this.compactTx = db.transaction(
      (sectionId: string, state: Uint8Array, ids: readonly number[], expected: number | null) => {
        const current = this.selectSnapshot.get(sectionId)?.version ?? null
        if (current !== expected) return null
        const version = (current ?? 0) + 1
        upsertSnapshot.run(sectionId, state, version, Date.now())
        for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
          const chunk = ids.slice(i, i + DELETE_CHUNK)
          db.prepare(
            `delete from section_updates where section_id = ? and id in (${chunk.map(() => '?').join(',')})`,
          ).run(sectionId, ...chunk)
        }
        return version
      },
    )
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the port is asynchronous; SQLite's failure must reject, not throw
  async load(sectionId: string) {
    return this.loadBoth(sectionId)
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the port is asynchronous; SQLite's failure must reject, not throw
  async append(entries: readonly NewUpdate[]) {
    return this.appendAll(entries)
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the port is asynchronous; SQLite's failure must reject, not throw
  async compact(sectionId: string, state: Uint8Array, replacedIds: readonly number[], expectedVersion: number | null) {
    return this.compactTx(sectionId, state, replacedIds, expectedVersion)
  }
}
