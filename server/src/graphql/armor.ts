import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { RequestHandler } from 'express';
import { GraphQLError, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Limits on the shape of an operation, the same over HTTP and the socket. Loose
 * enough for the PWA's largest operation (depth 7, 4 aliases, cost ~170, under
 * 100 tokens; a test keeps every PWA document inside them), tight enough that one
 * request cannot ask for the whole database or hammer a resolver by aliasing.
 */
export const LIMITS = { depth: 10, aliases: 15, cost: 5000, directives: 50, tokens: 1000 };

export interface Armor {
  /** Parses with the token limit; a syntax error or too many tokens throw a GraphQLError coded GRAPHQL_PARSE_FAILED. */
  parse(source: string): DocumentNode;
  /** Validation rules besides graphql-js' own. */
  rules: ValidationRule[];
  /** graphql-js' rules and the limits: errors as Apollo reports them (GRAPHQL_VALIDATION_FAILED). */
  validate(schema: GraphQLSchema, document: DocumentNode): GraphQLError[];
  /** The token limit for GraphQL over HTTP, before Apollo parses (Apollo takes the rules as `validationRules`). */
  httpTokenLimit: RequestHandler;
}

class TooManyTokens extends GraphQLError {}

/**
 * Operations the HTTP token limit has passed. Clients repeat a handful of them, which need not be tokenized again on
 * every request (Apollo keeps its own parsed copies); bounded in count and size, the oldest forgotten first.
 */
class WithinLimit {
  private readonly sources = new Set<string>();

  constructor(
    private readonly maxEntries = 500,
    private readonly maxChars = 20_000,
  ) {}

  has(source: string) {
    return this.sources.has(source);
  }

  add(source: string) {
    if (source.length > this.maxChars) return;
    this.sources.add(source);
    if (this.sources.size > this.maxEntries) this.sources.delete(this.sources.values().next().value!);
  }
}

/** In production the messages do not say what the limits are. */
export function createArmor(production: boolean): Armor {
  const common = {
    exposeLimits: !production,
    errorMessage: 'Query validation error.',
    // Report like any validation rule instead of throwing out of graphql-js' validate().
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
    propagateOnRejection: false,
  };
  const rules: ValidationRule[] = [
    maxDepthRule({ ...common, n: LIMITS.depth }),
    maxAliasesRule({ ...common, n: LIMITS.aliases }),
    costLimitRule({ ...common, maxCost: LIMITS.cost }),
    maxDirectivesRule({ ...common, n: LIMITS.directives }),
  ];
  const parse = (source: string): DocumentNode => {
    let tooManyTokens = false;
    try {
      return new MaxTokensParserWLexer(source, { n: LIMITS.tokens, exposeLimits: common.exposeLimits, errorMessage: common.errorMessage, onReject: [() => (tooManyTokens = true)] }).parseDocument();
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      const ParseError = tooManyTokens ? TooManyTokens : GraphQLError;
      throw new ParseError(err.message, { source: err.source, positions: err.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    }
  };
  const passed = new WithinLimit();
  return {
    parse,
    rules,
    validate: (schema, document) =>
      validate(schema, document, [...specifiedRules, ...rules]).map(
        (error) => new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ),
    httpTokenLimit: (req, res, next) => {
      const query: unknown = req.body?.query ?? req.query.query;
      if (typeof query !== 'string' || passed.has(query)) return next();
      try {
        parse(query);
        passed.add(query);
      } catch (err) {
        // Other syntax errors are left to Apollo's own parse, which reports them as usual.
        if (err instanceof TooManyTokens) return void res.status(400).json({ errors: [err.toJSON()] });
      }
      next();
    },
  };
}
