/** `npm run schema`: writes the SDL of the server's code to the repository's schema.graphql. */
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { buildKluisSchema } from '../graphql/schema.js';

const target = fileURLToPath(new URL('../../../schema.graphql', import.meta.url));
await buildKluisSchema(target);
console.log(`wrote ${target}`);
