// Liveness for a load balancer or process supervisor: the process answers HTTP.
// It touches nothing else (not the database), so a database outage never gets a
// healthy instance restarted; readiness is /readyz.
export const dynamic = 'force-dynamic';

const HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

export function GET() {
  return new Response(JSON.stringify({ status: 'ok' }), { headers: HEADERS });
}

export function HEAD() {
  return new Response(null, { headers: HEADERS });
}
