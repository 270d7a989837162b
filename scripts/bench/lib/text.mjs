// @ts-check
// Deterministic, realistic-looking bulletin prose for the synthetic archive.
// Every section has a theme (one of the seed's topics); its sentences draw mostly
// on that theme's phrases and sometimes on others, so a search for
// "safeguarding" or "participation" matches a realistic share of the archive
// rather than all of it or none of it.

/** A small seeded PRNG (mulberry32), so every run builds the same archive. */
export function createRandom(seed = 20261124) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @param {number} min @param {number} max inclusive */
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  /** @template T @param {readonly T[]} list @returns {T} */
  const pick = (list) => {
    if (list.length === 0) throw new Error('pick() from an empty list');
    return /** @type {T} */ (list[Math.floor(next() * list.length)]);
  };
  /** @param {number} p */
  const chance = (p) => next() < p;
  /** @template T @param {readonly T[]} list @param {number} n @returns {T[]} */
  const sample = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [/** @type {T} */ (copy[j]), /** @type {T} */ (copy[i])];
    }
    return copy.slice(0, Math.min(n, copy.length));
  };
  return { next, int, pick, chance, sample };
}

/** @typedef {ReturnType<typeof createRandom>} Random */

/**
 * Theme → phrases used inside sentences and titles. Keys match the seed's topic slugs.
 * @type {Record<string, { name: string, phrases: string[], titles: string[] }>}
 */
export const THEMES = {
  safeguarding: {
    name: 'Safeguarding',
    phrases: [
      'contextual safeguarding',
      'safeguarding adolescents at risk of exploitation',
      'multi-agency safeguarding arrangements',
      'safeguarding partnership reviews',
      'child protection conferences',
      'children missing from education',
      'the local safeguarding children partnership',
      'rapid reviews and child safeguarding practice reviews',
      'neglect and cumulative harm',
      'online safety and harmful sexual behaviour',
    ],
    titles: [
      'Safeguarding update',
      'Learning from a child safeguarding practice review',
      'Contextual safeguarding in practice',
      'Keeping adolescents safe',
      'Neglect: recognising cumulative harm',
      'Safeguarding week round-up',
    ],
  },
  wellbeing: {
    name: 'Wellbeing',
    phrases: [
      'staff wellbeing',
      'wellbeing conversations in supervision',
      'reflective spaces for practitioners',
      'managing workload and caseloads',
      'the wellbeing of our workforce',
      'emotional resilience',
      'peer support groups',
      'healthy working practices',
    ],
    titles: [
      'Looking after our wellbeing',
      'Wellbeing week across the region',
      'Supporting staff wellbeing',
      'Reflective spaces that work',
      'Resilience and reflective supervision',
    ],
  },
  participation: {
    name: 'Participation',
    phrases: [
      'the participation of children and young people',
      'young inspectors',
      'children in care councils',
      'co-production with care leavers',
      'the regional participation network',
      'listening to the voice of the child',
      'youth voice in commissioning',
      'participation workers',
    ],
    titles: [
      'A focus on participation',
      'Young inspectors report back',
      'Voice of the child: what we heard',
      'Participation network news',
      'Co-producing services with young people',
    ],
  },
  'race-and-identity': {
    name: 'Race and identity',
    phrases: [
      'anti-racist practice',
      'identity in safeguarding',
      'culturally competent assessments',
      'the experiences of Black and global majority staff',
      'disproportionality in the care system',
      'inclusive leadership',
    ],
    titles: [
      'Naming the silence: race and identity',
      'Anti-racist practice in the region',
      'Understanding disproportionality',
      'Identity and belonging',
    ],
  },
  'mental-health': {
    name: 'Mental health',
    phrases: [
      'children’s mental health',
      'trauma-informed practice',
      'emotional wellbeing and mental health services',
      'CAMHS waiting times',
      'mental health support teams in schools',
      'self-harm and suicide prevention',
    ],
    titles: [
      'Trauma-informed practice',
      'Children’s mental health week',
      'Working with CAMHS',
      'Mental health support in schools',
    ],
  },
  leadership: {
    name: 'Leadership',
    phrases: [
      'practice leadership',
      'the aspiring team managers programme',
      'leadership development for principal social workers',
      'compassionate leadership',
      'the leadership of directors of children’s services',
      'middle managers and practice supervisors',
    ],
    titles: [
      'Leadership programme opens',
      'Developing practice leaders',
      'Compassionate leadership in children’s services',
      'Principal social workers’ network',
    ],
  },
  'quality-assurance': {
    name: 'Quality assurance',
    phrases: [
      'quality assurance frameworks',
      'practice audits',
      'the regional quality and performance group',
      'moderation of case audits',
      'performance data and benchmarking',
      'learning from inspection',
    ],
    titles: [
      'Quality assurance update',
      'What our audits tell us',
      'Learning from inspection',
      'Benchmarking across the region',
    ],
  },
  send: {
    name: 'SEND',
    phrases: [
      'children with special educational needs and disabilities',
      'education, health and care plans',
      'SEND transport',
      'short breaks for disabled children',
      'preparation for adulthood',
      'the SEND and alternative provision improvement plan',
    ],
    titles: ['SEND update', 'Preparing for adulthood', 'Short breaks review', 'Education, health and care plans'],
  },
  'practice-development': {
    name: 'Practice development',
    phrases: [
      'relationship-based practice',
      'systemic practice',
      'the Assessed and Supported Year in Employment',
      'practice educators',
      'family group conferencing',
      'restorative practice',
      'direct work with children',
      'the post-qualifying standards',
    ],
    titles: [
      'Practice development news',
      'Relationship-based practice',
      'Supporting newly qualified social workers',
      'Practice educator network',
      'Family group conferencing',
    ],
  },
  'care-experience': {
    name: 'Care experience',
    phrases: [
      'care-experienced young people',
      'care leavers’ local offer',
      'staying close and staying put',
      'corporate parenting',
      'foster carer recruitment',
      'kinship care',
      'permanence planning',
    ],
    titles: [
      'Care Leaver Championship Cup',
      'Corporate parenting week',
      'Fostering fortnight',
      'Kinship care in the region',
      'Celebrating care-experienced young people',
    ],
  },
  workforce: {
    name: 'Workforce',
    phrases: [
      'recruitment and retention of social workers',
      'agency social work rules',
      'the regional memorandum of understanding',
      'apprenticeship routes into social work',
      'workforce planning',
      'international recruitment',
    ],
    titles: [
      'Workforce update',
      'Recruitment and retention',
      'Social work apprenticeships',
      'The regional memorandum of understanding',
    ],
  },
};

