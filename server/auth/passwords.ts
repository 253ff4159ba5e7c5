import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id minimum: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
// Argon2id is the library's default algorithm (its const enum cannot be imported under isolatedModules).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, OPTIONS)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let decoy: Promise<string> | null = null
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('planroom-decoy-password')
  return decoy
}
