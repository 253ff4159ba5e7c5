import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserResponse } from '../../shared/auth/schema'
import type { ErrorBody } from '../../shared/api/errors'
import { ApiClient, type TestApp, startTestApp, uniqueEmail, type WorkspaceList } from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { createApp } from '../app'
import { SESSION_COOKIE } from './cookie'
import {
  ACCOUNT_AT_ADDRESS_POLICY,
  ACCOUNT_DELAY_POLICY,
  ADDRESS_POLICY,
  type ThrottlePolicy,
  accountAtAddressKey,
  accountKey,
  lockDuration,
  recordFailure,
} from './login-throttle'
import { SESSION_TTL_MS } from './sessions'

const DAY = 24 * 60 * 60 * 1000
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex')
const tokenOf = (client: ApiClient) => client.cookies.get(SESSION_COOKIE)

/** A second browser that carries exactly this session token. */
function browserWithToken(app: TestApp['app'], token: string) {
  const client = new ApiClient(app)
  client.cookies.set(SESSION_COOKIE, token)
  return client
}

/** The Set-Cookie header for the session cookie, if the response sent one. */
const sessionSetCookie = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))

describe('lockDuration (login throttle policy)', () => {
  const policy: ThrottlePolicy = { free: 3, baseLockMs: 1000, maxLockMs: 60_000, resetAfterMs: 900_000 }
  it.each([
    [0, 0],
    [3, 0],
    [4, 1000],
    [5, 2000],
    [6, 4000],
    [10, 60_000],
    [1000, 60_000],
  ])('%i failures lock for %i ms', (failures, ms) => {
    expect(lockDuration(failures, policy)).toBe(ms)
  })

  it('gives an address (a whole office) more room than one account from one address', () => {
    expect(ADDRESS_POLICY.free).toBeGreaterThan(ACCOUNT_AT_ADDRESS_POLICY.free)
  })
})

