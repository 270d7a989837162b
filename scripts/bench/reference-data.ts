// Prints the real seed's organisations, people and topics as JSON, so the
// benchmark's synthetic archive uses the same reference rows as the app.
// Run with tsx (scripts/bench/run.mjs does).
import { ORGANISATIONS } from '../../prisma/seed/organisations';
import { PEOPLE } from '../../prisma/seed/people';
import { TOPICS } from '../../prisma/seed/topics';

process.stdout.write(JSON.stringify({ organisations: ORGANISATIONS, people: PEOPLE, topics: TOPICS }));
