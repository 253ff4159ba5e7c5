import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import type { ErrorBody } from '../../shared/api/errors'
import { ApiClient, type Created, type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'
import { BOARD, fillBoardPlan } from '../../tests/support/board-plan'
import { artifactPath } from '../../tests/support/browser'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { HAS_CHROMIUM } from '../../tests/support/requirements'
import { closePdfBrowser } from './chromium'

/** Where each of these texts first appears, in order; -1 for one that is missing. */
const positions = (text: string, parts: readonly string[]) => parts.map((p) => text.indexOf(p))
const increasing = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!))

describe.each(ENGINES)('plan export on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let fx: Awaited<ReturnType<typeof workspaceFixture>>
    let plan: Plan
    const exportAs = (who: ApiClient, format?: string, planId = plan.id) =>
      who.req('GET', `/api/plans/${planId}/export${format ? `?format=${format}` : ''}`)

    beforeAll(async () => {
      t = await startTestApp(engine)
      fx = await workspaceFixture(t.app, 'Boulangerie Martin')
      const created = await fx.owner.req<Created>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
        title: 'Social plan 2027',
      })
      ;({ plan } = await fillBoardPlan(fx, created.json.id, (id, edit) => t.services.hub.change(id, edit)))
    })
    afterAll(async () => {
      await closePdfBrowser()
      await t?.services.hub.close()
      await t?.dispose()
    })

    /** What every text format must hold: titles in the six steps' order, objectives' fields, approvals, health. */
    function expectWholePlan(text: string, heading: (title: string) => string) {
      const titles = plan.sections.map((s) => s.title)
      expect(titles).toContain('Instagram')
      expect(positions(text, titles.map(heading)), 'section titles in the plan order').toSatisfy(increasing)
      const steps = [
        'Define the objectives',
        'Analyse the competition',
        'Develop a social positioning',
        'Define the strategy in detail',
        'Establish a process',
        'Put everything in writing',
      ]
      expect(positions(text, steps), 'the six steps in order').toSatisfy(increasing)
      const o = BOARD.objective
      for (const field of [
        o.statement,
        o.metric,
        o.baseline,
        o.target,
        o.deadline,
        'Metric',
        'Baseline',
        'Target',
        'Deadline',
      ])
        expect(text).toContain(field)
      for (const words of [
        BOARD.kpi,
        BOARD.calendarTheme,
        BOARD.competitor,
        BOARD.crisis,
        BOARD.guidelines,
        BOARD.guidelinesBullet,
        'Lee Lead',
        'Olivia Owner',
      ])
        expect(text).toContain(words)
      // Approvals: Sales approved by its lead, Marketing still a draft.
      expect(text).toMatch(/Sales[^\n]*Approved[^\n]*Approved by Lee Lead/)
      expect(text).toMatch(/Marketing[^\n]*Draft/)
      expect(text).toMatch(/The plan health check finds \d+ (problem|warning|note)/)
      expect(text).not.toMatch(/\{"|obj-bookings|\[object Object\]/)
    }

    it('exports Markdown: the whole plan as readable text and tables, as an attachment', async () => {
      const res = await exportAs(fx.owner, 'md')
      expect(res.status, res.text).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/markdown/)
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="social-plan-2027-\d{4}-\d{2}-\d{2}\.md"$/,
      )
      expectWholePlan(res.text, (title) => `### ${title}`)
      expect(res.text).toMatch(/\| Objective \| Metric \| Baseline \| Target \| Deadline \| Owner \| Networks \|/)
      expect(res.text).toContain(`## ${BOARD.guidelinesHeading}`.replace('##', '####'))
      fs.writeFileSync(artifactPath(`export-${engine.engine}.md`), res.text)
    })

    it('exports Markdown when no format is given', async () => {
      const res = await exportAs(fx.owner)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/markdown/)
    })

    it('exports a self-contained HTML page: styles and images inline, nothing fetched, a print stylesheet', async () => {
      const res = await exportAs(fx.owner, 'html')
      expect(res.status, res.text).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('content-disposition')).toMatch(/\.html"$/)
      const text = res.text
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, ' ')
      expectWholePlan(
        res.text
          .replace(/<\/(td|th|dt|dd)>/g, ' ')
          .replace(/<(?!\/?h3>)[^>]+>/g, '')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&'),
        (title) => `<h3>${title}</h3>`,
      )
      expect(text).toContain('Contents')
      expect(res.text).toContain('@media print')
      expect(res.text).toMatch(/<img src="data:image\/svg\+xml;base64,/)
      expect(res.text).not.toMatch(/<script|<link|src="http|url\(http/i)
      fs.writeFileSync(artifactPath(`export-${engine.engine}.html`), res.text)
    })

    it.skipIf(!HAS_CHROMIUM)(
      'exports a PDF made by the server: it parses, with the title, the guidelines and page numbers',
      { timeout: 60_000 },
      async () => {
        const res = await fx.owner.app.request(`${fx.owner.base}/api/plans/${plan.id}/export?format=pdf`, {
          headers: { cookie: fx.owner.cookieHeader },
        })
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toBe('application/pdf')
        expect(res.headers.get('content-disposition')).toMatch(/\.pdf"$/)
        const file = artifactPath(`export-${engine.engine}.pdf`)
        fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
        expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        expect(text).toContain('Social plan 2027')
        expect(text).toContain(BOARD.guidelines)
        expect(text).toContain('Contents')
        expect(text).toMatch(/Page 1 of \d+/)
        expect(text).toContain('Define the objectives')
      },
    )

    it('answers 503 pdf_unavailable, saying what to install, when Chromium is not there', async () => {
      const before = process.env.CHROMIUM_PATH
      await closePdfBrowser()
      process.env.CHROMIUM_PATH = '/nonexistent/chromium'
      try {
        const res = await exportAs(fx.owner, 'pdf')
        expectError(res, 503, 'pdf_unavailable')
        expect((res.json as ErrorBody).error.message).toMatch(/install/i)
      } finally {
        if (before === undefined) delete process.env.CHROMIUM_PATH
        else process.env.CHROMIUM_PATH = before
      }
    })

    it('lets every member export, and nobody else: an outsider gets 404, no session 401', async () => {
      const viewer = await fx.member('viewer')
      expect((await exportAs(viewer, 'md')).status).toBe(200)
      const outsider = await new ApiClient(t.app).signup('Outsider')
      for (const format of ['md', 'html', 'pdf']) {
        const res = await exportAs(outsider, format)
        expectError(res, 404)
        expect(res.text).not.toContain(BOARD.guidelines)
      }
      expectError(await exportAs(new ApiClient(t.app), 'md'), 401)
    })

    it('refuses a format it does not know with 400', async () => {
      for (const query of ['docx', 'PDF', 'markdown', '', 'md%00']) {
        expectError(await fx.owner.req('GET', `/api/plans/${plan.id}/export?format=${query}`), 400, 'invalid_request')
      }
    })

    it('is described in the OpenAPI document', async () => {
      /** The part of the OpenAPI document this test reads. */
      interface Operation {
        parameters: { name: string; schema: { enum?: string[] } }[]
        responses: Record<string, { content: Record<string, unknown> }>
      }
      const doc = await fx.owner.req<{ paths: Record<string, { get: Operation }> }>('GET', '/api/openapi.json')
      const op = doc.json.paths['/plans/{id}/export']!.get
      expect(op.parameters.find((p: { name: string }) => p.name === 'format')!.schema.enum).toEqual([
        'md',
        'html',
        'pdf',
      ])
      expect(Object.keys(op.responses['200']!.content)).toEqual(expect.arrayContaining(['application/pdf']))
    })
  })
})
