// Demo content for trying the authoring workflow: a DRAFT issue for the current
// month with upcoming events. Everything here is labelled as demo content.
import { TZDate } from '@date-fns/tz';
import { bold, doc, p } from './rich-text';
import { addDays, allDay, LONDON, londonDateOf, timed } from './time';
import type { IssueSeed } from './types';

export const DEMO_SLUG_PREFIX = 'demo-';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const demoLabel = () => bold('Demo event: ');

/** The demo draft for the London month containing `now`; its events are 10, 24/31 and 45 days ahead. */
export function buildDemoIssue(now: Date): IssueSeed {
  const london = new TZDate(now.getTime(), LONDON);
  const year = london.getFullYear();
  const monthName = MONTHS[london.getMonth()] ?? 'January';
  const suffix = `${monthName.toLowerCase()}-${year}`;
  const today = londonDateOf(now);
  const month = `${year}-${String(london.getMonth() + 1).padStart(2, '0')}-01`;

  return {
    slug: `${DEMO_SLUG_PREFIX}regional-update-${suffix}`,
    title: `Regional Update – ${monthName} ${year} (demo draft)`,
    month,
    status: 'DRAFT',
    summary:
      'Demo content for trying the authoring workflow: an unpublished draft with an introduction, an article and upcoming events. It is not a real issue of the Regional Update.',
    publishedAt: null,
    sections: [
      {
        kind: 'INTRO',
        title: 'From Sandwell Children’s Trust’s Chief Executive and our QPPG Sponsor (demo)',
        body: doc(
          p(
            bold('Demo content:'),
            ' this introduction shows how the sponsor’s message looks. It was not written by Emma Taylor.',
          ),
          p(
            'Welcome to this month’s Regional Update. Across the region, teams continue to share what works — from practice masterclasses to the networks that bring participation leads, principal social workers and quality assurance leads together.',
          ),
          p(
            'Thank you for everything you do for the children and families we work with. Please take a look at the learning opportunities below and share them with your teams.',
          ),
        ),
        signOff: 'Kind regards',
        signatory: 'emma-taylor',
      },
      {
        kind: 'ARTICLE',
        title: 'Sharing Practice Across the Region (demo article)',
        body: doc(
          p(bold('Demo content:'), ' an example article for editors to revise, reorder or remove.'),
          p(
            'Each of our 14 councils and trusts has practice worth sharing. If your team has a story of impact, a new approach or a lesson learned, send a short summary to the regional team for a future issue.',
          ),
        ),
        topics: ['practice-development'],
      },
      {
        kind: 'EVENT_LIST',
        title: 'Upcoming Events (demo)',
        body: doc(p('Demo events to try the event editor and listings; none of them is real.')),
        events: [
          {
            slug: `demo-reflective-supervision-workshop-${suffix}`,
            title: 'Reflective Supervision Workshop (demo)',
            description: doc(
              p(demoLabel(), 'a two-hour online workshop on reflective supervision for frontline managers.'),
            ),
            organiser: 'west-midlands-social-work-teaching-partnership',
            audience: 'Managers and supervisors',
            price: { isFree: true },
            mode: 'ONLINE',
            platform: 'Microsoft Teams',
            registrationContact: 'Demo event: no booking needed',
            registrationDeadline: addDays(today, 7),
            topics: ['practice-development', 'leadership'],
            sessions: [timed(addDays(today, 10), '10:00', '12:00')],
          },
          {
            slug: `demo-participation-leads-workshop-${suffix}`,
            title: 'Participation Leads Workshop (demo)',
            description: doc(
              p(demoLabel(), 'a two-part, in-person workshop for participation workers and leads, a week apart.'),
            ),
            organiser: 'west-midlands-participation-leads-network',
            audience: 'Participation workers and leads',
            price: { isFree: true },
            mode: 'IN_PERSON',
            venueName: 'Worcestershire County Cricket Club',
            venueAddress: 'New Road, Worcester',
            registrationContact: 'Demo event: no booking needed',
            topics: ['participation'],
            sessions: [
              timed(addDays(today, 24), '10:00', '15:00', 'Part 1'),
              timed(addDays(today, 31), '10:00', '15:00', 'Part 2'),
            ],
          },
          {
            slug: `demo-regional-conference-${suffix}`,
            title: 'Regional Practice Conference (demo)',
            description: doc(p(demoLabel(), 'save the date for a regional conference; details to follow.')),
            organiser: 'wmadcs',
            audience: 'Colleagues across the region',
            price: { isFree: true },
            mode: 'IN_PERSON',
            saveTheDate: true,
            topics: ['practice-development'],
            sessions: [allDay(addDays(today, 45))],
          },
        ],
      },
    ],
  };
}
