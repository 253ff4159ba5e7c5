import { z } from 'zod'
import type { SectionKind } from '../plans/catalog'

/**
 * The structured content of each section kind (docs/product.md#what-a-plan-holds), as zod schemas. These are the single
 * source of truth: readers return exactly these types, writers refuse anything else, the server repairs whatever a
 * client stores against them, and the Y.Doc layout (ydoc.ts) is derived from them.
 *
 * Conventions, so that every value has a harmless default and a partial plan is still valid:
 * every field has a default (empty text, null number, empty list); every list is `list({...})`:
 * items with a stable string `id`, stored as a Y.Array of Y.Maps; every free-text field is `text()` or
 * `longText()`: a Y.Text in the document, read as a plain string. No schema refines across fields:
 * each field is valid or not on its own, so a reader can replace one bad value by its default and
 * what it returns always parses.
 */

export const CONTENT_LIMITS = {
  shortText: 200,
  longText: 10_000,
  /** Items in one list (5,000 calendar entries in one network is more than a year at ten a day). */
  listItems: 5_000,
  /** Ids in a tag field (departments concerned, networks of an objective…). */
  links: 50,
  /** How many networks a team could ever staff; a plan holds at most 30 (LIMITS.networksPerPlan). */
  networkCapacity: 30,
  /** A response time longer than a month is not a rule. */
  responseTimeHours: 24 * 31,
} as const

// ——— Primitive values. Exported so tests can tell them apart (property tests build values per primitive).

/** An item's or a section's id: what links point at. */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id.')
export const ShortText = z.string().max(CONTENT_LIMITS.shortText)
export const LongText = z.string().max(CONTENT_LIMITS.longText)
/** A finite number (zod 4 refuses NaN and ±Infinity). */
export const Amount = z.number()
export const Percent = z.number().min(0).max(100)
/** A calendar day, `YYYY-MM-DD`, that exists (no 2027-02-30). */
export const IsoDate = z.iso.date()
/** The person responsible: a workspace member's user id, or the name of someone outside (an agency). */
export const PersonRef = z.string().max(120)

/** Free text: shared text (Y.Text) in the document, so concurrent typing merges character by character. */
export interface TextSpec {
  max: number
}
const TEXTS = new WeakMap<z.ZodType, TextSpec>()
function sharedText(base: z.ZodString, max: number) {
  const schema = base.default('')
  TEXTS.set(schema, { max })
  return schema
}
const text = () => sharedText(ShortText, CONTENT_LIMITS.shortText)
const longText = () => sharedText(LongText, CONTENT_LIMITS.longText)
const amount = () => Amount.nullable().default(null)
const date = () => IsoDate.nullable().default(null)
const person = () => PersonRef.default('')
const link = () => ItemId.nullable().default(null)
const links = () =>
  z
    .array(ItemId)
    .max(CONTENT_LIMITS.links)
    .default(() => [])

// ——— Enums.

/** Key "strategy of action": what a network is for. */
export const NetworkRole = z.enum([
  'brand_image',
  'online_sales',
  'market_research',
  'customer_loyalty',
  'lead_capture',
])
export const PostFormat = z.enum([
  'post',
  'image',
  'video',
  'story',
  'reel',
  'live',
  'article',
  'thread',
  'poll',
  'event',
  'other',
])
export const CalendarStatus = z.enum(['idea', 'planned', 'in_progress', 'ready', 'published', 'cancelled'])
export const DeliverableStatus = z.enum(['not_started', 'in_progress', 'blocked', 'done'])
export const Staffing = z.enum(['in_house', 'agency', 'mixed'])
/** Key "indicators": the seed's list, plus anything else the team measures. */
export const IndicatorKind = z.enum([
  'traffic',
  'traffic_sources',
  'conversations',
  'followers',
  'conversions',
  'roi',
  'other',
])
export const ToolPurpose = z.enum(['publishing', 'monitoring', 'measurement', 'optimization', 'other'])
/**
 * Where a department's objectives stand (docs/product.md#comments-and-approvals); the approvals issue sets it, the
 * health check reads it.
 */
export const ApprovalState = z.enum(['draft', 'submitted', 'approved', 'changes_requested', 'stale'])
export type NetworkRole = z.infer<typeof NetworkRole>
export type ApprovalState = z.infer<typeof ApprovalState>

// ——— Lists: registered so the Y layer knows a field is a Y.Array of Y.Maps, not a plain value.

export interface ListSpec {
  item: z.ZodObject
  max: number
}
const LISTS = new WeakMap<z.ZodType, ListSpec>()

/** A list of items with stable ids: a Y.Array of Y.Maps in the document. */
function list<S extends z.ZodRawShape>(shape: S, max: number = CONTENT_LIMITS.listItems) {
  const item = z.strictObject({ id: ItemId, ...shape })
  const schema = z
    .array(item)
    .max(max)
    .default(() => [])
  LISTS.set(schema, { item, max })
  return schema
}

/** The item schema when `field` is a list, else undefined (a plain value). */
export const listSpec = (field: z.ZodType): ListSpec | undefined => LISTS.get(field)

/** The limit when `field` is free text (a Y.Text in the document), else undefined (a whole value). */
export const textSpec = (field: z.ZodType): TextSpec | undefined => TEXTS.get(field)

/** The value a missing or invalid plain field reads as (every plain field of an item but its id has one). */
export const fieldDefault = (field: z.ZodType): unknown => field.parse(undefined)

// ——— Items.

