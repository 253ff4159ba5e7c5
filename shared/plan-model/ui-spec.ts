import type { SectionKind } from '../plans/catalog'

/**
 * How each kind's structured content is presented: labels, placeholders, the order of blocks and how
 * each list is laid out. Only words and layout live here; which control a field gets is read from the
 * zod schema (schema-shape.ts), and a test checks that this file and the schema name the same fields.
 */

/** Where a link field's choices come from. */
export type OptionSource = 'departments' | 'networks' | 'objectives'

export interface FieldUi {
  label: string
  placeholder?: string
  description?: string
  /** For link fields: what they point at. */
  options?: OptionSource
  /**
   * A control other than the one the schema suggests: `share` is a value-vs-promotional slider for a
   * percent; `segmented` shows a short enum as buttons.
   */
  widget?: 'share' | 'segmented'
  /** Takes a whole row in cards and forms. */
  wide?: boolean
  /** Relative column width in tables (default 1). */
  grow?: number
  /** Unit shown after a number ("hours"). */
  suffix?: string
  /** A boolean field of the same item that, when set, makes this one moot ("not for us" needs no objective). */
  mootWhen?: string
  /**
   * A field of the same item that, when set, makes this one read-only here: its value comes from what
   * that field points at (a chosen network with a section takes its name from the section).
   */
  fixedWhen?: string
}

export interface ListUi {
  title: string
  description?: string
  /**
   * `table`: a row per item on wide panes, stacked cards when the pane is narrow; `cards`: always one
   * card per item (items with long text or nested lists); `bullets`: one line of text per item;
   * `traits`: personality sliders between two poles.
   */
  layout: 'table' | 'cards' | 'bullets' | 'traits'
  /** One item, in words: "objective" gives "Add objective", "Objective 2". */
  noun: string
  /** What an empty list says to someone who can add to it. */
  empty: string
  fields: Record<string, FieldUi>
  /** Lists inside each item (cards only). */
  lists?: Record<string, ListUi>
  /** A field that, when set, means the item is removed elsewhere, not here (a chosen network: by removing its section). */
  keepWhen?: string
}

export type Block =
  /** Plain fields, side by side when there is room. */
  | { fields: string[]; title?: string; description?: string }
  | { list: string }
  /** Lists side by side (do's and don'ts). */
  | { lists: string[] }
  /** A piece of its own (custom-blocks.tsx). */
  | { custom: 'capacity' }

export interface KindUi {
  fields: Record<string, FieldUi>
  lists: Record<string, ListUi>
  blocks: Block[]
}

const person = (label: string, placeholder = 'A member, or a name'): FieldUi => ({ label, placeholder })

