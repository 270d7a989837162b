// Next.js calls register() once when a server starts (`npm start`, `npm run dev`).
// It starts the job queue's workers in the same process: scheduled publishing
// (with a catch-up of anything that fell due while the app was down) and email.
// Not in the Edge runtime, not while `next build` prerenders, not without a database.
// See docs/decisions/011-job-queue.md.

export async function register() {
  // Written as one `if` around a dynamic import so the Edge bundle contains none of it.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startJobsInServer } = await import('./lib/jobs/worker');
    await startJobsInServer();
  }
}
