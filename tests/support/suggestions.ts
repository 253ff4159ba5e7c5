import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { Services } from '../../server/services'
import type { CreateSuggestionBody } from '../../shared/suggestions/schema'
import type { ApiClient } from './api'

/**
 * A fresh paragraph in a section's rich text (a server change) and a suggestion body on its words, as
 * an editor's client would make it: for API suites that need a suggestion to exist.
 */
export async function suggestionBodyFor(services: Services, sectionId: string): Promise<CreateSuggestionBody> {
  let body: CreateSuggestionBody | null = null
  await services.hub.change(sectionId, (doc) => {
    const text = new Y.XmlText('Post daily')
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [text])
    doc.getXmlFragment('body').push([p])
    const pos = (i: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i)))
    body = { start: pos(5), end: pos(10), deleted: 'daily', inserted: 'weekly' }
  })
  return body!
}

/** A pending suggestion on a section, made by `who`. */
export async function freshSuggestion(services: Services, who: ApiClient, sectionId: string): Promise<string> {
  const res = await who.req(
    'POST',
    `/api/sections/${sectionId}/suggestions`,
    await suggestionBodyFor(services, sectionId),
  )
  if (res.status !== 201) throw new Error(`suggestion failed: ${res.status} ${res.text}`)
  return res.json.id as string
}

/** A review link to a plan, made by its owner: its id and token. */
export async function freshReviewLink(owner: ApiClient, planId: string): Promise<{ id: string; token: string }> {
  const res = await owner.req('POST', `/api/plans/${planId}/review-links`, {})
  if (res.status !== 201) throw new Error(`review link failed: ${res.status} ${res.text}`)
  return { id: res.json.id as string, token: (res.json.url as string).split('/review/')[1]! }
}
