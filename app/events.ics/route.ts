import { listPublicEvents } from '@/lib/data/events';
import { buildCalendar, toIcsEvent } from '@/lib/events/ics';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { siteUrl } from '@/lib/site';
import { parseEventFilters } from '@/lib/validation/event-filters';

// A subscribable feed of every upcoming published event; the /events filters apply.
const MAX_EVENTS = 1000;

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, errors } = parseEventFilters(params);
  if (errors.length > 0) {
    return new Response(`${errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { events } = await listPublicEvents({ when: 'upcoming', filters: { ...filters, page: undefined }, limit: MAX_EVENTS });
  const origin = siteUrl();
  const body = buildCalendar({
    name: 'Regional Update events',
    host: new URL(origin).host,
    events: events.map((e) => toIcsEvent(e, origin, richTextToPlain)),
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="regional-update-events.ics"',
      'Cache-Control': 'public, max-age=900',
    },
  });
}
