import type pg from 'pg'
import type { NewUpdate, StoredSection, UpdateLog } from './update-log'

const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query(begin)
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** pg directly: a batch is one multi-row insert, which PostgreSQL commits atomically. */
export class PostgresUpdateLog implements UpdateLog {
  constructor(private readonly pool: pg.Pool) {}

  async load(sectionId: string): Promise<StoredSection> {
    // One consistent view of snapshot and log, even while another process compacts.
    return inTransaction(this.pool, 'begin isolation level repeatable read', async (client) => {
      const snap = await client.query<{ state: Buffer; version: number }>(
        'select state, version from section_snapshots where section_id = $1',
        [sectionId],
      )
      const updates = await client.query<{ id: number; data: Buffer }>(
        'select id, data from section_updates where section_id = $1 order by id',
        [sectionId],
      )
      const row = snap.rows[0]
      return {
        snapshot: row ? { state: toBytes(row.state), version: row.version } : null,
        updates: updates.rows.map((r) => ({ id: Number(r.id), data: toBytes(r.data) })),
      }
    })
  }

  async append(entries: readonly NewUpdate[]): Promise<number[]> {
    if (entries.length === 0) return []
    const now = Date.now()
    const res = await this.pool.query<{ id: string | number }>(
      'insert into section_updates (section_id, data, created_at) ' +
        'select s, d, $3 from unnest($1::text[], $2::bytea[]) with ordinality as u(s, d, n) order by n returning id',
      [
        entries.map((e) => e.sectionId),
        entries.map((e) => Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength)),
        now,
      ],
    )
    // Ids come from one sequence in insertion order, so sorted ids line up with the entries.
    return res.rows.map((r) => Number(r.id)).sort((a, b) => a - b)
  }

  async compact(sectionId: string, state: Uint8Array, replacedIds: readonly number[], expectedVersion: number | null) {
    return inTransaction(this.pool, 'begin', async (client) => {
      const cur = await client.query<{ version: number }>(
        'select version from section_snapshots where section_id = $1 for update',
        [sectionId],
      )
      const current = cur.rows[0]?.version ?? null
      if (current !== expectedVersion) return null
      const version = (current ?? 0) + 1
      const inserted = await client.query(
        'insert into section_snapshots (section_id, state, version, updated_at) values ($1, $2, $3, $4) ' +
          'on conflict (section_id) do update set state = excluded.state, version = excluded.version, updated_at = excluded.updated_at ' +
          'where section_snapshots.version = $5',
        [sectionId, Buffer.from(state), version, Date.now(), current],
      )
      if (current === null && inserted.rowCount === 0) return null
      await client.query('delete from section_updates where section_id = $1 and id = any($2::bigint[])', [
        sectionId,
        replacedIds,
      ])
      return version
    })
  }
}