export const KIND_UI: Partial<Record<SectionKind, KindUi>> = {
  overview: {
    fields: {
      businessAims: {
        label: 'Business aims',
        description: 'Which aspects of the business social media should move.',
        placeholder: 'e.g. Fill weekday tables, cut phone calls to the support line, hire two bakers by spring…',
        wide: true,
      },
      departmentIds: {
        label: 'Departments concerned',
        description: 'Each one sets objectives of its own.',
        placeholder: 'Choose departments',
        options: 'departments',
        wide: true,
      },
      audience: {
        label: 'Audience',
        placeholder: 'Who they are, where they live, what they care about, where they spend time online…',
      },
      whySocial: {
        label: 'Why be on social networks',
        placeholder: 'What social media brings that the other channels do not…',
      },
    },
    lists: {},
    blocks: [{ fields: ['businessAims'] }, { fields: ['departmentIds'] }, { fields: ['audience', 'whySocial'] }],
  },

  objectives: {
    fields: {},
    lists: {
      objectives: {
        title: 'Objectives',
        description: 'Clear, specific, measurable and realistic: a metric with a target, a deadline and an owner.',
        layout: 'cards',
        noun: 'objective',
        empty: 'No objectives yet. Start with what this department needs social media to achieve.',
        fields: {
          statement: {
            label: 'Objective',
            placeholder: 'e.g. Turn Instagram followers into weekday bookings',
            wide: true,
          },
          metric: { label: 'Metric', placeholder: 'e.g. Bookings from Instagram' },
          unit: { label: 'Unit', placeholder: 'e.g. per month, %, €' },
          baseline: { label: 'Baseline', placeholder: 'Where it stands today' },
          target: { label: 'Target', placeholder: 'Where it should be' },
          deadline: { label: 'Deadline', placeholder: 'Pick a date' },
          owner: person('Owner', 'Who answers for it'),
          networkIds: { label: 'Networks', placeholder: 'The networks it concerns', options: 'networks', wide: true },
        },
      },
    },
    blocks: [{ list: 'objectives' }],
  },

  competition: {
    fields: {},
    lists: {
      competitors: {
        title: 'Competitors',
        description: 'What they do on social networks, for whom, and what works for them.',
        layout: 'cards',
        noun: 'competitor',
        empty: 'No competitors yet. Add the brands your audience compares you with.',
        fields: {
          name: { label: 'Competitor', placeholder: 'e.g. Maison Durand', wide: true },
          networks: { label: 'Their networks', placeholder: 'Type a network, press Enter' },
          audience: { label: 'Their audience', placeholder: 'Who follows and answers them' },
          whatWorks: { label: 'What works for them', placeholder: 'Formats, themes and tone that get real engagement' },
        },
        lists: {
          ideas: {
            title: 'Ideas to adopt',
            description: 'Each idea serves one of our objectives, or is marked "not for us".',
            layout: 'table',
            noun: 'idea',
            empty: 'No ideas taken from this competitor yet.',
            fields: {
              idea: { label: 'Idea', placeholder: 'What we could do too', grow: 2 },
              objectiveId: {
                label: 'Serves objective',
                placeholder: 'Link an objective',
                options: 'objectives',
                grow: 1.6,
                mootWhen: 'notForUs',
              },
              notForUs: { label: 'Not for us', grow: 0.7 },
            },
          },
        },
      },
      monitoring: {
        title: 'Listening',
        description: 'What is said about us, or about what we sell, and where we hear it.',
        layout: 'table',
        noun: 'source',
        empty: 'No listening sources yet. Whether you are on the networks or not, people talk about you.',
        fields: {
          topic: { label: 'What is said', placeholder: 'e.g. Reviews of our sourdough', grow: 2 },
          where: { label: 'Where', placeholder: 'e.g. Google reviews' },
          tool: { label: 'Tool', placeholder: 'e.g. Google Alerts' },
        },
      },
    },
    blocks: [{ list: 'competitors' }, { list: 'monitoring' }],
  },

  positioning: {
    fields: {
      statement: {
        label: 'Positioning statement',
        description: 'Unique, inviting conversation, and realistic.',
        placeholder: 'For [audience], we are the [brand] that [promise], because [proof]…',
        wide: true,
      },
    },
    lists: {
      traits: {
        title: 'Personality',
        description: 'If the brand were a person: where it stands between each pair of poles.',
        layout: 'traits',
        noun: 'trait',
        empty: 'No personality traits yet.',
        fields: {
          left: { label: 'Left pole', placeholder: 'e.g. serious' },
          right: { label: 'Right pole', placeholder: 'e.g. cheerful' },
          value: { label: 'Position' },
        },
      },
      voiceDo: {
        title: 'The voice does',
        layout: 'bullets',
        noun: 'do',
        empty: 'Nothing listed yet.',
        fields: { text: { label: 'Do', placeholder: 'e.g. Answer with a first name' } },
      },
      voiceDont: {
        title: "The voice doesn't",
        layout: 'bullets',
        noun: "don't",
        empty: 'Nothing listed yet.',
        fields: { text: { label: "Don't", placeholder: 'e.g. Use jargon or irony' } },
      },
    },
    blocks: [{ fields: ['statement'] }, { list: 'traits' }, { lists: ['voiceDo', 'voiceDont'] }],
  },

  network_selection: {
    fields: {},
    lists: {
      chosen: {
        title: 'Networks we will be on',
        description: 'Because our market is there, not because they are fashionable.',
        layout: 'table',
        noun: 'chosen network',
        empty: 'No networks chosen yet. Adding a network to the plan chooses it.',
        // Every network section of the plan is a row here (plan-model/networks.ts); removing its section unchooses it.
        keepWhen: 'sectionId',
        fields: {
          name: { label: 'Network', placeholder: 'e.g. Instagram', grow: 0.9, fixedWhen: 'sectionId' },
          why: { label: 'Why: where our market is', placeholder: 'Who of our market is there, doing what', grow: 2 },
          sectionId: {
            label: 'Its section',
            placeholder: 'Not added yet',
            options: 'networks',
            grow: 1,
            fixedWhen: 'sectionId',
          },
        },
      },
      leftOut: {
        title: 'Deliberately left out',
        layout: 'table',
        noun: 'network left out',
        empty: 'Nothing left out on purpose yet. Saying no is part of the plan.',
        fields: {
          name: { label: 'Network', placeholder: 'e.g. TikTok', grow: 0.9 },
          why: { label: 'Why not', placeholder: 'e.g. Our buyers are not there', grow: 3 },
        },
      },
    },
    blocks: [{ custom: 'capacity' }, { list: 'chosen' }, { list: 'leftOut' }],
  },

  network: {
    fields: {
      role: {
        label: 'Role of this network',
        placeholder: 'What it is for',
        description: 'The strategy of action on this network.',
      },
      valueShare: { label: 'Value vs promotional content', widget: 'share', wide: true },
      editorialLine: {
        label: 'Editorial line',
        placeholder: 'Tone, formats, what a typical week looks like…',
        wide: true,
      },
    },
    lists: {
      goals: {
        title: 'Goals',
        description: 'What this network must achieve, each goal serving one or more of the plan’s objectives.',
        layout: 'table',
        noun: 'goal',
        empty: 'No goals yet. Goals come before tactics.',
        fields: {
          goal: { label: 'Goal', placeholder: 'e.g. Answer product questions within the day', grow: 1.6 },
          objectiveIds: {
            label: 'Serves objectives',
            placeholder: 'Link objectives',
            options: 'objectives',
            grow: 1.4,
          },
        },
      },
      kpis: {
        title: 'KPIs',
        layout: 'table',
        noun: 'KPI',
        empty: 'No KPIs yet: nothing will say whether this network works.',
        fields: {
          metric: { label: 'Metric', placeholder: 'e.g. Saves per post', grow: 1.6 },
          unit: { label: 'Unit', placeholder: 'e.g. %', grow: 0.7 },
          baseline: { label: 'Baseline', placeholder: 'Today', grow: 0.8 },
          target: { label: 'Target', placeholder: 'Goal', grow: 0.8 },
        },
      },
      themes: {
        title: 'Themes',
        description: 'What we talk about, how often, and where the material comes from.',
        layout: 'table',
        noun: 'theme',
        empty: 'No themes yet. A recognisable theme is what people follow you for.',
        fields: {
          topic: { label: 'Topic', placeholder: 'e.g. Behind the oven', grow: 1.4 },
          frequency: { label: 'Frequency', placeholder: 'e.g. Twice a week' },
          sources: { label: 'Sources', placeholder: 'e.g. The bakers’ phones' },
        },
      },
      highlights: {
        title: 'Highlights and activations',
        layout: 'cards',
        noun: 'highlight',
        empty: 'No highlights planned yet.',
        fields: {
          title: { label: 'Highlight', placeholder: 'e.g. Galette des rois week' },
          date: { label: 'Date', placeholder: 'Pick a date' },
          description: { label: 'What happens', placeholder: 'The idea, the offer, who takes part', wide: true },
        },
      },
      calendar: {
        title: 'Conversational calendar',
        description: 'Dated entries: what goes out, in which format, and who prepares it.',
        layout: 'table',
        noun: 'entry',
        empty: 'No calendar entries yet.',
        fields: {
          date: { label: 'Date', placeholder: 'Pick a date', grow: 1.1 },
          theme: { label: 'Theme', placeholder: 'e.g. New spring loaf', grow: 1.4 },
          format: { label: 'Format', grow: 0.9 },
          owner: person('Owner', 'Who prepares it'),
          status: { label: 'Status', grow: 1 },
        },
      },
      interaction: {
        title: 'Interaction rules',
        description: 'How fast, when and who answers. Interaction is what makes a network work.',
        layout: 'cards',
        noun: 'rule',
        empty: 'No interaction rules yet.',
        fields: {
          rule: {
            label: 'Rule',
            placeholder: 'e.g. Every question in comments gets an answer, then a like',
            wide: true,
          },
          responseTimeHours: { label: 'Response time', placeholder: 'e.g. 4', suffix: 'hours' },
          hours: { label: 'Hours', placeholder: 'e.g. Mon–Sat, 8:00–19:00' },
          who: person('Who answers'),
        },
      },
      growthTactics: {
        title: 'Follower growth',
        description: 'How to win followers who match the market we are after.',
        layout: 'bullets',
        noun: 'tactic',
        empty: 'No growth tactics yet.',
        fields: { tactic: { label: 'Tactic', placeholder: 'e.g. Feature a customer’s photo every Friday' } },
      },
    },
    blocks: [
      { fields: ['role'] },
      { list: 'goals' },
      { list: 'kpis' },
      { fields: ['valueShare', 'editorialLine'], title: 'Editorial line' },
      { list: 'themes' },
      { list: 'highlights' },
      { list: 'calendar' },
      { list: 'interaction' },
      { list: 'growthTactics' },
    ],
  },

  line_of_conversation: {
    fields: {
      policies: {
        label: 'Communication policies',
        description: 'What whoever speaks for the brand follows.',
        placeholder: 'e.g. We sign replies with a first name. We never argue in public; we move the talk to messages…',
        wide: true,
      },
      valueVsPromotion: {
        label: 'Value and promotional content',
        placeholder: 'e.g. Four useful or entertaining posts for one offer; offers never two days in a row…',
        wide: true,
      },
    },
    lists: {
      maySay: {
        title: 'We may say',
        layout: 'bullets',
        noun: 'point',
        empty: 'Nothing listed yet.',
        fields: { text: { label: 'May say', placeholder: 'e.g. Where our flour comes from' } },
      },
      mayNotSay: {
        title: 'We may not say',
        layout: 'bullets',
        noun: 'point',
        empty: 'Nothing listed yet.',
        fields: { text: { label: 'May not say', placeholder: 'e.g. Anything about a customer’s order in public' } },
      },
      crisisManual: {
        title: 'Crisis response manual',
        description: 'Written on a calm day, followed on a bad one.',
        layout: 'cards',
        noun: 'situation',
        empty: 'No crisis manual yet. Write what to do, and who does it, before it is needed.',
        fields: {
          situation: { label: 'Situation', placeholder: 'e.g. A customer posts a photo of a burnt loaf', wide: true },
          response: { label: 'Response', placeholder: 'What we do first, what we say, when we follow up', wide: true },
          who: person('Who acts'),
        },
      },
    },
    blocks: [
      { fields: ['policies'] },
      { lists: ['maySay', 'mayNotSay'] },
      { fields: ['valueVsPromotion'] },
      { list: 'crisisManual' },
    ],
  },

  process: {
    fields: {
      lead: person('In charge of social media', 'The one person answerable'),
      staffing: { label: 'Who does the work', widget: 'segmented' },
      agency: { label: 'Agency', placeholder: 'Its name, if one is involved' },
      networkCapacity: {
        label: 'Networks the team can staff',
        placeholder: 'e.g. 2',
        description: 'Being everywhere wastes time, money and energy.',
      },
      communityManagement: {
        label: 'Community management',
        placeholder: 'Who reads, answers and moderates, and when…',
        wide: true,
      },
    },
    lists: {
      responsibilities: {
        title: 'Responsibilities',
        layout: 'table',
        noun: 'responsibility',
        empty: 'No responsibilities written down yet.',
        fields: {
          who: person('Who'),
          what: { label: 'What they do', placeholder: 'e.g. Writes and schedules the Instagram posts', grow: 2 },
        },
      },
      deliverables: {
        title: 'Timetable of deliverables',
        description: 'What is due, when, and by whom, conversational calendars included.',
        layout: 'table',
        noun: 'deliverable',
        empty: 'No deliverables scheduled yet.',
        fields: {
          what: { label: 'Deliverable', placeholder: 'e.g. March calendar', grow: 1.5 },
          who: person('Who'),
          due: { label: 'Due', placeholder: 'Pick a date' },
          status: { label: 'Status' },
        },
      },
    },
    blocks: [
      { fields: ['lead', 'networkCapacity'] },
      { fields: ['staffing', 'agency'] },
      { fields: ['communityManagement'] },
      { list: 'responsibilities' },
      { list: 'deliverables' },
    ],
  },

  tools: {
    fields: {},
    lists: {
      tools: {
        title: 'Tools',
        description: 'For publishing, monitoring, measurement and optimisation.',
        layout: 'table',
        noun: 'tool',
        empty: 'No tools listed yet.',
        fields: {
          name: { label: 'Tool', placeholder: 'e.g. Meta Business Suite', grow: 1.2 },
          purpose: { label: 'Used for', grow: 1 },
          notes: { label: 'Notes', placeholder: 'Who uses it, for what', grow: 2 },
        },
      },
    },
    blocks: [{ list: 'tools' }],
  },
}

