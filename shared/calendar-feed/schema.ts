import { z } from 'zod'

export const CalendarFeedCreated = z.object({
  /** The secret address, ending in .ics; shown only now (the server keeps its hash). */
  url: z.string(),
})

export const CalendarFeedStatus = z.object({
  /** Whether the plan has a feed now; its address cannot be shown again. */
  active: z.boolean(),
  createdAt: z.number().nullable(),
})
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>

export const CalendarFeedFileParams = z.object({
  file: z.string().regex(/^[a-z0-9]{20,64}\.ics$/, 'Not a calendar address.'),
})
