import { Column, Entity, In, PrimaryColumn, type EntityManager } from 'typeorm';
import { DossierStatus } from '../modules/dossier/dossier.types.js';

/**
 * Counts that would otherwise scan a whole table, changed in the transaction of
 * every write they count, so that they stay exact. A migration creates each row
 * and counts what is there; the names:
 * - `dossiers.<status>`: dossiers with that status (the office's list and home);
 * - `messages.fromClients`: messages clients wrote (what waits for the office);
 * - `documents.inTabs`: documents shown in a dossier's tabs (SHOWN_IN_TAB).
 */
@Entity('tally')
export class Tally {
  @PrimaryColumn({ type: 'varchar', length: 40 }) name: string;
  @Column({ type: 'int' }) count: number;
}

export type TallyName = `dossiers.${string}` | 'messages.fromClients' | 'documents.inTabs';

/**
 * Adds each delta to its count, inside the caller's transaction. Rows are locked in
 * name order, so two transactions cannot deadlock on them; call it last, so that
 * the locks are held briefly.
 */
export async function tally(manager: EntityManager, deltas: Partial<Record<TallyName, number>>): Promise<void> {
  const changes = Object.entries(deltas).filter(([, by]) => by) as [TallyName, number][];
  for (const [name, by] of changes.sort(([a], [b]) => a.localeCompare(b))) await manager.increment(Tally, { name }, 'count', by);
}

/** The counts of `names`, by name (0 for a name without a row). */
export async function tallied(manager: EntityManager, names: TallyName[]): Promise<Map<TallyName, number>> {
  const rows = await manager.findBy(Tally, { name: In(names) });
  return new Map(names.map((name) => [name, rows.find((row) => row.name === name)?.count ?? 0]));
}

/** Every tally counted afresh from the rows, into an empty table: for bulk loads that bypass the services (the bench's seed). */
export const RECOUNT_TALLIES = `INSERT INTO tally (name, count) VALUES ${[
  ...Object.values(DossierStatus).map((status) => `('dossiers.${status}', (SELECT COUNT(*) FROM dossier WHERE status = '${status}'))`),
  `('messages.fromClients', (SELECT COUNT(*) FROM message WHERE fromOffice = 0))`,
  `('documents.inTabs', (SELECT COUNT(*) FROM document WHERE messageId IS NULL OR category = 'PROVIDED'))`,
].join(', ')}`;