/** Words for enum values (network roles, post formats, statuses…). */
const ENUM_LABELS: Record<string, string> = {
  brand_image: 'Brand image',
  online_sales: 'Online sales',
  market_research: 'Market research',
  customer_loyalty: 'Customer loyalty',
  lead_capture: 'Lead capture',
  in_house: 'In-house',
  in_progress: 'In progress',
  not_started: 'Not started',
}

export function enumLabel(value: string): string {
  return ENUM_LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ')
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A field path in words: ['audience'] → "Target audience", ['objectives', id, 'statement'] → "Objective · Statement". */
export function fieldPathLabel(kind: SectionKind, path: readonly string[]): string {
  const names: string[] = []
  let at: { fields: Record<string, FieldUi>; lists?: Record<string, ListUi> } | undefined = KIND_UI[kind]
  for (let i = 0; at && i < path.length - 1; i += 2) {
    const list: ListUi | undefined = at.lists?.[path[i]!]
    if (list) names.push(capitalize(list.noun))
    at = list
  }
  names.push(at?.fields[path.at(-1)!]?.label ?? path.at(-1)!)
  return names.join(' · ')
}
export const addLabel = (list: ListUi) => `Add ${list.noun}`
export const itemLabel = (list: ListUi, index: number) => `${capitalize(list.noun)} ${index + 1}`