export const THEME_SLUGS = Object.keys(THEMES);

const AUDIENCES = [
  'social workers',
  'team managers',
  'practice supervisors',
  'family support workers',
  'independent reviewing officers',
  'residential staff',
  'foster carers',
  'early help practitioners',
  'newly qualified social workers',
  'senior leaders',
  'partners in health and education',
];
const VERBS = [
  'launched',
  'published',
  'piloted',
  'refreshed',
  'extended',
  'co-designed',
  'evaluated',
  'introduced',
  'reviewed',
];
const THINGS = [
  'toolkit',
  'practice guide',
  'training offer',
  'learning programme',
  'peer review',
  'network',
  'community of practice',
  'resource hub',
  'seven-minute briefing',
  'audit programme',
];
const OUTCOMES = [
  'better outcomes for children and families',
  'more consistent decision-making',
  'fewer children entering care in crisis',
  'stronger relationships between practitioners and families',
  'a more stable workforce',
  'clearer pathways for young people',
  'earlier help for families',
  'greater confidence among practitioners',
];
const PERIODS = ['month', 'quarter', 'term', 'year', 'autumn', 'spring', 'summer'];
const PLACES = [
  'Birmingham',
  'Coventry',
  'Dudley',
  'Herefordshire',
  'Sandwell',
  'Shropshire',
  'Solihull',
  'Staffordshire',
  'Stoke-on-Trent',
  'Telford and Wrekin',
  'Walsall',
  'Warwickshire',
  'Wolverhampton',
  'Worcestershire',
];

