import { siteUrl } from '@/lib/site';

/**
 * Printed in place of "Book a place" and "Add to calendar" (hidden in print): a
 * paper bulletin still says where to book, and where the event page is.
 */
// Booking by contact ("email …") is printed already, as text; only the link needs spelling out.
export function EventPrintBooking({ slug, bookingUrl, className = '' }: { slug: string; bookingUrl: string | null; className?: string }) {
  const page = `${siteUrl().replace(/^https?:\/\//, '')}/events/${slug}`;
  return (
    <p className={`hidden print:block ${className}`} data-print-only>
      {bookingUrl && <>Book at {bookingUrl}. </>}
      Details: {page}
    </p>
  );
}
