// Regional Update – October 2025, from /work/shared/bulletins/2025-10-regional-update.txt.
//
// About links: the plain-text export of the bulletin lost every link target, and
// we never invent URLs. Where the source said "click here" / "Apply now" /
// "Request your space" / "Book now" / "Register via the flyer QR code", the
// sentence is reworded descriptively and kept as plain text (no href), and each
// event's booking route goes in `registrationContact`. Everything else is the
// source's wording; only whitespace was tidied (the export ran some lines
// together, e.g. "…2025Time:"). Dates without a year are in the 2025–26 season
// of the issue (published 24 October 2025).
import { doc, p, paras } from '../rich-text';
import { allDay, londonInstant, timed } from '../time';
import type { EventSeed, IssueSeed } from '../types';

const WMSWTP = 'west-midlands-social-work-teaching-partnership' as const;
const TEAMS = 'Microsoft Teams';
const REQUEST_YOUR_SPACE = 'Request your space through the West Midlands Social Work Teaching Partnership';
const BOOK_NOW = 'Book your place through the West Midlands Social Work Teaching Partnership';
const COLLEAGUES = 'Colleagues across the region';

const CONFERENCES: EventSeed[] = [
  {
    slug: 'regional-safeguarding-conference-2025',
    title: 'Regional Safeguarding Conference',
    description: doc(
      p(
        "This year’s Regional Safeguarding Network Annual Conference will be at the Worcestershire County Cricket Club on 27th November and will be themed around neglect. Come and join us for a day filled with insightful discussions, networking opportunities, and expert speakers. This in-person event is the perfect chance to connect with professionals in the field and stay up to date on the latest topics and best practices in safeguarding. Don't miss out on this valuable opportunity to enhance your knowledge and skills.",
      ),
    ),
    organiser: 'regional-safeguarding-network',
    audience: 'Safeguarding professionals across the region',
    price: { isFree: true },
    mode: 'IN_PERSON',
    venueName: 'Worcestershire County Cricket Club',
    venueAddress: 'New Road, Worcester',
    registrationContact: 'Contact your Regional Safeguarding Network representative for booking information',
    topics: ['safeguarding'],
    sessions: [allDay('2025-11-27')],
  },
  {
    slug: 'seslip-quality-assurance-conference-2025',
    title: 'Quality Assurance Conference',
    description: doc(
      p(
        'Our colleagues in the Southeast region have kindly extended an invitation to their SESLIP QA Conference on Monday 8th December in London. The event will focus on co-designing an audit tool to explore how inclusion is embedded in practice. One QA Lead per local authority is invited. Lunch is provided.',
      ),
    ),
    organiser: 'seslip',
    audience: 'One QA lead per local authority',
    price: { isFree: true },
    mode: 'IN_PERSON',
    venueName: 'Broadway House',
    venueAddress: 'London',
    registrationContact: 'Register via the QR code on the event flyer',
    topics: ['quality-assurance'],
    sessions: [timed('2025-12-08', '09:30', '16:30')],
  },
];

