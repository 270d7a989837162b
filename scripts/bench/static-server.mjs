// @ts-check
// Baseline for the benchmark: serves one file's bytes from memory for every
// request, with plain node:http — the floor of what any Node server can do here.
//   node scripts/bench/static-server.mjs <file> <port>
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [file, port] = process.argv.slice(2);
if (!file || !port) {
  console.error('usage: static-server.mjs <file> <port>');
  process.exit(2);
}
const body = readFileSync(file);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1', () => console.log(`ready on 127.0.0.1:${port}`));
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => server.close(() => process.exit(0)));