/** Step 1: clear, specific, measurable and realistic. */
export const Objective = z.strictObject({
  id: ItemId,
  statement: longText(),
  metric: text(),
  unit: text(),
  baseline: amount(),
  target: amount(),
  deadline: date(),
  owner: person(),
  /** Network sections (ids) this objective concerns. */
  networkIds: links(),
})

// ——— Section content, one schema per kind.

export const OverviewContent = z.strictObject({
  /** Step 1: what aspects of the business social media affects. */
  businessAims: longText(),
  /** Step 1: which departments are concerned (department ids). */
  departmentIds: links(),
  audience: longText(),
  /** Step 1: why be on the networks, what they bring to the business. */
  whySocial: longText(),
})

export const ObjectivesContent = z.strictObject({
  objectives: list(Objective.omit({ id: true }).shape),
})

export const CompetitionContent = z.strictObject({
  competitors: list({
    name: text(),
    networks: z
      .array(ShortText)
      .max(CONTENT_LIMITS.links)
      .default(() => []),
    audience: longText(),
    whatWorks: longText(),
    /** Mistake 2: an idea serves one of our objectives, or is marked "not for us". */
    ideas: list({ idea: longText(), objectiveId: link(), notForUs: z.boolean().default(false) }),
  }),
  /** Key "monitoring": what is said about us, where, with which tool. */
  monitoring: list({ topic: longText(), where: text(), tool: text() }),
})

export const PositioningContent = z.strictObject({
  statement: longText(),
  /** Key "personality": a slider between two poles; 0 is all `left`, 100 all `right`. */
  traits: list({ left: text(), right: text(), value: Percent.default(50) }),
  voiceDo: list({ text: longText() }),
  voiceDont: list({ text: longText() }),
})

export const NetworkSelectionContent = z.strictObject({
  /** Key "selection": where the market is. `sectionId` is the network's own section, once it has one. */
  chosen: list({ name: text(), why: longText(), sectionId: link() }),
  leftOut: list({ name: text(), why: longText() }),
})

export const NetworkContent = z.strictObject({
  role: NetworkRole.nullable().default(null),
  /** Key "objectives by network": each goal serves objectives (ids from the Objectives sections). */
  goals: list({ goal: longText(), objectiveIds: links() }),
  kpis: list({ metric: text(), unit: text(), baseline: amount(), target: amount() }),
  /** Editorial line: the share of value content in percent; the rest is promotional. */
  valueShare: Percent.nullable().default(null),
  editorialLine: longText(),
  themes: list({ topic: text(), frequency: text(), sources: text() }),
  highlights: list({ title: text(), date: date(), description: longText() }),
  calendar: list({
    date: date(),
    theme: text(),
    format: PostFormat.default('post'),
    owner: person(),
    status: CalendarStatus.default('idea'),
  }),
  /** Key "interaction": how fast, when and who answers. */
  interaction: list({
    rule: longText(),
    responseTimeHours: z.number().min(0).max(CONTENT_LIMITS.responseTimeHours).nullable().default(null),
    hours: text(),
    who: person(),
  }),
  growthTactics: list({ tactic: longText() }),
})

export const LineOfConversationContent = z.strictObject({
  policies: longText(),
  maySay: list({ text: longText() }),
  mayNotSay: list({ text: longText() }),
  valueVsPromotion: longText(),
  crisisManual: list({ situation: longText(), response: longText(), who: person() }),
})

export const ProcessContent = z.strictObject({
  /** Step 5: who is in charge of social media. */
  lead: person(),
  communityManagement: longText(),
  staffing: Staffing.nullable().default(null),
  agency: text(),
  /** Mistake 3: how many networks the team can staff. */
  networkCapacity: z.int().min(0).max(CONTENT_LIMITS.networkCapacity).nullable().default(null),
  responsibilities: list({ who: person(), what: longText() }),
  deliverables: list({ what: text(), who: person(), due: date(), status: DeliverableStatus.default('not_started') }),
})

export const IndicatorsContent = z.strictObject({
  kpis: list({
    indicator: IndicatorKind.default('other'),
    label: text(),
    unit: text(),
    baseline: amount(),
    target: amount(),
    /** Actual values over time. */
    actuals: list({ date: date(), value: amount() }),
  }),
})

export const ToolsContent = z.strictObject({
  tools: list({ name: text(), purpose: ToolPurpose.default('other'), notes: longText() }),
})

/** Guidelines are rich text only (the section's `body`). */
export const GuidelinesContent = z.strictObject({})

export const SECTION_CONTENT = {
  overview: OverviewContent,
  objectives: ObjectivesContent,
  competition: CompetitionContent,
  positioning: PositioningContent,
  network_selection: NetworkSelectionContent,
  network: NetworkContent,
  line_of_conversation: LineOfConversationContent,
  process: ProcessContent,
  indicators: IndicatorsContent,
  tools: ToolsContent,
  guidelines: GuidelinesContent,
} as const satisfies Record<SectionKind, z.ZodObject>

export type SectionContent<K extends SectionKind = SectionKind> = z.infer<(typeof SECTION_CONTENT)[K]>
/** What a writer may give: fields with defaults may be left out. */
export type ContentInput<K extends SectionKind = SectionKind> = z.input<(typeof SECTION_CONTENT)[K]>
export type Objective = z.infer<typeof Objective>

/** Suggested personality sliders (key "personality"). */
export const SUGGESTED_TRAITS = [
  ['serious', 'cheerful'],
  ['formal', 'casual'],
  ['intellectual', 'accessible'],
  ['technological', 'romantic'],
] as const
