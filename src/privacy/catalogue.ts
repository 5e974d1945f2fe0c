import type { Sql } from '../store/database.ts';
import { storeTables } from './erasure.ts';
import { impersonalTables, personalTables } from './registry.ts';

/** Columns whose name says they point at a person. */
export const PERSON_COLUMN = /(^|_)(conversation|user|person|patient|member|from|aad|tenant_user)(_|$)|conversationid|userid/i;

export interface CatalogueProblem {
  table: string;
  problem: string;
}

/**
 * Compares the database catalogue with the registry: a table in neither list, or an "impersonal"
 * table with a column that names a person, is a problem. Used by the erasure test and logged at start.
 */
export async function catalogueProblems(sql: Sql): Promise<CatalogueProblem[]> {
  const tables = await storeTables(sql);
  const personal = new Set(personalTables.map((entry) => entry.table));
  const impersonal = new Map(impersonalTables.map((entry) => [entry.table, entry]));
  const columns = await sql.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = current_schema()`,
  );
  const problems: CatalogueProblem[] = [];
  for (const table of tables) {
    if (personal.has(table)) continue;
    if (!impersonal.has(table)) {
      problems.push({ table, problem: 'not covered by erasure: add it to personalTables (or impersonalTables) in src/privacy/registry.ts' });
      continue;
    }
    const allowed = new Set(impersonal.get(table)?.columns ?? []);
    const named = columns
      .filter((column) => column.table_name === table && PERSON_COLUMN.test(column.column_name) && !allowed.has(column.column_name))
      .map((column) => column.column_name);
    if (named.length) problems.push({ table, problem: `listed as impersonal but has ${named.join(', ')}` });
  }
  return problems;
}
