/** `npm run rotate-storage-key -w server`: see docs/security.md, "Rotating the storage key". */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/data-source.js';
import { rotateStorageKey } from '../security/rotate.js';

const config = loadConfig(process.env);
const db = await openDatabase(config.database);
try {
  const { files, secrets } = await rotateStorageKey(config, db);
  console.log(`re-encrypted ${files} files and ${secrets} TOTP secrets under the new STORAGE_KEY`);
} finally {
  await db.destroy();
}
