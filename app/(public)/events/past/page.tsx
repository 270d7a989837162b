import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/site';
import { EventListPage } from '@/components/event-list-page';

export const metadata: Metadata = {
  title: 'Past events',
  description: 'Events from earlier issues of the Regional Update.',
  alternates: pageAlternates('/events/past'),
  openGraph: { title: 'Past events', url: '/events/past' },
};

export default async function PastEventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <EventListPage when="past" searchParams={await searchParams} />;
}
