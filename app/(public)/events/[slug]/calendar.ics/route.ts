import { getPublicEvent } from '@/lib/data/events';
import { buildCalendar, toIcsEvent } from '@/lib/events/ics';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { siteUrl } from '@/lib/site';
import { isSlugParam } from '@/lib/validation/params';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const event = isSlugParam(slug) ? await getPublicEvent(slug) : null;
  if (!event) {
    return new Response('This event is not published, or the link is wrong.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const origin = siteUrl();
  const body = buildCalendar({
    name: event.title,
    host: new URL(origin).host,
    events: [toIcsEvent(event, origin, richTextToPlain)],
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
