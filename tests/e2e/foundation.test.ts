import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactPath, launchBrowser } from '../support/browser'
import { ENGINES, type TestDatabase } from '../support/engines'
import { HAS_CHROMIUM } from '../support/requirements'
import { type ServerProcess, startServerProcess } from '../support/server-process'

/**
 * The foundation as people use it, in a real browser against the real server: an owner signs up,
 * creates a workspace and an invite; a colleague opens the link, signs up and joins; the owner makes
 * them lead of Sales; the colleague reloads and sees it.
 */
const PASSWORD = 'correct horse battery staple'
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const OWNER = { name: 'Olivia Owner', email: `olivia-${stamp}@example.com` }
const MEMBER = { name: 'Sam Seller', email: `sam-${stamp}@example.com` }

async function signUp(page: Page, person: { name: string; email: string }) {
  await page.getByLabel('Name').fill(person.name)
  await page.getByLabel('Work email').fill(person.email)
  // exact: the show/hide toggle's label mentions "password" too
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
}

/** Picks an option of a Mantine (Multi)Select found by its accessible name, then closes the list. */
async function pickOption(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox }).click()
  await page.getByRole('option', { name: option }).click()
  await page.keyboard.press('Escape')
}

describe.skipIf(!HAS_CHROMIUM)('foundation in the browser', () => {
  let database: TestDatabase
  let server: ServerProcess
  let browser: Browser
  const contexts: BrowserContext[] = []
  /** What went wrong in the pages (script errors, failed loads), printed when the test fails. */
  const pageTrouble: string[] = []

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport })
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    const who = `${viewport.width}px`
    page.on('pageerror', (e) => pageTrouble.push(`${who} script error: ${e.message}`))
    page.on('requestfailed', (r) =>
      pageTrouble.push(`${who} request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`),
    )
    page.on('response', (r) => {
      // 401s from /api/auth/me and the wrong password are part of the scenario.
      if (r.status() >= 400 && r.status() !== 401)
        pageTrouble.push(`${who} ${r.status()} ${r.request().method()} ${r.url()}`)
    })
    return page
  }

  beforeAll(async () => {
    database = await ENGINES[0]!.open()
    server = await startServerProcess(database.env)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await server?.stop()
    await database?.dispose()
  })

  it(
    'an owner invites a colleague, makes them lead of Sales, and the colleague sees it',
    { timeout: 120_000 },
    async () => {
      const owner = await newPage({ width: 1280, height: 800 })
      const member = await newPage({ width: 390, height: 844 })
      try {
        // The owner arrives signed out and is sent to sign in.
        await owner.goto(server.url + '/')
        await owner.waitForURL(/\/signin/)
        await owner.getByRole('heading', { name: 'Sign in to Planroom' }).waitFor()
        await owner.screenshot({ path: artifactPath('foundation-signin.png'), animations: 'disabled' })

        // A wrong password answers with the server's sentence, in place.
        await owner.getByLabel('Email').fill(OWNER.email)
        await owner.getByLabel('Password', { exact: true }).fill('not the password')
        await owner.getByRole('button', { name: 'Sign in' }).click()
        await owner.getByRole('alert').filter({ hasText: 'That email and password do not match.' }).waitFor()

        await owner.getByRole('link', { name: 'Create an account' }).click()
        await signUp(owner, OWNER)

        // No workspace yet: onboarding.
        await owner.getByRole('heading', { name: 'Create your workspace' }).waitFor()
        await owner.getByLabel('Workspace name').fill('Acme')
        await owner.getByRole('button', { name: 'Create workspace' }).click()
        await owner.getByRole('heading', { name: 'Acme', level: 2 }).waitFor()
        await owner.getByText('Start your first plan').waitFor()
        const workspaceUrl = owner.url()
        expect(workspaceUrl).toMatch(/\/w\/[A-Za-z0-9_-]+$/)
        await owner.screenshot({ path: artifactPath('foundation-workspace.png'), animations: 'disabled' })

        // An invite for an editor in Marketing, through the Invites page.
        const nav = owner.getByRole('navigation', { name: 'Workspace navigation' })
        await nav.getByRole('link', { name: 'Invites' }).click()
        await owner.getByRole('heading', { name: 'Invite someone' }).waitFor()
        expect(await owner.getByRole('combobox', { name: 'Role' }).inputValue()).toBe('Editor')
        await pickOption(owner, 'Departments', 'Marketing')
        await owner.getByRole('button', { name: 'Create invite link' }).click()
        const linkBox = owner.getByRole('textbox', { name: 'Invite link' })
        await linkBox.waitFor()
        const inviteUrl = await linkBox.inputValue()
        expect(inviteUrl).toMatch(new RegExp(`^${server.url}/invite/[a-z0-9]{20,}$`))
        await owner.getByRole('table', { name: 'Invites' }).getByText('Pending').waitFor()

        // The colleague, on a phone, opens the link: it says who invites them to what, and signs them up there.
        await member.goto(inviteUrl)
        await member.getByText(`${OWNER.name} invited you to join Acme as Editor (Marketing)`).waitFor()
        await signUp(member, MEMBER)
        await member.waitForURL(/\/w\/[A-Za-z0-9_-]+$/)
        expect(new URL(member.url()).pathname).toBe(new URL(workspaceUrl).pathname)
        await member.getByRole('heading', { name: 'Acme', level: 2 }).waitFor()

        // The owner makes them lead of Sales on the members page.
        await nav.getByRole('link', { name: 'Members' }).click()
        const members = owner.getByRole('table', { name: 'Members' })
        const memberRow = members.getByRole('row').filter({ hasText: MEMBER.email })
        await memberRow.waitFor()
        expect(await owner.getByRole('combobox', { name: `Role of ${MEMBER.name}` }).inputValue()).toBe('Editor')
        await pickOption(owner, `Departments ${MEMBER.name} leads`, 'Sales')
        await owner.getByText(`${MEMBER.name} now leads Sales.`).waitFor()
        // Leading Sales made them a member of it, next to Marketing from the invite.
        await expect.poll(() => memberRow.textContent()).toMatch(/Marketing.*Sales.*Sales/)
        await owner.screenshot({ path: artifactPath('foundation-members.png'), animations: 'disabled' })

        // The colleague reloads: their own access and the members page say they lead Sales.
        await member.reload()
        await member.getByRole('button', { name: 'Open navigation' }).click()
        const access = member.getByLabel('Your access')
        await access.getByText('Lead · Sales').waitFor()
        await expect.poll(() => access.textContent()).toContain('Editor')
        await member
          .getByRole('navigation', { name: 'Workspace navigation' })
          .getByRole('link', { name: 'Members' })
          .click()
        const myCard = member.getByRole('group', { name: MEMBER.name })
        await myCard.getByText('Lead · Sales').waitFor()
        await expect.poll(() => myCard.textContent()).toContain('Editor')
        // They are an editor, so the table is read-only for them.
        expect(await member.getByRole('combobox').count()).toBe(0)
        await member.screenshot({
          path: artifactPath('foundation-members-colleague.png'),
          fullPage: true,
          animations: 'disabled',
        })
      } catch (error) {
        await owner.screenshot({ path: artifactPath('foundation-failure-owner.png') }).catch(() => {})
        await member.screenshot({ path: artifactPath('foundation-failure-colleague.png') }).catch(() => {})
        console.error(['In the pages:', ...pageTrouble, 'Server output:', server.output()].join('\n'))
        throw error
      }
    },
  )
})
