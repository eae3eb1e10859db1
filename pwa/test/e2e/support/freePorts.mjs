// Prints `count` free loopback ports as JSON; run synchronously from the Playwright config.
import net from 'node:net'
import process from 'node:process'

const count = Number(process.argv[2] ?? 1)
const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
  const server = net.createServer()
  server.listen(0, '127.0.0.1', () => resolve(server))
})))
console.log(JSON.stringify(servers.map(server => server.address().port)))
await Promise.all(servers.map(server => new Promise(resolve => server.close(resolve))))
