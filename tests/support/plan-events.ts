import * as decoding from 'lib0/decoding'
import { EVENTS_PARAM, MESSAGE, type PlanEventPayload } from '../../shared/sync/protocol'
import type { ApiClient } from './api'
import { type StockClient, stockClient } from './sync-clients'

/** A stock y-websocket client in a room that asked for MESSAGE.planEvent, collecting what it hears. */
export interface EventClient extends StockClient {
  events: PlanEventPayload[]
}

export function planEventClient(baseUrl: string, who: ApiClient, roomId: string): EventClient {
  const client = stockClient(baseUrl, who.cookieHeader, roomId, { params: { [EVENTS_PARAM]: '1' } })
  const events: PlanEventPayload[] = []
  client.provider.messageHandlers[MESSAGE.planEvent] = (_encoder, decoder) => {
    events.push(JSON.parse(decoding.readVarString(decoder)) as PlanEventPayload)
  }
  return Object.assign(client, { events })
}
