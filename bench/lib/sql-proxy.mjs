// A TCP proxy in front of MariaDB that counts the statements clients send
// (COM_QUERY and COM_STMT_EXECUTE packets), and keeps their text when asked.
import net from 'node:net';

export async function startSqlProxy(target = { host: '127.0.0.1', port: 3306 }) {
  const stats = { statements: 0, log: null };
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = pending.readUIntLE(0, 3);
        if (pending.length < 4 + length) break;
        const seq = pending[3];
        const command = pending[4];
        if (seq === 0 && (command === 0x03 || command === 0x17)) {
          stats.statements++;
          stats.log?.push(command === 0x03 ? pending.subarray(5, 4 + length).toString() : '(prepared statement)');
        }
        pending = pending.subarray(4 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => (client.destroy(), upstream.destroy());
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    stats,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(r));
    },
  };
}