/** @param {string} s */
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One sentence, mostly about `theme`.
 * @param {Random} r @param {string} theme
 */
export function sentence(r, theme) {
  const t = THEMES[r.chance(0.95) ? theme : r.pick(THEME_SLUGS)];
  if (!t) throw new Error(`Unknown theme ${theme}`);
  const phrase = r.pick(t.phrases);
  const other = r.pick(
    /** @type {NonNullable<typeof t>} */ (THEMES[r.chance(0.7) ? theme : r.pick(THEME_SLUGS)]).phrases,
  );
  const templates = [
    () =>
      `Colleagues in ${r.pick(PLACES)} have ${r.pick(VERBS)} a ${r.pick(THINGS)} on ${phrase} for ${r.pick(AUDIENCES)}.`,
    () =>
      `This ${r.pick(PERIODS)} the regional group has been looking closely at ${phrase}, and at what it means for ${r.pick(AUDIENCES)}.`,
    () =>
      `${capitalise(phrase)} remains a priority for every council and trust in the region, and the work is already leading to ${r.pick(OUTCOMES)}.`,
    () => `We heard from ${r.pick(AUDIENCES)} about ${phrase} and about how it connects with ${other}.`,
    () =>
      `The ${r.pick(THINGS)} will be available to ${r.pick(AUDIENCES)} from next ${r.pick(PERIODS)}, with sessions on ${phrase}.`,
    () => `Early evaluation suggests that ${phrase} is contributing to ${r.pick(OUTCOMES)}.`,
    () => `Thank you to everyone in ${r.pick(PLACES)} and ${r.pick(PLACES)} who shared their learning on ${phrase}.`,
    () =>
      `If you would like to get involved in ${phrase}, please speak to your principal social worker or contact the regional projects officer.`,
    () =>
      `More than ${r.int(2, 30) * 10} ${r.pick(AUDIENCES)} took part, and many told us that the focus on ${phrase} changed how they approach ${other}.`,
    () =>
      `The ${r.pick(THINGS)} brings together ${r.pick(AUDIENCES)} and ${r.pick(AUDIENCES)} to share practice on ${phrase}.`,
    () => `Our shared ambition is ${r.pick(OUTCOMES)}, and ${phrase} is central to that ambition.`,
    () => `A short briefing on ${phrase} is attached, together with a reminder of the expectations around ${other}.`,
  ];
  return r.pick(templates)();
}

/** @param {Random} r @param {string} theme @param {number} sentences */
export function paragraphText(r, theme, sentences) {
  return Array.from({ length: sentences }, () => sentence(r, theme)).join(' ');
}

/** @param {string} text */
const textNode = (text) => ({ type: 'text', text });

/**
 * A TipTap document of roughly `words` words (paragraphs, sometimes a heading,
 * a bullet list, bold text or a link), within lib/rich-text's allowlist.
 * @param {Random} r @param {string} theme @param {number} words
 */
export function richDoc(r, theme, words) {
  /** @type {object[]} */
  const content = [];
  let count = 0;
  const t = /** @type {NonNullable<(typeof THEMES)[string]>} */ (THEMES[theme]);
  while (count < words) {
    const roll = r.next();
    if (roll < 0.08 && content.length > 0) {
      const heading = capitalise(r.pick(t.phrases));
      content.push({ type: 'heading', attrs: { level: 3 }, content: [textNode(heading)] });
      count += heading.split(' ').length;
    } else if (roll < 0.16) {
      const items = Array.from({ length: r.int(3, 5) }, () => capitalise(r.pick(t.phrases)));
      content.push({
        type: 'bulletList',
        content: items.map((item) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [textNode(item)] }],
        })),
      });
      count += items.join(' ').split(' ').length;
    } else {
      const text = paragraphText(r, theme, r.int(3, 5));
      /** @type {object[]} */
      const inline = [textNode(text)];
      if (r.chance(0.15)) {
        inline.push(
          textNode(' '),
          {
            type: 'text',
            text: 'Find out more',
            marks: [{ type: 'link', attrs: { href: 'https://www.example.org/regional-update' } }],
          },
          textNode('.'),
        );
      } else if (r.chance(0.1)) {
        inline.unshift({ type: 'text', text: `${capitalise(r.pick(t.phrases))}: `, marks: [{ type: 'bold' }] });
      }
      content.push({ type: 'paragraph', content: inline });
      count += text.split(' ').length;
    }
  }
  return { type: 'doc', content };
}

