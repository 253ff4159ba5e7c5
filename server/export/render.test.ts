import { describe, expect, it } from 'vitest'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { richTextSchema } from '../../shared/editor/extensions'
import { DEPARTMENTS, edit, healthyPlan } from '../../shared/plan-model/fixtures'
import { readBody } from './body'
import { buildDocument } from './document'
import type { ExportSource } from './load'
import { renderHtml } from './render-html'
import { renderMarkdown } from './render-markdown'

const HOSTILE = '<script>alert(1)</script> **bold** | [x](javascript:alert(2))'

/** A body with a paragraph whose words link to `href`, as Tiptap stores a link. */
function linkedBody(href: string) {
  const doc = new Y.Doc()
  const text = new Y.XmlText()
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [text])
  doc.getXmlFragment('body').push([p])
  text.insert(0, 'Read the charter', { link: { href } })
  return readBody(doc, false)
}

function source(): ExportSource {
  const model = healthyPlan()
  edit(model, 'positioning', (c) => (c.statement = HOSTILE))
  const guidelines = model.sections.find((s) => s.kind === 'guidelines')!
  return {
    model,
    bodies: new Map([[guidelines.id, linkedBody('javascript:alert(3)')]]),
    workspaceName: 'Acme <b>',
    people: new Map([['user-ana', 'Ana Lopez']]),
    approvals: DEPARTMENTS.map((d) => ({
      departmentId: d.id,
      department: d.name,
      state: 'approved',
      submittedBy: null,
      submittedAt: null,
      decidedBy: 'Lee',
      decidedAt: 0,
      reason: null,
    })),
    generatedAt: Date.UTC(2026, 10, 26),
  }
}

describe('export renderers', () => {
  it('keep typed text literal: no markup, script or link gets through from a field or the rich text', () => {
    const doc = buildDocument(source())
    const html = renderHtml(doc, { cover: true })
    expect(html).not.toMatch(/<script|href="javascript:|Acme <b>/i)
    expect(html).toContain('Acme &lt;b&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('Read the charter')
    const md = renderMarkdown(doc)
    // The typed link stays text (its brackets escaped); the rich text's javascript: link is gone.
    expect(md).not.toMatch(/[^\\]\]\(javascript:|javascript:alert\(3\)|[^\\]<script/i)
    expect(md).toContain('\\<script\\>')
    expect(md).toContain('\\*\\*bold\\*\\*')
  })

  it('keeps an http link of the rich text', () => {
    const s = source()
    s.bodies = new Map([['sec-guidelines', linkedBody('https://acme.example/charter')]])
    const doc = buildDocument(s)
    expect(renderHtml(doc, { cover: false })).toContain('href="https://acme.example/charter"')
    expect(renderMarkdown(doc)).toContain('[Read the charter](https://acme.example/charter)')
  })

  it('writes no live markup into Markdown from a rich-text link, inline code or a code block', () => {
    const s = source()
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'the charter',
              marks: [
                { type: 'link', attrs: { href: 'https://example.com/)<script>alert(1)</script>', title: '")<b>' } },
              ],
            },
            { type: 'text', text: 'a` <img src=x onerror=alert(2)> `b', marks: [{ type: 'code' }] },
          ],
        },
        { type: 'codeBlock', content: [{ type: 'text', text: '```\n<script>alert(3)</script>\n```' }] },
      ],
    }
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(richTextSchema(), body, doc.getXmlFragment('body'))
    s.bodies = new Map([['sec-guidelines', readBody(doc, false)]])
    const md = renderMarkdown(buildDocument(s))
    // Rendered as CommonMark, nothing of it may be an HTML tag: every < is escaped (\< or &lt;) or inside code.
    const outsideCode = md.replace(/^```[^\n]*\n[\s\S]*?\n```$/gm, '').replace(/`[^`\n]*`/g, '')
    expect(outsideCode).not.toMatch(/(?<!\\)<(script|img|b)\b/i)
    expect(md).toContain('[the charter](https://example.com/%29%3Cscript%3Ealert%281%29%3C/script%3E)')
    // A fence inside the code cannot close the block early.
    expect(md.match(/^```\s*$/gm)?.length).toBe(2)
  })

  it('reads a live body from a copy: what the schema refuses stays in the live document', () => {
    const doc = new Y.Doc()
    const body = doc.getXmlFragment('body')
    body.push([new Y.XmlElement('marquee'), new Y.XmlElement('paragraph')])
    readBody(doc, true)
    expect(body.toJSON()).toContain('<marquee>')
  })

  it('names people and linked items in words, never by id', () => {
    const md = renderMarkdown(buildDocument(source()))
    expect(md).toContain('Ana Lopez')
    expect(md).toContain('Grow our audience')
    expect(md).not.toMatch(/user-ana|obj-followers|sec-instagram/)
  })

  it('shows only the guidelines, and the health counts without findings, for a guidelines link', () => {
    const doc = buildDocument(source(), 'guidelines')
    expect(doc.steps.flatMap((s) => s.sections.map((x) => x.title))).toEqual(['guidelines'])
    expect(doc.health.findings).toBeNull()
    expect(doc.approvals.map((a) => a.label)).toEqual(['Approved', 'Approved'])
  })

  it('leaves out rows nobody filled in, and a table left with none: no empty `|  |` rows, no bare heading', () => {
    const src = source()
    edit(src.model, 'network', (c) => {
      c.kpis.push({ id: 'kpi-empty', metric: '', unit: '', baseline: null, target: null })
      c.themes = [{ id: 'theme-empty', topic: '', frequency: '', sources: '' }]
    })
    const md = renderMarkdown(buildDocument(src))
    expect(md).not.toMatch(/^\|(\s*\|)+\s*$/m)
    expect(md).toContain('reach')
    expect(md).not.toMatch(/Themes/)
  })
})
