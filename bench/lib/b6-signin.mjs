// B6: the dossier list's p99 during a burst of sign-ins (argon2) against its idle p99.
import { load } from './load.mjs';
import { DOSSIERS } from './queries.mjs';
import { PASSWORD } from './seed.mjs';

export default async function b6({ results, api, sessions, interleaved, summary, log, ROUND_MS, round2 }) {
  const list = () => ({ url: `${api.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json', cookie: sessions.client }, body: JSON.stringify({ query: DOSSIERS, variables: { first: 20 } }) });
  // Sign-ins of seeded clients (right password, so no throttle builds up); each stops at the second factor.
  let n = 0;
  const signIn = () => ({
    url: `${api.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { step } }', variables: { e: `client${n++ % 10}@kluis.bench`, p: PASSWORD } }),
  });
  const SIGNERS = Number(process.env.BENCH_SIGNIN_CONCURRENCY ?? 8);
  const idle = (ms = ROUND_MS) => load({ make: list, connections: 2, durationMs: ms });
  let signInRate = [];
  const burst = async (ms = ROUND_MS) => {
    const [measured, signins] = await Promise.all([load({ make: list, connections: 2, durationMs: ms }), load({ make: signIn, connections: SIGNERS, durationMs: ms })]);
    signInRate.push(signins.rps);
    return measured;
  };
  const { a, b } = await interleaved(idle, burst);
  const fig = { idleP99: summary(a, 'p99'), burstP99: summary(b, 'p99'), signInsPerSecond: round2(signInRate.sort((x, y) => x - y)[Math.floor(signInRate.length / 2)]), signInConcurrency: SIGNERS };
  fig.ratio = round2(fig.burstP99 / fig.idleP99);
  fig.goal = '<= 2';
  fig.met = fig.ratio <= 2;
  results.figures.B6 = fig;
  log(`B6 dossier list p99: idle ${fig.idleP99} ms, during ${fig.signInsPerSecond} sign-ins/s ${fig.burstP99} ms: ${fig.ratio}x`);
}
