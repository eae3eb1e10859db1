import path from 'node:path';
import { Not, IsNull, type DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { User } from '../modules/user/user.entity.js';
import { OutboxItem } from '../outbox/outbox.entity.js';
import { LocalDiskStorage } from '../storage/storage.js';
import { Sealer } from './secrets.js';

/**
 * Rewrites every stored file, every sealed TOTP secret and every unsent outbox item under STORAGE_KEY, opening the old ones
 * with STORAGE_KEY_PREVIOUS. Safe to run again; afterwards the previous keys can be dropped.
 */
export async function rotateStorageKey(config: Config, db: DataSource): Promise<{ files: number; secrets: number }> {
  if (!config.storageKey) throw new Error('STORAGE_KEY must be set to the new key');
  const storage = new LocalDiskStorage(path.join(config.dataDir, 'files'), [config.storageKey, ...config.previousStorageKeys]);
  const sealer = Sealer.fromConfig(config.storageKey, config.dataDir, config.previousStorageKeys);
  let files = 0;
  for await (const key of storage.keysOnDisk()) {
    await storage.reencrypt(key);
    files++;
  }
  const users = db.getRepository(User);
  let secrets = 0;
  for (const user of await users.find({ where: { totpSecret: Not(IsNull()) }, select: { id: true, totpSecret: true } })) {
    await users.update(user.id, { totpSecret: sealer.seal(sealer.open(user.totpSecret!)) });
    secrets++;
  }
  const outbox = db.getRepository(OutboxItem);
  for (const item of await outbox.find({ where: { payload: Not(IsNull()) }, select: { id: true, payload: true } })) {
    await outbox.update({ id: item.id, payload: item.payload! }, { payload: sealer.seal(sealer.open(item.payload!)) });
    secrets++;
  }
  return { files, secrets };
}
