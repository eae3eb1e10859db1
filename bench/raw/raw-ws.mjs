// The raw baseline of B5: a plain `ws` server that sends one JSON text to every open socket on POST /broadcast.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const server = http.createServer(async (req, res) => {
  if (req.url === '/ready') return res.end('ok');
  let body = '';
  for await (const c of req) body += c;
  for (const socket of wss.clients) socket.send(body);
  res.end('{"ok":true}');
});
const wss = new WebSocketServer({ server, path: '/graphql' });
server.listen(Number(process.env.PORT), '127.0.0.1');
