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

const day = (d: number) => `2027-03-${String(d).padStart(2, '0')}`

/** An example plan: a small outdoor-gear shop with one store and a web shop, on Instagram, Facebook and YouTube. */
export const OUTDOOR_SHOP: PlanTemplate = {
  id: 'outdoor-gear-shop',
  name: 'Outdoor-gear shop (example)',
  description:
    'Fjellsti Outfitters, one store and a web shop for hikers: a complete example plan on Instagram, Facebook and YouTube.',
  sections: [
    sectionOf(
      'overview',
      {
        businessAims:
          'Sell more through the web shop between seasons, fill the Saturday repair workshops and keep the store known as the place where hikers get honest advice.',
        departmentIds: ['@dept:Marketing', '@dept:Customer service', '@dept:Sales', '@dept:Human resources'],
        audience:
          'Hikers aged 25–55 within two hours of the store, weekend walkers planning their first multi-day trip, and families buying their children’s first boots.',
        whySocial:
          'Our customers plan trips on Instagram and YouTube and ask questions on Facebook groups; the networks let us show advice, not just products, and bring people into the store.',
      },
      [
        'Fjellsti Outfitters is a shop of eight people. Social media serves four departments: marketing builds the brand, customer service answers questions, sales brings people to the web shop and the store, HR finds seasonal staff.',
        'The plan covers 2027, starting with the spring season.',
      ],
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'fj-mkt-1',
            'Grow the Instagram community of local hikers',
            'Instagram followers',
            'followers',
            4200,
            7000,
            'Maja Berg (marketing)',
            ['@net:Instagram'],
          ),
          objective(
            'fj-mkt-2',
            'Make our trail guides the reference on YouTube',
            'YouTube views a month',
            'views',
            1500,
            6000,
            'Maja Berg (marketing)',
            ['@net:YouTube'],
          ),
        ],
      },
      ['Marketing owns the brand image: trail advice first, products second.'],
      { department: 'Marketing' },
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'fj-cs-1',
            'Answer every question on our pages within four hours in opening time',
            'Median first response time',
            'hours',
            11,
            4,
            'Jonas Eide (customer service)',
            ['@net:Facebook', '@net:Instagram'],
          ),
        ],
      },
      ['Customer service answers on the networks as it does at the counter: by name, with advice.'],
      { department: 'Customer service' },
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'fj-sales-1',
            'Bring more buyers to the web shop from social networks',
            'Web-shop orders from social traffic a month',
            'orders',
            40,
            120,
            'Ingrid Sand (sales)',
            ['@net:Instagram', '@net:Facebook'],
          ),
        ],
      },
      ['Sales measures orders that start on a network, tagged in the web shop.'],
      { department: 'Sales' },
    ),
    sectionOf(
      'objectives',
      {
        objectives: [
          objective(
            'fj-hr-1',
            'Fill the summer season’s staff from our own community',
            'Applications for seasonal jobs',
            'applications',
            6,
            20,
            'Per Lund (HR)',
            ['@net:Facebook'],
          ),
        ],
      },
      ['HR posts seasonal jobs where our most loyal customers already are.'],
      { department: 'Human resources' },
    ),
    sectionOf(
      'competition',
      {
        competitors: [
          {
            id: 'fj-comp-1',
            name: 'Nordtur Sport (chain)',
            networks: ['Instagram', 'Facebook'],
            audience: 'Broad, price-driven; 60,000 followers nationally.',
            whatWorks: 'Weekly gear giveaways get many comments; their trail-condition stories are shared a lot.',
            ideas: [
              {
                id: 'fj-idea-1',
                idea: 'Weekly trail-condition stories from our own staff hikes',
                objectiveId: 'fj-mkt-1',
              },
              { id: 'fj-idea-2', idea: 'Giveaways for likes', objectiveId: null, notForUs: true },
            ],
          },
          {
            id: 'fj-comp-2',
            name: 'Bergkant (independent shop, other city)',
            networks: ['YouTube'],
            audience: 'Experienced hikers, loyal and small.',
            whatWorks: 'Ten-minute repair videos with the shop’s own cobbler.',
            ideas: [
              { id: 'fj-idea-3', idea: 'Monthly repair video from our Saturday workshop', objectiveId: 'fj-mkt-2' },
            ],
          },
        ],
        monitoring: [
          {
            id: 'fj-mon-1',
            topic: 'Mentions of the store and staff by name',
            where: 'Instagram, Facebook groups',
            tool: 'Meta Business Suite',
          },
          {
            id: 'fj-mon-2',
            topic: 'Reviews of the repair service',
            where: 'Google reviews',
            tool: 'Google Business Profile',
          },
        ],
      },
      ['We listen before we copy: an idea from a competitor comes in only if it serves one of our objectives.'],
    ),
    sectionOf(
      'positioning',
      {
        statement:
          'For hikers who want to go further safely, Fjellsti is the shop that tells you what you need — and what you don’t.',
        traits: [
          { id: 'fj-tr-1', left: 'serious', right: 'cheerful', value: 65 },
          { id: 'fj-tr-2', left: 'formal', right: 'casual', value: 80 },
          { id: 'fj-tr-3', left: 'technological', right: 'romantic', value: 40 },
        ],
        voiceDo: [
          { id: 'fj-do-1', text: 'Speak like a friend who has walked the trail.' },
          { id: 'fj-do-2', text: 'Name the staff member who gives the advice.' },
        ],
        voiceDont: [
          { id: 'fj-dont-1', text: 'No pressure to buy, no “last chance” language.' },
          { id: 'fj-dont-2', text: 'No safety promises about gear.' },
        ],
      },
      ['Our personality: the experienced, relaxed friend at the trailhead.'],
    ),
    sectionOf(
      'network_selection',
      {
        chosen: [
          {
            id: 'fj-ch-ig',
            name: 'Instagram',
            why: 'Our hikers share their trips here and follow local trail accounts.',
            sectionId: '@net:Instagram',
          },
          {
            id: 'fj-ch-fb',
            name: 'Facebook',
            why: 'Local hiking groups and parents ask questions here; events reach them.',
            sectionId: '@net:Facebook',
          },
          {
            id: 'fj-ch-yt',
            name: 'YouTube',
            why: 'People search “how to” before a trip; videos last for years.',
            sectionId: '@net:YouTube',
          },
        ],
        leftOut: [
          { id: 'fj-lo-tt', name: 'TikTok', why: 'Our audience is older; we cannot staff a fourth network.' },
          { id: 'fj-lo-li', name: 'LinkedIn', why: 'Not where hikers are; HR uses Facebook instead.' },
        ],
      },
      ['Three networks, the team can staff three. Being everywhere is a waste of time, money and energy.'],
    ),
    sectionOf(
      'network',
      {
        role: 'brand_image',
        goals: [
          { id: 'fj-ig-g1', goal: 'Be the local account hikers check before a trip', objectiveIds: ['fj-mkt-1'] },
          { id: 'fj-ig-g2', goal: 'Send followers to the web shop with shoppable posts', objectiveIds: ['fj-sales-1'] },
        ],
        kpis: [
          { id: 'fj-ig-k1', metric: 'Followers', unit: 'followers', baseline: 4200, target: 7000 },
          { id: 'fj-ig-k2', metric: 'Link clicks to the web shop a month', unit: 'clicks', baseline: 300, target: 900 },
        ],
        valueShare: 80,
        editorialLine: 'Four posts of trail advice and stories for every one about a product.',
        themes: [
          { id: 'fj-ig-t1', topic: 'Trail conditions', frequency: 'Weekly (Thursday)', sources: 'Staff hikes' },
          { id: 'fj-ig-t2', topic: 'Gear that lasts', frequency: 'Twice a month', sources: 'Repair workshop' },
        ],
        highlights: [
          {
            id: 'fj-ig-h1',
            title: 'Spring boot-fitting week',
            date: day(20),
            description: 'Free fitting, stories from the store.',
          },
        ],
        calendar: [
          {
            id: 'fj-ig-c1',
            date: day(4),
            theme: 'Trail conditions: first spring walks',
            format: 'story',
            owner: 'Maja Berg',
            status: 'planned',
          },
          {
            id: 'fj-ig-c2',
            date: day(9),
            theme: 'How to re-proof a jacket',
            format: 'reel',
            owner: 'Maja Berg',
            status: 'planned',
          },
          {
            id: 'fj-ig-c3',
            date: day(11),
            theme: 'Trail conditions: coastal path',
            format: 'story',
            owner: 'Jonas Eide',
            status: 'idea',
          },
          {
            id: 'fj-ig-c4',
            date: day(16),
            theme: 'Staff pick: a light day pack',
            format: 'image',
            owner: 'Ingrid Sand',
            status: 'idea',
          },
          {
            id: 'fj-ig-c5',
            date: day(20),
            theme: 'Boot-fitting week starts',
            format: 'reel',
            owner: 'Maja Berg',
            status: 'planned',
          },
          {
            id: 'fj-ig-c6',
            date: day(25),
            theme: 'Trail conditions: the ridge after snow',
            format: 'story',
            owner: 'Jonas Eide',
            status: 'idea',
          },
        ],
        interaction: [
          {
            id: 'fj-ig-i1',
            rule: 'Answer every comment and message with a name and a piece of advice.',
            responseTimeHours: 4,
            hours: 'Mon–Sat 9–18',
            who: 'Jonas Eide',
          },
        ],
        growthTactics: [
          { id: 'fj-ig-gt1', tactic: 'Share customers’ trip photos with their permission.' },
          { id: 'fj-ig-gt2', tactic: 'QR code at the till to follow the trail-condition stories.' },
        ],
      },
      ['Instagram is our shop window and our trail notebook.'],
      { network: 'Instagram', department: 'Marketing' },
    ),
    sectionOf(
      'network',
      {
        role: 'customer_loyalty',
        goals: [
          {
            id: 'fj-fb-g1',
            goal: 'Answer questions in the local hiking groups we take part in',
            objectiveIds: ['fj-cs-1'],
          },
          {
            id: 'fj-fb-g2',
            goal: 'Fill the Saturday workshops and recruit seasonal staff',
            objectiveIds: ['fj-hr-1', 'fj-sales-1'],
          },
        ],
        kpis: [
          { id: 'fj-fb-k1', metric: 'Median first response time', unit: 'hours', baseline: 11, target: 4 },
          { id: 'fj-fb-k2', metric: 'Workshop sign-ups a month', unit: 'people', baseline: 12, target: 30 },
        ],
        valueShare: 70,
        editorialLine: 'Events, workshops and answers; products only when someone asks.',
        themes: [
          { id: 'fj-fb-t1', topic: 'Saturday workshops', frequency: 'Weekly', sources: 'Workshop calendar' },
          { id: 'fj-fb-t2', topic: 'Seasonal jobs', frequency: 'March–April', sources: 'HR' },
        ],
        highlights: [
          {
            id: 'fj-fb-h1',
            title: 'Open day for summer staff',
            date: day(27),
            description: 'Meet the team in the store.',
          },
        ],
        calendar: [
          {
            id: 'fj-fb-c1',
            date: day(2),
            theme: 'March workshops: boot care and stove repair',
            format: 'event',
            owner: 'Jonas Eide',
            status: 'planned',
          },
          {
            id: 'fj-fb-c2',
            date: day(10),
            theme: 'We are hiring for the summer',
            format: 'post',
            owner: 'Per Lund',
            status: 'planned',
          },
          {
            id: 'fj-fb-c3',
            date: day(17),
            theme: 'Ask us anything: first multi-day trip',
            format: 'live',
            owner: 'Jonas Eide',
            status: 'idea',
          },
          {
            id: 'fj-fb-c4',
            date: day(27),
            theme: 'Open day for summer staff',
            format: 'event',
            owner: 'Per Lund',
            status: 'planned',
          },
        ],
        interaction: [
          {
            id: 'fj-fb-i1',
            rule: 'Questions in groups get an answer from a named staff member; complaints move to a private message.',
            responseTimeHours: 4,
            hours: 'Mon–Sat 9–18',
            who: 'Jonas Eide',
          },
        ],
        growthTactics: [{ id: 'fj-fb-gt1', tactic: 'Co-host walks with the two local hiking clubs.' }],
      },
      ['Facebook is where the local community asks and meets.'],
      { network: 'Facebook', department: 'Customer service' },
    ),
    sectionOf(
      'network',
      {
        role: 'brand_image',
        goals: [
          {
            id: 'fj-yt-g1',
            goal: 'Publish the how-to videos hikers search for before a trip',
            objectiveIds: ['fj-mkt-2'],
          },
        ],
        kpis: [{ id: 'fj-yt-k1', metric: 'Views a month', unit: 'views', baseline: 1500, target: 6000 }],
        valueShare: 95,
        editorialLine: 'Practical videos under ten minutes; the shop appears only at the end.',
        themes: [{ id: 'fj-yt-t1', topic: 'Repair and care', frequency: 'Monthly', sources: 'Saturday workshop' }],
        highlights: [],
        calendar: [
          {
            id: 'fj-yt-c1',
            date: day(6),
            theme: 'Packing for a first hut-to-hut trip',
            format: 'video',
            owner: 'Maja Berg',
            status: 'in_progress',
          },
          {
            id: 'fj-yt-c2',
            date: day(23),
            theme: 'Resoling a boot, start to finish',
            format: 'video',
            owner: 'Maja Berg',
            status: 'idea',
          },
        ],
        interaction: [
          {
            id: 'fj-yt-i1',
            rule: 'Answer questions under videos within a day; pin the best answer.',
            responseTimeHours: 24,
            hours: 'Weekdays',
            who: 'Maja Berg',
          },
        ],
        growthTactics: [{ id: 'fj-yt-gt1', tactic: 'Link each video from the matching product page.' }],
      },
      ['YouTube holds the advice that lasts: videos people find again next season.'],
      { network: 'YouTube', department: 'Marketing' },
    ),
    sectionOf(
      'line_of_conversation',
      {
        policies: 'We speak as the shop’s people, first names signed. We give advice we would follow ourselves.',
        maySay: [
          { id: 'fj-may-1', text: 'Trail conditions we have seen ourselves, with the date.' },
          { id: 'fj-may-2', text: 'Which gear we would take, including cheaper options.' },
        ],
        mayNotSay: [
          { id: 'fj-not-1', text: 'Anything about a customer’s order in public.' },
          { id: 'fj-not-2', text: 'Safety guarantees about weather or routes.' },
        ],
        valueVsPromotion: 'At least four advice posts for every promotional one on every network.',
        crisisManual: [
          {
            id: 'fj-cr-1',
            situation: 'A product we sell is recalled for safety',
            response: 'Post the recall on every network within two hours, pin it, offer exchange in store.',
            who: 'Ingrid Sand',
          },
          {
            id: 'fj-cr-2',
            situation: 'An angry public complaint',
            response: 'Answer publicly once with empathy, move to private message, solve within a day.',
            who: 'Jonas Eide',
          },
        ],
      },
      ['The line of conversation: how we speak, what we never say, and what to do when things go wrong.'],
    ),
    sectionOf(
      'process',
      {
        lead: 'Maja Berg (marketing)',
        communityManagement: 'Customer service answers during opening hours; Maja covers evenings twice a week.',
        staffing: 'in_house',
        agency: '',
        networkCapacity: 3,
        responsibilities: [
          { id: 'fj-resp-1', who: 'Maja Berg', what: 'Editorial calendar, Instagram and YouTube.' },
          { id: 'fj-resp-2', who: 'Jonas Eide', what: 'Answers and Facebook groups.' },
          { id: 'fj-resp-3', who: 'Ingrid Sand', what: 'Web-shop links and monthly sales report.' },
        ],
        deliverables: [
          { id: 'fj-del-1', what: 'March calendar approved', who: 'Maja Berg', due: '2027-02-25', status: 'done' },
          {
            id: 'fj-del-2',
            what: 'Monthly report to the team',
            who: 'Ingrid Sand',
            due: '2027-04-05',
            status: 'not_started',
          },
          {
            id: 'fj-del-3',
            what: 'Summer hiring posts ready',
            who: 'Per Lund',
            due: '2027-03-08',
            status: 'in_progress',
          },
        ],
      },
      ['A 30-minute meeting every Monday: last week’s numbers, this week’s calendar.'],
    ),
    sectionOf(
      'indicators',
      {
        kpis: [
          {
            id: 'fj-ind-1',
            indicator: 'followers',
            label: 'Instagram followers',
            unit: 'followers',
            baseline: 4200,
            target: 7000,
            actuals: [
              { id: 'fj-a-1', date: '2027-01-31', value: 4350 },
              { id: 'fj-a-2', date: '2027-02-28', value: 4620 },
            ],
          },
          {
            id: 'fj-ind-2',
            indicator: 'conversions',
            label: 'Web-shop orders from social traffic',
            unit: 'orders',
            baseline: 40,
            target: 120,
            actuals: [
              { id: 'fj-a-3', date: '2027-01-31', value: 44 },
              { id: 'fj-a-4', date: '2027-02-28', value: 51 },
            ],
          },
          {
            id: 'fj-ind-3',
            indicator: 'traffic',
            label: 'Visits from social networks',
            unit: 'visits',
            baseline: 900,
            target: 2500,
            actuals: [],
          },
        ],
      },
      ['Numbers are read on the first Monday of the month.'],
    ),
    sectionOf(
      'tools',
      {
        tools: [
          {
            id: 'fj-tool-1',
            name: 'Meta Business Suite',
            purpose: 'publishing',
            notes: 'Instagram and Facebook posts and messages.',
          },
          {
            id: 'fj-tool-2',
            name: 'Google Analytics',
            purpose: 'measurement',
            notes: 'Social traffic and orders, tagged links.',
          },
          { id: 'fj-tool-3', name: 'Google Alerts', purpose: 'monitoring', notes: 'Mentions of the shop.' },
        ],
      },
      ['Free tools first; we pay only for what we use every week.'],
    ),
    sectionOf('guidelines', {}, [
      '## How we post',
      '- Advice first: four helpful posts for each product post.',
      '- Every photo of a person needs their permission.',
      '- Sign answers with your first name.',
      '## How we answer',
      '- Within four hours in opening time, within a day otherwise.',
      '- Complaints move to private messages after one public answer.',
      '## When in doubt',
      'Ask Maja before posting. In a crisis, follow the crisis manual in the Line of conversation.',
    ]),
  ],
}
