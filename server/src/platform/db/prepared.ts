import type { CompiledQuery, Compilable } from 'kysely';
import { dialectOf, type DialectName } from './database.js';
import type { Executor } from './schema.js';

const STAND_IN = '\u0000prepared-value:';

/**
 * A query Kysely builds and compiles once per dialect, then runs with each call's values: on the paths
 * every request takes (the session, the settings) building and compiling cost more than the statement.
 * `build` gets stand-ins for the values and must bind each one as a parameter, as `where` does. Plugins'
 * transformQuery sees the query once, when it is compiled; their transformResult, every run.
 */
export function prepared<A extends readonly (string | number | null)[], R>(
  build: (db: Executor, ...values: A) => Compilable<R>,
): (db: Executor, ...values: A) => Promise<R[]> {
  const templates = new Map<DialectName, { query: CompiledQuery<R>; slots: (number | null)[] }>();
  return async (db, ...values) => {
    const dialect = dialectOf(db);
    let template = templates.get(dialect);
    if (!template) {
      // Stand-ins are strings whatever the values' types: they only travel as bound parameters.
      const standIns = values.map((_, i) => `${STAND_IN}${i}`) as unknown as A;
      const query = build(db, ...standIns).compile();
      const slots = query.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(STAND_IN) ? Number(p.slice(STAND_IN.length)) : null,
      );
      if (values.some((_, i) => !slots.includes(i)))
        throw new Error(`prepared: a value is not bound as a parameter in ${query.sql}`);
      template = { query, slots };
      templates.set(dialect, template);
    }
    const { query, slots } = template;
    const parameters = slots.map((slot, i) => (slot === null ? query.parameters[i] : values[slot]));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
