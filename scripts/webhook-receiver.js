#!/usr/bin/env node
// A webhook receiver in its own process, for WebhookLoadTest with -Dwebhooks.load.receiver: it
// answers every POST 204 (keep-alive) and counts deliveries, so the receiver's CPU shows apart from
// the dispatcher's. GET /stats answers {"requests": n, "distinct": n} (distinct webhook-ids);
// DELETE /stats resets both. Listens on loopback only.
//   node scripts/webhook-receiver.js [port]   (default 18099)
'use strict';
const http = require('http');

const port = Number(process.argv[2] || 18099);
let requests = 0;
let ids = new Set();

const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    req.resume();
    req.on('end', () => {
      requests++;
      ids.add(req.headers['webhook-id']);
      res.writeHead(204);
      res.end();
    });
    return;
  }
  if (req.url === '/stats' && req.method === 'DELETE') {
    requests = 0;
    ids = new Set();
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ requests, distinct: ids.size }));
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`webhook receiver on 127.0.0.1:${port}`));
