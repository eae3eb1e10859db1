import type { DataSource } from 'typeorm';
import { expect } from 'vitest';

/** Every count in the `tally` table equals what counting the rows gives. */
export async function expectExactTallies(db: DataSource) {
  const count = async (sql: string) => Number((await db.query(sql))[0].n);
  const counted: Record<string, number> = {
    'messages.fromClients': await count('SELECT COUNT(*) AS n FROM message WHERE fromOffice = 0'),
    'documents.inTabs': await count("SELECT COUNT(*) AS n FROM document WHERE messageId IS NULL OR category = 'PROVIDED'"),
  };
  for (const status of ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED']) counted[`dossiers.${status}`] = await count(`SELECT COUNT(*) AS n FROM dossier WHERE status = '${status}'`);
  const rows: { name: string; count: number | string }[] = await db.query('SELECT name, count FROM tally');
  expect(Object.fromEntries(rows.map((row) => [row.name, Number(row.count)]))).toEqual(counted);
  // Something was counted: the test wrote what it checks.
  expect(Object.values(counted).some((n) => n > 0)).toBe(true);
}
