import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors.js';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `XConnection` and `XEdge` object types for a node type, as the contract names them. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => node) node: T;
    @Field() cursor: string;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionClass {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionClass;
}

const encode = (createdAt: Date, id: string) => Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
function decode(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') throw new Error();
    return [date, id];
  } catch {
    throw badInput('after', 'This cursor is not valid');
  }
}

/**
 * Keyset pages, newest first, in the stable order (createdAt, id). `query` holds
 * the filters and access scope; `alias` is its main entity's alias. `count`, when
 * given, answers `totalCount` instead of counting `query`'s rows.
 */
export async function paginate<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  args: { first?: number | null; after?: string | null },
  { maxFirst = 100, count = () => countRows(query) }: { maxFirst?: number; count?: () => Promise<number> } = {},
): Promise<Connection<T>> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > maxFirst) throw badInput('first', `first must be between 0 and ${maxFirst}`);
  const page = query.clone().orderBy(`${alias}.createdAt`, 'DESC').addOrderBy(`${alias}.id`, 'DESC').take(first + 1);
  if (args.after) {
    const [at, id] = decode(args.after);
    page.andWhere(`(${alias}.createdAt < :afterAt OR (${alias}.createdAt = :afterAt AND ${alias}.id < :afterId))`, { afterAt: at, afterId: id });
  }
  const [totalCount, rows] = await Promise.all([count(), page.getMany()]);
  const nodes = rows.slice(0, first);
  // Encoded when asked for: clients that page by `endCursor` never read the edges' cursors.
  const edges = nodes.map((node) => ({
    node,
    get cursor() {
      return encode(node.createdAt, node.id);
    },
  }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** TypeORM counts `DISTINCT id`, a de-duplication pass that only joins need: without them a plain COUNT(*) is exact. */
async function countRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<number> {
  if (query.expressionMap.joinAttributes.length) return query.clone().getCount();
  const row = await query.clone().select('COUNT(*)', 'n').orderBy().getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}