describe.each(ENGINES)('auth on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(engine)
    })
    afterAll(() => t?.dispose())

    const sessionsOf = (userId: string) =>
      t.services.storage.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute()

    describe('sign up, log in, log out, me', () => {
      it('signs up, sets the session cookie and answers /me with the user (never the password hash)', async () => {
        const client = new ApiClient(t.app)
        const email = uniqueEmail('Signup')
        const res = await client.req<UserResponse>('POST', '/api/auth/signup', {
          name: '  Ada Lovelace ',
          email: ` ${email.toUpperCase()} `,
          password: client.password,
        })
        expect(res.status).toBe(201)
        expect(res.json).toEqual({
          user: { id: expect.any(String) as unknown, name: 'Ada Lovelace', email: email.toLowerCase() },
        })
        expect(tokenOf(client)).toBeTruthy()

        const me = await client.req('GET', '/api/auth/me')
        expect(me.status).toBe(200)
        // /me also carries the mail preference (docs/product.md#mail-and-the-calendar-feed).
        expect(me.json).toEqual({ user: { ...res.json.user, emailNotifications: 'instant' } })
        expect(me.text).not.toMatch(/argon|password/i)
      })

      it('logs in with the email in any case and answers /me', async () => {
        const first = await new ApiClient(t.app).signup('Grace')
        const client = new ApiClient(t.app)
        const res = await client.req<UserResponse>('POST', '/api/auth/login', {
          email: first.user!.email.toUpperCase(),
          password: first.password,
        })
        expect(res.status).toBe(200)
        expect(res.json.user).toEqual(first.user)
        expect((await client.req<UserResponse>('GET', '/api/auth/me')).json.user.id).toBe(first.user!.id)
      })

      it('answers /me without a session with 401', async () => {
        expectError(await new ApiClient(t.app).req('GET', '/api/auth/me'), 401, 'unauthenticated')
      })

      it('answers /session with the user, or null without a session, and 200 either way', async () => {
        const client = await new ApiClient(t.app).signup('Hedy')
        expect(await client.req('GET', '/api/auth/session')).toMatchObject({ status: 200, json: { user: client.user } })
        expect(await new ApiClient(t.app).req('GET', '/api/auth/session')).toMatchObject({
          status: 200,
          json: { user: null },
        })
      })

      it('refuses a second account with the same email (in any case) with 409', async () => {
        const first = await new ApiClient(t.app).signup()
        const again = new ApiClient(t.app)
        const res = await again.req('POST', '/api/auth/signup', {
          name: 'Copy',
          email: first.user!.email.toUpperCase(),
          password: again.password,
        })
        expectError(res, 409, 'email_taken')
        expect(tokenOf(again)).toBeUndefined()
        const users = await t.services.storage.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', first.user!.email)
          .execute()
        expect(users).toHaveLength(1)
      })

      it('answers a wrong password and an unknown email with the same 401', async () => {
        const user = await new ApiClient(t.app).signup()
        const client = new ApiClient(t.app)
        const wrong = await client.req<ErrorBody>('POST', '/api/auth/login', {
          email: user.user!.email,
          password: 'not the password at all',
        })
        expectError(wrong, 401, 'invalid_credentials')
        const unknown = await client.req<ErrorBody>('POST', '/api/auth/login', {
          email: uniqueEmail('nobody'),
          password: 'not the password at all',
        })
        expectError(unknown, 401, 'invalid_credentials')
        expect(unknown.json.error.message).toBe(wrong.json.error.message)
        expect(tokenOf(client)).toBeUndefined()
      })

      it('logout deletes the session: the old cookie then gets 401 on /me', async () => {
        const client = await new ApiClient(t.app).signup()
        const token = tokenOf(client)!
        expect(await sessionsOf(client.user!.id)).toHaveLength(1)

        const out = await client.req('POST', '/api/auth/logout')
        expect(out.status).toBe(204)
        expect(sessionSetCookie(out.headers)).toMatch(/Max-Age=0/i)
        expect(tokenOf(client)).toBeUndefined()

        expect(await sessionsOf(client.user!.id)).toHaveLength(0)
        expectError(await browserWithToken(t.app, token).req('GET', '/api/auth/me'), 401, 'unauthenticated')
      })

      it('logout without a session is harmless', async () => {
        expect((await new ApiClient(t.app).req('POST', '/api/auth/logout')).status).toBe(204)
      })
    })

    describe('sessions', () => {
      it('sets the cookie HttpOnly, SameSite=Lax, Path=/, for the session lifetime; Secure only over https', async () => {
        const client = new ApiClient(t.app)
        const res = await client.req('POST', '/api/auth/signup', {
          name: 'Cookie',
          email: uniqueEmail(),
          password: client.password,
        })
        const cookie = sessionSetCookie(res.headers)!
        expect(cookie).toMatch(/;\s*HttpOnly/i)
        expect(cookie).toMatch(/;\s*SameSite=Lax/i)
        expect(cookie).toMatch(/;\s*Path=\/(;|$)/i)
        expect(cookie).not.toMatch(/;\s*Secure/i)
        const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]!)
        expect(Math.abs(expires - (Date.now() + SESSION_TTL_MS))).toBeLessThan(60_000)

        const https = new ApiClient(t.app, 'https://planroom.test')
        const secure = await https.req('POST', '/api/auth/signup', {
          name: 'Secure',
          email: uniqueEmail(),
          password: https.password,
        })
        expect(sessionSetCookie(secure.headers)).toMatch(/;\s*Secure/i)
      })

      it('stores only the SHA-256 of the token', async () => {
        const client = await new ApiClient(t.app).signup()
        const token = tokenOf(client)!
        const rows = await sessionsOf(client.user!.id)
        expect(rows.map((r) => r.id)).toEqual([sha256(token)])
        const all = JSON.stringify(await t.services.storage.db.selectFrom('sessions').selectAll().execute())
        expect(all).not.toContain(token)
      })

      it('rotates the session at login: a new token, and the old one stops working', async () => {
        const client = await new ApiClient(t.app).signup()
        const before = tokenOf(client)!
        const ended: string[] = []
        const onEnded = ({ sessionId }: { sessionId: string }) => ended.push(sessionId)
        t.services.access.on('sessionEnded', onEnded)
        try {
          const res = await client.req('POST', '/api/auth/login', {
            email: client.user!.email,
            password: client.password,
          })
          expect(res.status).toBe(200)
        } finally {
          t.services.access.off('sessionEnded', onEnded)
        }
        const after = tokenOf(client)!
        expect(after).toBeTruthy()
        expect(after).not.toBe(before)

        expectError(await browserWithToken(t.app, before).req('GET', '/api/auth/me'), 401, 'unauthenticated')
        expect((await client.req('GET', '/api/auth/me')).status).toBe(200)
        expect((await sessionsOf(client.user!.id)).map((r) => r.id)).toEqual([sha256(after)])
        // Live connections opened with the old session must be told to close (docs/product.md#live-editing).
        expect(ended).toEqual([sha256(before)])
      })

      it('ends the previous session when signing up while signed in', async () => {
        const client = await new ApiClient(t.app).signup('First account')
        const first = { user: client.user!, token: tokenOf(client)! }
        await client.signup('Second account')
        expect(tokenOf(client)).not.toBe(first.token)
        expectError(await browserWithToken(t.app, first.token).req('GET', '/api/auth/me'), 401, 'unauthenticated')
        expect(await sessionsOf(first.user.id)).toEqual([])
        expect((await client.req<UserResponse>('GET', '/api/auth/me')).json.user.name).toBe('Second account')
      })

      it('slides the expiry: a session close to its end is extended and the cookie re-sent', async () => {
        const client = await new ApiClient(t.app).signup()
        const token = tokenOf(client)!
        const db = t.services.storage.db

        // A fresh session is not renewed on every request.
        const fresh = await client.req('GET', '/api/auth/me')
        expect(sessionSetCookie(fresh.headers)).toBeUndefined()

        await db
          .updateTable('sessions')
          .set({ expires_at: Date.now() + DAY })
          .where('id', '=', sha256(token))
          .execute()
        const res = await client.req('GET', '/api/auth/me')
        expect(res.status).toBe(200)
        const cookie = sessionSetCookie(res.headers)
        expect(cookie).toContain(`${SESSION_COOKIE}=${token};`)
        expect(
          Math.abs(Date.parse(/Expires=([^;]+)/i.exec(cookie!)![1]!) - (Date.now() + SESSION_TTL_MS)),
        ).toBeLessThan(60_000)
        const row = await db
          .selectFrom('sessions')
          .selectAll()
          .where('id', '=', sha256(token))
          .executeTakeFirstOrThrow()
        expect(Math.abs(row.expires_at - (Date.now() + SESSION_TTL_MS))).toBeLessThan(60_000)
      })

      it('refuses an expired session, deletes it and clears the cookie', async () => {
        const client = await new ApiClient(t.app).signup()
        const token = tokenOf(client)!
        await t.services.storage.db
          .updateTable('sessions')
          .set({ expires_at: Date.now() - 1000 })
          .where('id', '=', sha256(token))
          .execute()
        const res = await client.req('GET', '/api/auth/me')
        expectError(res, 401, 'unauthenticated')
        expect(sessionSetCookie(res.headers)).toMatch(/Max-Age=0/i)
        expect(await sessionsOf(client.user!.id)).toHaveLength(0)
      })

      it.each([
        ['a made-up token', 'a'.repeat(40)],
        ['a broken escape', '%E0%A4%A'],
        ['a lone percent sign', '%'],
        ['a quoted value', '"quoted"'],
        ['a very long value', 'a'.repeat(8000)],
        ['an empty value', ''],
      ])('answers a session cookie with %s with 401', async (_, value) => {
        const res = await t.app.request('http://planroom.test/api/auth/me', {
          headers: { cookie: `${SESSION_COOKIE}=${value}` },
        })
        expect(res.status).toBe(401)
        expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) as unknown } })
      })
    })

    describe('CSRF: non-GET requests from a foreign Origin', () => {
      const workspaceNames = async (client: ApiClient) =>
        (await client.req<WorkspaceList>('GET', '/api/workspaces')).json.workspaces.map((w) => w.name)

      it.each([
        ['another site', 'https://evil.example'],
        ['a look-alike host', 'http://planroom.test.evil.example'],
        ['another port', 'http://planroom.test:8080'],
        ['an opaque origin', 'null'],
      ])('refuses %s with 403 foreign_origin and changes nothing', async (_, origin) => {
        const client = await new ApiClient(t.app).signup()
        expectError(
          await client.req('POST', '/api/workspaces', { name: `From ${origin}` }, { origin }),
          403,
          'foreign_origin',
        )
        expect(await workspaceNames(client)).toEqual([])
        // Nor can another site sign someone out, or in.
        expectError(await client.req('POST', '/api/auth/logout', undefined, { origin }), 403, 'foreign_origin')
        expect((await client.req('GET', '/api/auth/me')).status).toBe(200)
        const other = new ApiClient(t.app)
        expectError(
          await other.req(
            'POST',
            '/api/auth/login',
            { email: client.user!.email, password: client.password },
            { origin },
          ),
          403,
          'foreign_origin',
        )
        expect(tokenOf(other)).toBeUndefined()
      })

      it.each([
        ['no Origin (a script)', {}],
        ['the public origin', { origin: 'http://planroom.test' }],
        ['the origin of the Host it was sent to', { origin: 'http://localhost:3000', host: 'localhost:3000' }],
      ])('allows %s', async (label, headers: Record<string, string>) => {
        const client = await new ApiClient(t.app).signup()
        const res = await client.req('POST', '/api/workspaces', { name: `Via ${label}` }, headers)
        expect(res.status).toBe(201)
        expect(await workspaceNames(client)).toEqual([`Via ${label}`])
      })

      it('does not refuse reads from a foreign Origin', async () => {
        const client = await new ApiClient(t.app).signup()
        expect((await client.req('GET', '/api/auth/me', undefined, { origin: 'https://evil.example' })).status).toBe(
          200,
        )
      })
    })
  })
})

