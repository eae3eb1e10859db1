import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createArmor, LIMITS } from './armor.js';

const read = (path: string) => fs.readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const schema = buildSchema(read('../../../schema.graphql'));

/** The PWA's operations, as GraphQL Code Generator lists them. */
function pwaDocuments(): string[] {
  const source = read('../../../pwa/src/gql/gql.ts');
  const start = source.indexOf('type Documents = {');
  const block = source.slice(start, source.indexOf('\n};', start));
  return [...block.matchAll(/^\s+("(?:[^"\\]|\\.)*"): typeof/gm)].map((m) => JSON.parse(m[1]!) as string);
}

const deep = `{ dossiers { edges { node { messages { edges { node { replyTo { replyTo { replyTo { replyTo { replyTo { id } } } } } } } } } } } }`;
const long = `{ me { ${'id '.repeat(LIMITS.tokens)}} }`;

describe('operation limits', () => {
  it("let every operation of the PWA through", () => {
    const armor = createArmor(true);
    const documents = pwaDocuments();
    expect(documents.length).toBeGreaterThan(20);
    for (const query of documents) expect({ query, errors: armor.validate(schema, armor.parse(query)).map((e) => e.message) }).toEqual({ query, errors: [] });
  });

  it('name the limit in development', () => {
    const armor = createArmor(false);
    expect(armor.validate(schema, armor.parse(deep)).map((e) => e.message)).toEqual([`Syntax Error: Query depth limit of ${LIMITS.depth} exceeded, found 12.`]);
    expect(() => armor.parse(long)).toThrow(`Syntax Error: Token limit of ${LIMITS.tokens} exceeded.`);
  });

  it('do not tell the limits in production', () => {
    const armor = createArmor(true);
    const [error] = armor.validate(schema, armor.parse(deep));
    expect(error).toMatchObject({ message: 'Syntax Error: Query validation error.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    let parseError: unknown;
    try {
      armor.parse(long);
    } catch (err) {
      parseError = err;
    }
    expect(parseError).toBeInstanceOf(GraphQLError);
    expect(parseError).toMatchObject({ message: 'Syntax Error: Query validation error.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('refuse an operation with too many tokens over HTTP every time it comes, and let the others through', () => {
    const { httpTokenLimit } = createArmor(true);
    const send = (query: string) => {
      let status = 0;
      let passed = false;
      const res = { status: (code: number) => ((status = code), res), json: () => res };
      httpTokenLimit({ body: { query }, query: {} } as never, res as never, () => (passed = true));
      return passed ? 'passed' : status;
    };
    for (let i = 0; i < 2; i++) {
      expect(send('{ me { id } }')).toBe('passed');
      expect(send(long)).toBe(400);
      // A syntax error is Apollo's to report.
      expect(send('{ me {')).toBe('passed');
    }
  });

  it('leave introspection to its own rule, as deep as it is', () => {
    const armor = createArmor(true);
    const introspection = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
    expect(armor.validate(schema, armor.parse(introspection))).toEqual([]);
  });
});