const CPD: EventSeed[] = [
  {
    slug: 'whos-got-you-social-workers-and-practice-educators-2025',
    title: 'Who’s Got You? – For Social Workers and Practice Educators',
    description: doc(
      p(
        'A 3-part course exploring compassion, wellbeing, and safe practice, with an additional session for Practice Educators.',
      ),
    ),
    organiser: WMSWTP,
    audience: 'Social workers and practice educators',
    price: { isFree: true },
    mode: 'ONLINE',
    platform: TEAMS,
    registrationContact: REQUEST_YOUR_SPACE,
    registrationDeadline: '2025-10-13',
    topics: ['wellbeing', 'practice-development'],
    sessions: [
      timed('2025-11-04', '09:30', '12:30'),
      timed('2025-11-11', '09:30', '12:30'),
      timed('2025-11-18', '09:30', '12:30'),
      timed('2025-11-25', '09:30', '12:30', 'Practice Educators only'),
    ],
  },
  {
    slug: 'whos-got-you-managers-and-supervisors-2025',
    title: 'Who’s Got You? – For Managers and Supervisors',
    description: doc(p('A 4-part course focused on sustaining wellbeing and safe practice in leadership roles.')),
    organiser: WMSWTP,
    audience: 'Managers and supervisors',
    price: { isFree: true },
    mode: 'ONLINE',
    platform: TEAMS,
    registrationContact: REQUEST_YOUR_SPACE,
    registrationDeadline: '2025-10-13',
    topics: ['wellbeing', 'leadership'],
    sessions: [
      timed('2025-11-05', '09:30', '12:30'),
      timed('2025-11-12', '09:30', '12:30'),
      timed('2025-11-19', '09:30', '12:30'),
      timed('2025-11-26', '09:30', '12:30'),
    ],
  },
  {
    slug: 'pwle-seminar-putting-participation-on-the-map-2025',
    title: 'PWLE Seminar: Putting Participation on the Map',
    description: doc(
      p(
        'Co-created by care-experienced young people, this session explores what meaningful participation really looks like.',
      ),
    ),
    organiser: WMSWTP,
    audience: COLLEAGUES,
    price: { isFree: true },
    mode: 'ONLINE',
    platform: TEAMS,
    registrationContact: BOOK_NOW,
    registrationDeadline: '2025-10-20',
    topics: ['participation', 'care-experience'],
    sessions: [timed('2025-11-06', '11:00', '13:00')],
  },
  {
    slug: 'lets-talk-about-race-2025',
    title: 'Let’s Talk About Race',
    description: doc(p('A safe space to discuss bias and race, and reflect on personal and professional experiences.')),
    organiser: WMSWTP,
    audience: COLLEAGUES,
    price: { isFree: true },
    mode: 'ONLINE',
    platform: TEAMS,
    registrationContact: REQUEST_YOUR_SPACE,
    registrationDeadline: '2025-10-30',
    topics: ['race-and-identity'],
    sessions: [timed('2025-11-20', '10:00', '12:00')],
  },
  {
    slug: 'naming-the-silence-identity-in-safeguarding-2025',
    title: 'Naming the Silence: Identity in Safeguarding',
    description: doc(
      p('Led by Delroy Madden, this session explores how race, culture, and bias shape safeguarding assessments.'),
    ),
    organiser: WMSWTP,
    audience: COLLEAGUES,
    price: { isFree: true },
    mode: 'ONLINE',
    platform: TEAMS,
    registrationContact: REQUEST_YOUR_SPACE,
    registrationDeadline: '2025-11-10',
    presenters: ['delroy-madden'],
    topics: ['race-and-identity', 'safeguarding'],
    sessions: [timed('2025-12-10', '10:00', '12:00')],
  },
  {
    slug: 'learning-from-research-mental-health-children-in-care-2025',
    title: 'Learning from Research Seminar: Understanding Mental Health Needs of Children in Care',
    description: doc(
      p(
        'Join Professor Rachel Hiller for insights into the mental health and wellbeing of care-experienced young people.',
      ),
    ),
    organiser: WMSWTP,
    audience: COLLEAGUES,
    price: { isFree: true },
    mode: 'ONLINE',
    platform: TEAMS,
    registrationContact: BOOK_NOW,
    registrationDeadline: '2025-11-10',
    presenters: ['rachel-hiller'],
    topics: ['mental-health', 'care-experience'],
    sessions: [timed('2025-12-11', '09:30', '11:00')],
  },
  {
    slug: 'innovate-and-grow-conference-2026',
    title: 'Innovate and Grow Conference 2026',
    description: doc(
      ...paras(
        'Join us on 10th February for the West Midlands’ flagship children’s services event. The Innovate and Grow Conference brings together leaders, innovators and practitioners to share ideas, showcase best practice, and build stronger communities. This free event features inspiring speakers, practical workshops, and opportunities to collaborate across sectors.',
        'Hold the date – registration opens soon.',
      ),
    ),
    organiser: WMSWTP,
    audience: 'Leaders, innovators and practitioners',
    price: { isFree: true },
    // The source gives no venue; "practical workshops" and "brings together" suggest an in-person day.
    mode: 'IN_PERSON',
    registrationContact: 'Registration opens soon',
    saveTheDate: true,
    topics: ['practice-development', 'leadership'],
    sessions: [allDay('2026-02-10')],
  },
];

