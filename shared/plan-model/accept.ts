import type { z } from 'zod'

/** Whether a plain value is valid as it is, answered without running zod. */
export type Accept = (value: unknown) => boolean

/**
 * Quick acceptance of plain values, derived from the zod schemas themselves. Reading a large plan
 * through zod costs milliseconds (2,000 calendar entries × 6 fields); these predicates answer "valid
 * as it is" for the kinds of values our schemas use in a fraction of that. A predicate says yes only
 * when zod would (a property test holds them to it); a schema, format or check it does not know gets
 * no predicate, and zod decides as before. Relies on zod 4's `_zod.def` layout.
 */
export function acceptorOf(schema: z.ZodType): Accept | null {
  if (!CACHE.has(schema)) CACHE.set(schema, compile(schema))
  return CACHE.get(schema) ?? null
}
const CACHE = new WeakMap<z.ZodType, Accept | null>()

interface Def {
  type: string
  innerType?: z.ZodType
  element?: z.ZodType
  entries?: Record<string, unknown>
  format?: string
  pattern?: RegExp
  checks?: { _zod: { def: CheckDef } }[]
}
interface CheckDef {
  check: string
  maximum?: number
  minimum?: number
  value?: number
  inclusive?: boolean
  format?: string
  pattern?: RegExp
}

function compile(schema: z.ZodType): Accept | null {
  const def = schema._zod.def as unknown as Def
  const checks = (def.checks ?? []).map((c) => check(c._zod.def))
  if (checks.includes(null)) return null
  const all = (v: unknown) => checks.every((c) => c!(v))
  switch (def.type) {
    case 'default':
      // A missing value is zod's to fill in; a present one must be valid for the inner schema.
      return def.innerType ? acceptorOf(def.innerType) : null
    case 'nullable': {
      const inner = def.innerType ? acceptorOf(def.innerType) : null
      return inner && ((v) => v === null || inner(v))
    }
    case 'boolean':
      return (v) => typeof v === 'boolean'
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}))
      return (v) => (typeof v === 'string' || typeof v === 'number') && values.has(v)
    }
    case 'string': {
      if (def.format !== undefined && !(def.format === 'date' && def.pattern)) return null
      const pattern = def.pattern
      return (v) => typeof v === 'string' && (!pattern || pattern.test(v)) && all(v)
    }
    case 'number': {
      if (def.format !== undefined && def.format !== 'safeint') return null
      const whole = def.format === 'safeint'
      return (v) => typeof v === 'number' && (whole ? Number.isSafeInteger(v) : Number.isFinite(v)) && all(v)
    }
    case 'array': {
      const element = def.element ? acceptorOf(def.element) : null
      return element && ((v) => Array.isArray(v) && all(v) && v.every(element))
    }
    default:
      return null
  }
}

function check(c: CheckDef): Accept | null {
  switch (c.check) {
    case 'max_length':
      return (v) => (v as { length: number }).length <= c.maximum!
    case 'min_length':
      return (v) => (v as { length: number }).length >= c.minimum!
    case 'greater_than':
      return c.inclusive ? (v) => (v as number) >= c.value! : (v) => (v as number) > c.value!
    case 'less_than':
      return c.inclusive ? (v) => (v as number) <= c.value! : (v) => (v as number) < c.value!
    case 'string_format':
      return c.format === 'regex' && c.pattern && !c.pattern.global && !c.pattern.sticky
        ? (v) => c.pattern!.test(v as string)
        : null
    default:
      return null
  }
}
