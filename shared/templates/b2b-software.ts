import { type PlanTemplate, sectionOf } from './schema'

const objective = (
  id: string,
  statement: string,
  metric: string,
  unit: string,
  baseline: number,
  target: number,
  owner: string,
  networks: string[],
) => ({ id, statement, metric, unit, baseline, target, deadline: '2027-12-31', owner, networkIds: networks })

const day = (d: number) => `2027-04-${String(d).padStart(2, '0')}`

/** An example plan: a B2B software firm selling invoicing software to accountants, on LinkedIn and YouTube. */
export const B2B_SOFTWARE: PlanTemplate = {
  id: 'b2b-software',
  name: 'B2B software firm (example)',
  description:
    'Ledgerly, invoicing software for accounting firms: a complete example plan on LinkedIn and YouTube, built around lead capture.',
  sections: [
    sectionOf(
      'overview',
      {
        businessAims:
          'Win qualified demo requests from small accounting firms, keep customers informed of changes, and hire two developers this year.',
        departmentIds: ['@dept:Marketing', '@dept:Customer service', '@dept:Sales', '@dept:Human resources'],
        audience:
          'Partners and office managers of accounting firms with 5–50 staff; existing customers’ administrators; developers in our region.',
        whySocial:
          'Accountants read LinkedIn daily and search YouTube for how-to videos; both let us show expertise instead of buying ads.',
      },
      [
        'Ledgerly has 40 employees. Social media serves marketing (reputation), sales (leads), customer service (release notes and help) and HR (hiring).',
      ],
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'lg-mkt-1',
            'Become the voice on e-invoicing rules for small firms',
            'LinkedIn page followers',
            'followers',
            2100,
            5000,
            'Sofia Marsh (marketing)',
            ['@net:LinkedIn'],
          ),
        ],
      },
      ['Marketing builds the reputation that makes a sales call welcome.'],
      { department: 'Marketing' },
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'lg-cs-1',
            'Cut support tickets about new releases with video walkthroughs',
            'Release-related tickets a month',
            'tickets',
            180,
            90,
            'Omar Reyes (support)',
            ['@net:YouTube'],
          ),
        ],
      },
      ['Customer service explains every release before customers have to ask.'],
      { department: 'Customer service' },
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'lg-sales-1',
            'Capture qualified demo requests from social networks',
            'Demo requests from social a month',
            'requests',
            8,
            30,
            'Dan Kowalski (sales)',
            ['@net:LinkedIn'],
          ),
        ],
      },
      ['Sales counts a lead when a demo request carries a social campaign tag.'],
      { department: 'Sales' },
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'lg-hr-1',
            'Hire two developers through our own network',
            'Qualified developer applications',
            'applications',
            5,
            25,
            'Ana Ruiz (HR)',
            ['@net:LinkedIn'],
          ),
        ],
      },
      ['HR shows what working at Ledgerly is like, in the engineers’ own words.'],
      { department: 'Human resources' },
    ),
    sectionOf(
      'competition',
      {
        competitors: [
          {
            id: 'lg-comp-1',
            name: 'BillBoard (market leader)',
            networks: ['LinkedIn', 'X'],
            audience: 'Mid-size and large firms; 40,000 LinkedIn followers.',
            whatWorks: 'A monthly webinar on tax changes with a partner firm; strong comment threads.',
            ideas: [
              { id: 'lg-idea-1', idea: 'A monthly live session on e-invoicing rules', objectiveId: 'lg-sales-1' },
              { id: 'lg-idea-2', idea: 'Daily posting on X', objectiveId: null, notForUs: true },
            ],
          },
          {
            id: 'lg-comp-2',
            name: 'Tally Cloud',
            networks: ['YouTube'],
            audience: 'Bookkeepers who set the software up themselves.',
            whatWorks: 'Two-minute videos, one per feature, linked from the app.',
            ideas: [
              {
                id: 'lg-idea-3',
                idea: 'One short video per release, linked from the release notes',
                objectiveId: 'lg-cs-1',
              },
            ],
          },
        ],
        monitoring: [
          {
            id: 'lg-mon-1',
            topic: 'Mentions of Ledgerly and of e-invoicing',
            where: 'LinkedIn, accounting forums',
            tool: 'Brand24',
          },
        ],
      },
      ['We adopt an idea only when it serves one of our objectives.'],
    ),
    sectionOf(
      'positioning',
      {
        statement:
          'For small accounting firms, Ledgerly is the invoicing software that keeps up with the rules so the firm does not have to.',
        traits: [
          { id: 'lg-tr-1', left: 'serious', right: 'cheerful', value: 35 },
          { id: 'lg-tr-2', left: 'formal', right: 'casual', value: 45 },
          { id: 'lg-tr-3', left: 'intellectual', right: 'accessible', value: 70 },
        ],
        voiceDo: [
          { id: 'lg-do-1', text: 'Explain a rule in plain words, with an example invoice.' },
          { id: 'lg-do-2', text: 'Cite the official source.' },
        ],
        voiceDont: [
          { id: 'lg-dont-1', text: 'No jargon without an explanation.' },
          { id: 'lg-dont-2', text: 'No naming competitors.' },
        ],
      },
      ['We are the calm expert colleague.'],
    ),
    sectionOf(
      'network_selection',
      {
        chosen: [
          {
            id: 'lg-ch-li',
            name: 'LinkedIn',
            why: 'Partners of accounting firms and developers read it daily.',
            sectionId: '@net:LinkedIn',
          },
          {
            id: 'lg-ch-yt',
            name: 'YouTube',
            why: 'Customers search for how-to videos when they set up a feature.',
            sectionId: '@net:YouTube',
          },
        ],
        leftOut: [
          { id: 'lg-lo-ig', name: 'Instagram', why: 'Our buyers do not look for business software there.' },
          { id: 'lg-lo-x', name: 'X', why: 'The team cannot staff a third network this year.' },
        ],
      },
      ['Two networks, where our market is.'],
    ),
    sectionOf(
      'network',
      {
        role: 'lead_capture',
        goals: [
          { id: 'lg-li-g1', goal: 'Turn rule explainers into demo requests', objectiveIds: ['lg-sales-1', 'lg-mkt-1'] },
          { id: 'lg-li-g2', goal: 'Show our engineering culture to developers', objectiveIds: ['lg-hr-1'] },
        ],
        kpis: [
          { id: 'lg-li-k1', metric: 'Demo requests from LinkedIn', unit: 'requests', baseline: 6, target: 25 },
          { id: 'lg-li-k2', metric: 'Page followers', unit: 'followers', baseline: 2100, target: 5000 },
        ],
        valueShare: 75,
        editorialLine: 'Three explainers or stories for every post about the product.',
        themes: [
          {
            id: 'lg-li-t1',
            topic: 'E-invoicing rules',
            frequency: 'Weekly (Tuesday)',
            sources: 'Tax authority, our legal advisor',
          },
          { id: 'lg-li-t2', topic: 'Life at Ledgerly', frequency: 'Twice a month', sources: 'Engineering team' },
        ],
        highlights: [
          {
            id: 'lg-li-h1',
            title: 'Live session: the 2027 e-invoicing deadline',
            date: day(15),
            description: 'With a partner firm.',
          },
        ],
        calendar: [
          {
            id: 'lg-li-c1',
            date: day(6),
            theme: 'What changes for invoices in 2027',
            format: 'article',
            owner: 'Sofia Marsh',
            status: 'ready',
          },
          {
            id: 'lg-li-c2',
            date: day(8),
            theme: 'Meet the team: our payments engineer',
            format: 'video',
            owner: 'Ana Ruiz',
            status: 'planned',
          },
          {
            id: 'lg-li-c3',
            date: day(13),
            theme: 'Checklist before the deadline',
            format: 'image',
            owner: 'Sofia Marsh',
            status: 'planned',
          },
          {
            id: 'lg-li-c4',
            date: day(15),
            theme: 'Live session with a partner firm',
            format: 'live',
            owner: 'Dan Kowalski',
            status: 'planned',
          },
          {
            id: 'lg-li-c5',
            date: day(22),
            theme: 'Customer story: a 12-person firm',
            format: 'post',
            owner: 'Dan Kowalski',
            status: 'idea',
          },
          {
            id: 'lg-li-c6',
            date: day(27),
            theme: 'We are hiring: backend developer',
            format: 'post',
            owner: 'Ana Ruiz',
            status: 'idea',
          },
        ],
        interaction: [
          {
            id: 'lg-li-i1',
            rule: 'Answer every comment with a question in it; pass buying questions to sales the same day.',
            responseTimeHours: 8,
            hours: 'Mon–Fri 8–17',
            who: 'Sofia Marsh',
          },
        ],
        growthTactics: [{ id: 'lg-li-gt1', tactic: 'Employees share the weekly explainer with a line of their own.' }],
      },
      ['LinkedIn is where firms decide whom to trust with their invoicing.'],
      { network: 'LinkedIn', department: 'Sales' },
    ),
    sectionOf(
      'network',
      {
        role: 'customer_loyalty',
        goals: [
          { id: 'lg-yt-g1', goal: 'A walkthrough for every release, before customers ask', objectiveIds: ['lg-cs-1'] },
        ],
        kpis: [{ id: 'lg-yt-k1', metric: 'Views of release walkthroughs', unit: 'views', baseline: 400, target: 2000 }],
        valueShare: 90,
        editorialLine: 'How-to videos under three minutes; no sales pitch.',
        themes: [
          {
            id: 'lg-yt-t1',
            topic: 'Release walkthroughs',
            frequency: 'Every release (fortnightly)',
            sources: 'Release notes',
          },
        ],
        highlights: [],
        calendar: [
          {
            id: 'lg-yt-c1',
            date: day(9),
            theme: 'Release 4.2: recurring invoices',
            format: 'video',
            owner: 'Omar Reyes',
            status: 'planned',
          },
          {
            id: 'lg-yt-c2',
            date: day(23),
            theme: 'Release 4.3: e-invoice export',
            format: 'video',
            owner: 'Omar Reyes',
            status: 'idea',
          },
        ],
        interaction: [
          {
            id: 'lg-yt-i1',
            rule: 'Answer questions under videos; turn bug reports into tickets.',
            responseTimeHours: 24,
            hours: 'Mon–Fri',
            who: 'Omar Reyes',
          },
        ],
        growthTactics: [{ id: 'lg-yt-gt1', tactic: 'Link each video from the in-app release note.' }],
      },
      ['YouTube is our help desk that works at night.'],
      { network: 'YouTube', department: 'Customer service' },
    ),
    sectionOf(
      'line_of_conversation',
      {
        policies: 'We explain, we cite sources, we never give individual tax advice in public.',
        maySay: [{ id: 'lg-may-1', text: 'What a rule says, with the official link.' }],
        mayNotSay: [
          { id: 'lg-not-1', text: 'Customer names without written consent.' },
          { id: 'lg-not-2', text: 'Release dates before they are final.' },
        ],
        valueVsPromotion:
          'Three value posts for every product post; live sessions carry no pitch before the last five minutes.',
        crisisManual: [
          {
            id: 'lg-cr-1',
            situation: 'An outage during invoicing week',
            response: 'Post status and the expected fix within 30 minutes on LinkedIn; update every hour.',
            who: 'Omar Reyes',
          },
          {
            id: 'lg-cr-2',
            situation: 'A data-protection question goes public',
            response: 'One factual answer from the DPO, then a private follow-up.',
            who: 'Sofia Marsh',
          },
        ],
      },
      ['How we speak, and what we do when things go wrong.'],
    ),
    sectionOf(
      'process',
      {
        lead: 'Sofia Marsh (marketing)',
        communityManagement: 'Marketing and support share the inbox; sales takes every buying question.',
        staffing: 'mixed',
        agency: 'Framewise Studio (video editing)',
        networkCapacity: 2,
        responsibilities: [
          { id: 'lg-resp-1', who: 'Sofia Marsh', what: 'Calendar, LinkedIn page, monthly report.' },
          { id: 'lg-resp-2', who: 'Omar Reyes', what: 'Release walkthroughs and YouTube answers.' },
        ],
        deliverables: [
          { id: 'lg-del-1', what: 'April calendar approved', who: 'Sofia Marsh', due: '2027-03-28', status: 'done' },
          {
            id: 'lg-del-2',
            what: 'Live session slides',
            who: 'Dan Kowalski',
            due: '2027-04-12',
            status: 'in_progress',
          },
          {
            id: 'lg-del-3',
            what: 'Quarterly results to management',
            who: 'Sofia Marsh',
            due: '2027-07-05',
            status: 'not_started',
          },
        ],
      },
      ['Weekly 20-minute stand-up on Monday; the agency delivers videos on Thursday.'],
    ),
    sectionOf(
      'indicators',
      {
        kpis: [
          {
            id: 'lg-ind-1',
            indicator: 'conversions',
            label: 'Demo requests from social networks',
            unit: 'requests',
            baseline: 8,
            target: 30,
            actuals: [
              { id: 'lg-a-1', date: '2027-01-31', value: 9 },
              { id: 'lg-a-2', date: '2027-02-28', value: 12 },
              { id: 'lg-a-3', date: '2027-03-31', value: 15 },
            ],
          },
          {
            id: 'lg-ind-2',
            indicator: 'followers',
            label: 'LinkedIn page followers',
            unit: 'followers',
            baseline: 2100,
            target: 5000,
            actuals: [{ id: 'lg-a-4', date: '2027-03-31', value: 2480 }],
          },
          {
            id: 'lg-ind-3',
            indicator: 'roi',
            label: 'Pipeline from social per euro spent',
            unit: '€ per €',
            baseline: 2,
            target: 6,
            actuals: [],
          },
        ],
      },
      ['Read monthly from the CRM and LinkedIn analytics.'],
    ),
    sectionOf(
      'tools',
      {
        tools: [
          { id: 'lg-tool-1', name: 'Buffer', purpose: 'publishing', notes: 'LinkedIn scheduling.' },
          { id: 'lg-tool-2', name: 'Brand24', purpose: 'monitoring', notes: 'Mentions and topics.' },
          { id: 'lg-tool-3', name: 'HubSpot', purpose: 'measurement', notes: 'Demo requests by campaign tag.' },
        ],
      },
      ['Every link carries a campaign tag so the CRM can count it.'],
    ),
    sectionOf('guidelines', {}, [
      '## Writing',
      '- One idea per post, with an example and the official source.',
      '- Plain words: explain every abbreviation once.',
      '## Answering',
      '- Buying questions go to sales the same day; bugs become tickets.',
      '- Never give individual tax advice in public.',
      '## In a crisis',
      'Follow the crisis manual in the Line of conversation; Omar posts status updates.',
    ]),
  ],
}
