import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/site';
import { EventListPage } from '@/components/event-list-page';

export const metadata: Metadata = {
  title: 'Upcoming events',
  description: 'Conferences, CPD sessions and masterclasses for the children’s services workforce, soonest first.',
  alternates: pageAlternates('/events'),
  openGraph: { title: 'Upcoming events', url: '/events' },
};

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <EventListPage when="upcoming" searchParams={await searchParams} />;
}
