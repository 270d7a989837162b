import { databaseReachable } from '@/lib/data/health';

// Readiness for a load balancer: 200 while this instance can reach its database,
// 503 (with Retry-After) while it cannot. Public and without detail beyond which
// dependency is missing: it reads no content.
export const dynamic = 'force-dynamic';

const HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

async function readiness(): Promise<{ status: 200 | 503; body: string; headers: Record<string, string> }> {
  if (await databaseReachable()) return { status: 200, body: JSON.stringify({ status: 'ready' }), headers: HEADERS };
  return {
    status: 503,
    body: JSON.stringify({ status: 'unavailable', unavailable: ['database'] }),
    headers: { ...HEADERS, 'Retry-After': '5' },
  };
}

export async function GET() {
  const { status, body, headers } = await readiness();
  return new Response(body, { status, headers });
}

export async function HEAD() {
  const { status, headers } = await readiness();
  return new Response(null, { status, headers });
}