/**
 * The login limit, each test from its own address: the app here trusts X-Forwarded-For as a server
 * behind a proxy (TRUST_PROXY=1) would, so tests do not share the limit of one address.
 */
describe.each(ENGINES)('login limit on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let proxied: TestApp['app']
    let address = 0
    beforeAll(async () => {
      t = await startTestApp(engine)
      proxied = createApp({ ...t.services, config: { ...t.services.config, trustProxy: true } })
    })
    afterAll(() => t?.dispose())

    const newAddress = () => `198.51.100.${++address}`
    async function login(from: string, email: string, password: string, app = proxied) {
      return new ApiClient(app).req('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': from })
    }
    const newAccount = async () => {
      const client = await new ApiClient(t.app).signup()
      return Object.assign(client, { user: client.user! })
    }

    it(`locks an account from one address after ${ACCOUNT_AT_ADDRESS_POLICY.free} free failures, even against the right password; elsewhere it is let in`, async () => {
      const victim = await newAccount()
      const bystander = await newAccount()
      const from = newAddress()
      const free = ACCOUNT_AT_ADDRESS_POLICY.free
      for (let i = 0; i < free; i++)
        expectError(await login(from, victim.user.email, `wrong password ${i}`), 401, 'invalid_credentials')
      // Still free: the right password works here, and clears the count.
      expect((await login(from, victim.user.email, victim.password)).status).toBe(200)

      for (let i = 0; i <= free; i++)
        expectError(await login(from, victim.user.email, `wrong password ${i}`), 401, 'invalid_credentials')
      const locked = await login(from, victim.user.email, victim.password)
      expectError(locked, 429, 'too_many_attempts')
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(
        Math.ceil(ACCOUNT_AT_ADDRESS_POLICY.baseLockMs / 1000),
      )
      expectError(await login(from, victim.user.email.toUpperCase(), victim.password), 429, 'too_many_attempts')
      // The lock is on that account from that address: the person, elsewhere, is not locked out by it.
      expect((await login(newAddress(), victim.user.email, victim.password)).status).toBe(200)
      expect((await login(from, bystander.user.email, bystander.password)).status).toBe(200)
    })

    it("does not let a stranger who fails someone's password lock that person out", async () => {
      const victim = await newAccount()
      const stranger = newAddress()
      for (let i = 0; i <= ACCOUNT_AT_ADDRESS_POLICY.free + 2; i++)
        await login(stranger, victim.user.email, `guess ${i}`)
      expectError(await login(stranger, victim.user.email, victim.password), 429, 'too_many_attempts')
      expect((await login(newAddress(), victim.user.email, victim.password)).status).toBe(200)
    })

    it('slows attempts at one account from many addresses by a growing delay, and never refuses the right password', async () => {
      const victim = await newAccount()
      const { free, baseLockMs } = ACCOUNT_DELAY_POLICY
      // One guess from each of many addresses: no address and no account-at-address is ever limited.
      for (let i = 0; i <= free; i++)
        expectError(await login(newAddress(), victim.user.email, `spread guess ${i}`), 401, 'invalid_credentials')
      const timed = async (password: string) => {
        const started = performance.now()
        const res = await login(newAddress(), victim.user.email, password)
        return { res, ms: performance.now() - started }
      }
      const first = await timed('one more guess')
      expectError(first.res, 401, 'invalid_credentials')
      expect(first.ms).toBeGreaterThanOrEqual(baseLockMs)
      const second = await timed(victim.password)
      expect(second.res.status).toBe(200)
      expect(second.ms).toBeGreaterThanOrEqual(2 * baseLockMs)
      // Signed in, the account's count is forgotten: no delay any more.
      const db = t.services.storage.db
      expect(
        await db
          .selectFrom('login_throttle')
          .selectAll()
          .where('key', '=', accountKey(victim.user.email).key)
          .execute(),
      ).toEqual([])
    })

    it('does not let guesses sent all at once slip past the account limit', async () => {
      const victim = await newAccount()
      const from = newAddress()
      const guesses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(from, victim.user.email, `guess number ${i}`)),
      )
      const statuses = guesses.map((r) => r.status)
      // Exactly as many guesses are checked as when sent one by one; the others are refused unchecked.
      expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_AT_ADDRESS_POLICY.free + 1)
      expect(statuses.filter((s) => s === 429)).toHaveLength(12 - ACCOUNT_AT_ADDRESS_POLICY.free - 1)
      expectError(await login(from, victim.user.email, victim.password), 429, 'too_many_attempts')
    })

    it('does not let guesses at many accounts sent all at once slip past the address limit', async () => {
      const from = newAddress()
      const n = ADDRESS_POLICY.free + 10
      const guesses = await Promise.all(
        Array.from({ length: n }, () => login(from, uniqueEmail('spray'), 'wrong password')),
      )
      const statuses = guesses.map((r) => r.status)
      expect(statuses.filter((s) => s === 401)).toHaveLength(ADDRESS_POLICY.free + 1)
      expect(statuses.filter((s) => s === 429)).toHaveLength(n - ADDRESS_POLICY.free - 1)
    })

    it('lets the account in again once the lock has run out, and forgets its failures', async () => {
      const victim = await newAccount()
      const from = newAddress()
      for (let i = 0; i <= ACCOUNT_AT_ADDRESS_POLICY.free; i++) await login(from, victim.user.email, 'wrong password')
      expectError(await login(from, victim.user.email, victim.password), 429, 'too_many_attempts')

      const db = t.services.storage.db
      const pair = accountAtAddressKey(victim.user.email, from).key
      await db
        .updateTable('login_throttle')
        .set({ locked_until: Date.now() - 1 })
        .where('key', '=', pair)
        .execute()
      expect((await login(from, victim.user.email, victim.password)).status).toBe(200)
      expect(await db.selectFrom('login_throttle').selectAll().where('key', '=', pair).execute()).toEqual([])
    })

    it(`locks an address after ${ADDRESS_POLICY.free} free failures across many accounts; other addresses are unaffected`, async () => {
      const user = await newAccount()
      const from = newAddress()
      // Each guessed account stays under its own limit: only the address adds up.
      for (let i = 0; i <= ADDRESS_POLICY.free; i++)
        expectError(await login(from, uniqueEmail('guess'), 'wrong password'), 401, 'invalid_credentials')
      const locked = await login(from, user.user.email, user.password)
      expectError(locked, 429, 'too_many_attempts')
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/)

      expect((await login(newAddress(), user.user.email, user.password)).status).toBe(200)
    })

    it('forgets keys that have been quiet longer than the policies remember', async () => {
      const db = t.services.storage.db
      const long = Date.now() - ACCOUNT_AT_ADDRESS_POLICY.resetAfterMs - 60_000
      await recordFailure(db, [accountKey('old@example.com')], long)
      await recordFailure(db, [accountKey('new@example.com')])
      const keys = (await db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key)
      expect(keys).toContain('email:new@example.com')
      expect(keys).not.toContain('email:old@example.com')
    })

    it('does not trust X-Forwarded-For unless configured to: a spoofed header does not escape the address limit', async () => {
      const separate = await startTestApp(engine) // its own database: this test locks the one address it sees
      try {
        const user = await new ApiClient(separate.app).signup()
        for (let i = 0; i <= ADDRESS_POLICY.free; i++) {
          expectError(
            await login(`203.0.113.${i}`, uniqueEmail('guess'), 'wrong password', separate.app),
            401,
            'invalid_credentials',
          )
        }
        expectError(await login('192.0.2.77', user.user!.email, user.password, separate.app), 429, 'too_many_attempts')
      } finally {
        await separate.dispose()
      }
    })
  })
})
