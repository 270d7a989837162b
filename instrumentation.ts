// Next.js calls register() once when a server starts (`npm start`, `npm run dev`).
// It starts the job queue's workers in the same process: scheduled publishing
// (with a catch-up of anything that fell due while the app was down) and email.
// Not in the Edge runtime, not while `next build` prerenders, not without a database.
// See docs/decisions/011-job-queue.md.

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.JOBS_DISABLED === 'true' || !process.env.DATABASE_URL) return;
  const { startJobs, stopJobs } = await import('./lib/jobs/boss');
  try {
    await startJobs();
  } catch (error) {
    // The site still serves; jobs wait in the database for the next start.
    console.error('The job queue did not start; scheduled issues will be published on the next start:', error);
    return;
  }
  // scripts/server.mjs exits shortly after SIGTERM/SIGINT; stop taking jobs at once
  // and close the queue's connections (a job cut short is retried after restart).
  const stop = () => void stopJobs({ timeout: 4_000 });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