export const OCTOBER_2025: IssueSeed = {
  slug: 'regional-update-october-2025',
  title: 'Regional Update – October 2025',
  month: '2025-10-01',
  status: 'PUBLISHED',
  summary:
    'Emma Taylor reflects on an autumn of collaboration, from the SEND Strategic Leads reset to the Families First Partnership Network Day. Also in this issue: national awards for Birmingham Children’s Trust, leadership programmes from The Staff College, and the region’s upcoming conferences and CPD sessions.',
  // Byline "Oct 24"; no time given.
  publishedAt: londonInstant('2025-10-24', '12:00'),
  sections: [
    {
      kind: 'INTRO',
      title: 'From Sandwell Children’s Trust’s Chief Executive and our QPPG Sponsor',
      body: doc(
        ...paras(
          'Autumn is a season of reflection and renewal. As the days shorten and the pace steadies, we find ourselves deep in the work — focused, collaborative, and committed to making a difference.',
          'At Sandwell, we’ve welcomed inspectors as part of our Ofsted ILACS. It’s a moment that naturally brings reflection — not just on progress, but on the values and relationships that underpin everything we do. It’s also a reminder that improvement is a shared endeavour. No single organisation can do this alone; our strength lies in collaboration.',
          'That spirit of collaboration was front and centre at the recent SEND Strategic Leads reset. There was a real sense of purpose in the room — a shared ambition to align our efforts and drive meaningful progress for children and young people with SEND. We’re re-examining governance, strengthening partnerships, and securing buy-in from all corners of the system. The momentum is building, and it’s exciting to be part of it.',
          'We saw that same energy at the Families First Partnership Network Day, where over 40 colleagues from 13 local authority areas — alongside police and health partners — came together to shape the implementation of Families First. As regional sponsor for the Quality of Performance and Practice Group (QPPG), it’s good to see this work gaining traction. Confidence is growing, capacity is building, and through shared learning and open dialogue, we’re not just planning — we’re co-creating. The commitment to making a difference for families is stronger than ever.',
          'The RIIA Delivery Plan continues to show strong progress. Project leads are now in place across all strands, Communities of Practice are underway, and autumn masterclasses are being developed to support learning and innovation. A new Power BI-enabled dashboard has launched to support leadership insight, and design work is progressing on support packages for both universal and targeted improvement. In SEND, the region is exploring the potential of AI in assessment, with commissioning activity now in motion.',
          'Alongside other colleagues, I attended last month’s West Midlands Team Excellence Awards at Bescot Stadium where we were reminded of the power of recognition. Every team nominated brought a story of impact, and the introduction of an individual award added a new layer of appreciation. I always enjoy our Regional Awards because these moments matter — they celebrate the people who make our system work, often quietly and without fanfare. You can explore the stories and teams featured in this year’s event in the Team Excellence Awards brochure.',
          'As we look ahead, we know there’s still much to do. We’re continuing to challenge ourselves — we are exploring the levels of intervention to determine whether we have got it right, — and we’re committed to keeping the voices of children, young people, and families at the heart of everything we do.',
          'So, as autumn deepens, I feel a sense of pride in the progress we’re making — in Sandwell and across the region. We have strong leadership, renewed energy, and a shared commitment to improvement. Most importantly, we have a workforce full of passionate, skilled professionals who care deeply about children’s lives. That’s our greatest asset — and it’s what will carry us forward.',
        ),
      ),
      signOff: 'Kind regards',
      signatory: 'emma-taylor',
    },
    {
      kind: 'ARTICLE',
      title: 'Birmingham Children’s Trust Celebrated at National Awards',
      body: doc(
        p(
          'At the 2025 Social Worker of the Year Awards, Birmingham Children’s Trust was named Supportive Employer of the Year, recognising its commitment to staff wellbeing and development. In addition, Andrea Bassi, also from BCT, received the Children’s Social Worker of the Year award for her outstanding practice. These national accolades highlight the Trust’s excellence and reinforce the West Midlands’ reputation as a region of strength and opportunity in children’s social care.',
        ),
      ),
      topics: ['workforce'],
    },
    {
      kind: 'ARTICLE',
      title: 'Follow us on LinkedIn',
      body: doc(
        ...paras(
          'We’re reigniting our LinkedIn presence.',
          'With strong backing from our DCS’s, we’re developing a regional Recruitment Hub for children’s services—and LinkedIn will be central to its success. Our page has been quiet, and we know some followers may have tuned out. But we’re now driving fresh, purposeful activity to showcase our workforce and attract talent. Every like, repost, and follow helps. If you haven’t visited us lately, now’s the time to reconnect and support the movement.',
        ),
      ),
      topics: ['workforce'],
    },
    {
      kind: 'ARTICLE',
      title: 'Recognising Autism in Children and Young People – Practitioner Perspective',
      bylineOrganisation: 'adass',
      body: doc(
        ...paras(
          'ADASS are seeking practitioners to take part in a short survey, which forms part of a wider piece of research to explore the experiences of people with lived experience of autism; including children and young people, parents, carers and practitioners working in social care, health and education.',
          // Source: "For more details, click here." (link target lost).
          'More details of the survey are available from ADASS.',
        ),
      ),
    },
    {
      kind: 'ARTICLE',
      title: 'Reflections on the Families First Partnership Network Day',
      body: doc(
        p(
          'While Emma highlights the growing momentum behind Families First in her introduction, the recent Network Day deserves its own spotlight. With over 40 professionals from 13 local authorities — joined by police and health partners — the event was a powerful reminder of what regional collaboration can achieve. The energy in the room was tangible, driven by a shared commitment to shaping a more responsive, co-created approach to supporting families. It wasn’t just a planning session — it was a collective step forward, rooted in trust, purpose, and the belief that together, we can do more.',
        ),
      ),
    },
    {
      kind: 'ARTICLE',
      title: 'Women in Leadership – Applications Open',
      bylineOrganisation: 'the-staff-college',
      body: doc(
        p(
          // Source ends "Apply now to secure your place." (link target lost).
          'The Staff College’s acclaimed Women in Leadership programme returns this November in Leeds. Designed for women in leadership roles, the course explores strategies to overcome barriers to progression and lead with authenticity. The programme includes two in-person days (6–7 Nov) and a virtual follow-up (19 Jan). Optional coaching sessions are available post-course. Apply now through The Staff College to secure your place.',
        ),
      ),
      topics: ['leadership'],
    },
    {
      kind: 'ARTICLE',
      title: 'Practical Tools for Uncertain Times',
      bylineOrganisation: 'the-staff-college',
      body: doc(
        ...paras(
          "Looking to strengthen your leadership toolkit? The Staff College’s Practical Tools for Uncertain Times programme offers a flexible, thought-provoking space to explore how to lead with clarity, confidence and compassion in complex environments. Whether you're navigating change, uncertainty or challenge, this programme is designed to support you.",
          // Source: "Find out more and register your interest click here." (link target lost).
          'Find out more and register your interest with The Staff College.',
        ),
      ),
      topics: ['leadership'],
    },
    {
      kind: 'EVENT_LIST',
      title: 'Upcoming Conferences and Events',
      body: doc(),
      events: CONFERENCES,
    },
    {
      kind: 'EVENT_LIST',
      title: 'Upcoming CPD Opportunities from the West Midlands Social Work Teaching Partnership',
      body: doc(
        p(
          'We’re pleased to share a range of professional development sessions available to colleagues across the region. Please share widely with your teams — and register early to secure your place!',
        ),
      ),
      events: CPD,
    },
  ],
};
