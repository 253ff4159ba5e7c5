import type { SectionKind } from '../../shared/plans/catalog'

/** The method's advice for a step, in our own words, from the two source articles (shared/seeds). */
export interface Advice {
  /** Where in the method it comes from. */
  source: string
  why: string
  good: string
  avoid: string
}

export const ADVICE: Record<SectionKind, Advice> = {
  overview: {
    source: 'Step 1: define the objectives',
    why: 'Social media touches more than marketing: customer service, sales, hiring. Naming the parts of the business it affects, and why you want to be on the networks at all, gives every later choice something to be checked against.',
    good: 'The departments concerned, an audience described as people (who they are, what they care about, where they spend time online), and a reason to be on social networks that ties back to the business: more bookings, fewer support calls, better candidates.',
    avoid:
      'Being on social networks because everyone is. “We need a Facebook page” is not a reason; a business aim is.',
  },
  objectives: {
    source: 'Step 1, and mistake 1 “the cart before the horse”',
    why: 'Goals come first. Tactics, networks and posts only make sense once you know what they must achieve, and each department has goals of its own that rarely match another’s.',
    good: 'Clear, specific, measurable and realistic: a metric with today’s baseline and a target, a deadline, and one person answerable. “From 40 to 120 qualified leads a month by June, owned by Sam.”',
    avoid:
      'Starting with tactics (a contest, a new account) before deciding what they are for, and goals like “more engagement” that nobody can check.',
  },
  competition: {
    source: 'Step 2: analyse the competition; key “monitoring”',
    why: 'A benchmark shows which networks your market uses, what works there and which ideas are worth borrowing. Listening shows what is already said about you, or about what you sell, whether you are on the networks or not.',
    good: 'A few real competitors with their networks, their audience and what gets them results; every borrowed idea tied to one of your own objectives; the places and tools you listen with.',
    avoid:
      'Copying the neighbour: reproducing what worked for another brand without checking that it serves your objectives. Mark the ideas that do not fit as “not for us”.',
  },
  positioning: {
    source: 'Step 3: develop a social positioning; key “personality”',
    why: 'Your marketing position has to become a voice people can talk to. Whoever runs the accounts speaks as the brand, so the brand needs a personality they can play, described in detail.',
    good: 'A positioning that is unique, invites conversation and is realistic; personality traits placed between clear poles (serious or cheerful, formal or casual); concrete do’s and don’ts for the voice.',
    avoid:
      'Selling dreams. A promise the audience cannot check, or the team cannot keep, breaks trust at the first reply.',
  },
  network_selection: {
    source: 'Key “selection of social networks”; mistake 3 “being everywhere”',
    why: 'Every network costs time, money and energy. Choose the ones where your market actually is and where your kind of product has a real chance to stand out.',
    good: 'Each chosen network has a reason rooted in your audience, the networks you skip are listed with why, and the count fits what the team can staff.',
    avoid: 'Being everywhere. A network nobody has time to look after does more harm than being absent from it.',
  },
  network: {
    source: 'Step 4: define the strategy in detail; keys on objectives, action, themes, interaction and followers',
    why: 'Each network has its own job: one answers questions, another sells, another builds the brand. Writing the strategy per network turns the plan’s objectives into what is posted, when, and how people get answers.',
    good: 'A role; goals linked to plan objectives; KPIs with a baseline and a target; an editorial line that balances useful and promotional content; recognisable themes with their sources; a dated conversational calendar; interaction times and who answers; ways to win the right followers.',
    avoid:
      'Tactics without goals, posts without a theme people recognise you by, and comments left unanswered: without interaction no objective is reached. Quality of followers matters more than their number.',
  },
  line_of_conversation: {
    source: 'Key “line of conversation”',
    why: 'Whoever speaks for the brand needs to know what to say, what not to say and how to say it, on a quiet day and on a bad one.',
    good: 'Written communication policies, short lists of what may and may not be said, a rule for mixing useful and promotional content, and a crisis manual: the situation, the response, who acts.',
    avoid:
      'Improvising in a crisis. The first hours decide how it ends, and the manual people follow is the one written in calm times.',
  },
  process: {
    source: 'Step 5: establish a process',
    why: 'A plan without people and dates stays a document. Someone must be in charge, the community must be looked after, and everyone must know what is due, when, and from whom.',
    good: 'One person in charge; community management described; a clear split between the team and any agency; responsibilities per person; a timetable of deliverables, conversational calendars included; an honest count of the networks the team can staff.',
    avoid:
      'Assuming “marketing will handle it”. Deliverables nobody owns slip, and a stretched team spreads itself thin over too many networks.',
  },
  indicators: {
    source: 'Key “definition of indicators”',
    why: 'You can only adjust what you measure. Indicators defined from the start let you tune the strategy along the way and talk about return on investment with facts.',
    good: 'A few indicators tied to the objectives (traffic, traffic sources, conversations, followers, conversions, ROI), each with a baseline, a target and actual values recorded over time.',
    avoid: 'Too many metrics, or metrics picked afterwards because they look good. They confuse instead of guiding.',
  },
  tools: {
    source: 'Key “applications and tools”',
    why: 'Publishing, monitoring, measurement and optimisation tools shape the daily work. Choosing them at the start avoids switching halfway and losing history.',
    good: 'One tool per job, known to everyone: what it is for, and who uses it.',
    avoid: 'Collecting tools nobody opens. The tool serves the process, not the other way round.',
  },
  guidelines: {
    source: 'Step 6: put everything in writing',
    why: 'Everything decided in the earlier steps has to be written down in one place that everyone who designs or runs the strategy can open.',
    good: 'Guidelines that follow the six steps: short enough to be read, precise enough to settle a doubt. Objectives, positioning and voice, the rules of each network, the process, and who to ask.',
    avoid:
      'Leaving the strategy in people’s heads or scattered across emails. What is not written down, everyone interprets differently.',
  },
}