/** @param {Random} r @param {string} theme */
export function sectionTitle(r, theme) {
  const t = /** @type {NonNullable<(typeof THEMES)[string]>} */ (THEMES[theme]);
  return r.chance(0.7) ? r.pick(t.titles) : `${r.pick(PLACES)}: ${r.pick(t.phrases)}`;
}

const EVENT_FORMATS = [
  'Regional Master Class',
  'CPD session',
  'Learning from Research Seminar',
  'Practice Educator forum',
  'Masterclass',
  'Conference',
  'Webinar',
  'Workshop',
  'Network meeting',
];

/** @param {Random} r @param {string} theme */
export function eventTitle(r, theme) {
  const t = /** @type {NonNullable<(typeof THEMES)[string]>} */ (THEMES[theme]);
  return `${r.pick(EVENT_FORMATS)}: ${capitalise(r.pick(t.phrases))}`;
}

export const EVENT_AUDIENCES = [
  'All social care staff',
  'Social workers and team managers',
  'Practice Educators only',
  'Newly qualified social workers (ASYE)',
  'Senior leaders',
  'Foster carers and supervising social workers',
  'Partners in health, education and the police',
];

export const VENUES = PLACES.map((place) => ({
  name: `${place} Council House`,
  address: `Civic Centre, ${place}`,
}));

export const FIRST_NAMES = [
  'Amira',
  'Ben',
  'Chloe',
  'Darren',
  'Ewa',
  'Farhan',
  'Grace',
  'Harjit',
  'Imogen',
  'Jamal',
  'Kerry',
  'Liam',
  'Mandeep',
  'Nadia',
  'Owen',
  'Priya',
  'Rhys',
  'Sadia',
  'Tom',
  'Usha',
  'Vikram',
  'Wendy',
  'Yasmin',
  'Zoe',
];
export const LAST_NAMES = [
  'Ahmed',
  'Bennett',
  'Clarke',
  'Dhillon',
  'Edwards',
  'Fletcher',
  'Gill',
  'Hussain',
  'Jones',
  'Kaur',
  'Lewis',
  'Morgan',
  'Nowak',
  'Okafor',
  'Patel',
  'Roberts',
  'Singh',
  'Thompson',
  'Walker',
  'Young',
];
export const JOB_TITLES = [
  'Principal Social Worker',
  'Team Manager',
  'Head of Service',
  'Practice Supervisor',
  'Participation Manager',
  'Workforce Development Lead',
  'Assistant Director',
  'Advanced Practitioner',
];

/** Words the search queries are built from (all occur in the archive). */
export const QUERY_WORDS = [
  'safeguarding',
  'wellbeing',
  'participation',
  'leadership',
  'supervision',
  'exploitation',
  'neglect',
  'adolescents',
  'fostering',
  'kinship',
  'permanence',
  'trauma',
  'resilience',
  'recruitment',
  'retention',
  'apprenticeship',
  'audit',
  'inspection',
  'benchmarking',
  'disproportionality',
  'identity',
  'restorative',
  'systemic',
  'conferencing',
  'camhs',
  'send',
  'transport',
  'adulthood',
  'carers',
  'inspectors',
  'commissioning',
  'network',
  'toolkit',
  'briefing',
  'evaluation',
  'practitioners',
  'Dudley',
  'Sandwell',
  'Walsall',
  'Coventry',
  'masterclass',
  'research',
  'educators',
  'exploitations',
  'harmful',
];
export const QUERY_PHRASES = [
  'contextual safeguarding',
  'staff wellbeing',
  'voice of the child',
  'care leavers',
  'trauma-informed practice',
  'practice leadership',
  'family group conferencing',
  'relationship-based practice',
  'foster carer recruitment',
  'child protection conferences',
  'anti-racist practice',
  'education, health and care plans',
];
