import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnList, parsePrismaSchema, type SchemaField } from '../support/prisma-schema';
import { testDb } from '../support/db';

const schema = parsePrismaSchema(path.resolve('prisma/schema.prisma'));
const scalarTypes = new Set(['String', 'Int', 'BigInt', 'Boolean', 'DateTime', 'Decimal', 'Json', 'Bytes', 'Float']);

/** The PostgreSQL type Prisma gives a field, in information_schema's words. */
function expectedType(field: SchemaField): string {
  const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(field.attributes);
  if (schema.enums.has(field.type)) return `USER-DEFINED:${field.type}`;
  if (native) {
    const [, kind, args = ''] = native;
    switch (kind) {
      case 'Uuid': return 'uuid';
      case 'VarChar': return `character varying(${args})`;
      case 'Char': return `character(${args})`;
      case 'SmallInt': return 'smallint';
      case 'Date': return 'date';
      case 'Timestamptz': return `timestamp with time zone(${args || 6})`;
      case 'Decimal': return `numeric(${args.replace(/\s/g, '')})`;
      default: throw new Error(`Unmapped native type @db.${kind}`);
    }
  }
  const defaults: Record<string, string> = {
    String: 'text', Int: 'integer', BigInt: 'bigint', Boolean: 'boolean', DateTime: 'timestamp without time zone(3)',
    Decimal: 'numeric(65,30)', Json: 'jsonb', Bytes: 'bytea', Float: 'double precision',
  };
  const type = defaults[field.type];
  if (!type) throw new Error(`Unmapped type ${field.type}`);
  return type;
}

type ColumnRow = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; character_maximum_length: number | null; numeric_precision: number | null; numeric_scale: number | null; datetime_precision: number | null };

function actualType(c: ColumnRow): string {
  switch (c.data_type) {
    case 'USER-DEFINED': return `USER-DEFINED:${c.udt_name}`;
    case 'character varying': return `character varying(${c.character_maximum_length})`;
    case 'character': return `character(${c.character_maximum_length})`;
    case 'numeric': return `numeric(${c.numeric_precision},${c.numeric_scale})`;
    case 'timestamp with time zone':
    case 'timestamp without time zone': return `${c.data_type}(${c.datetime_precision})`;
    default: return c.data_type;
  }
}

describe('the migrated database matches prisma/schema.prisma', () => {
  it('has exactly the tables of the schema', async () => {
    const rows = await testDb().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    expect(rows.map((r) => r.table_name).sort()).toEqual([...schema.models.keys()].sort());
  });

  it('has every column with its type and nullability, and no other', async () => {
    const rows = await testDb().$queryRaw<ColumnRow[]>`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length::int, numeric_precision::int, numeric_scale::int, datetime_precision::int
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    const actual = rows.map((c) => `${c.table_name}.${c.column_name}: ${actualType(c)}${c.is_nullable === 'YES' ? '?' : ''}`).sort();
    const expected = [...schema.models.values()]
      .flatMap((m) => m.fields.filter((f) => !f.list && (scalarTypes.has(f.type) || schema.enums.has(f.type))).map((f) => `${m.name}.${f.name}: ${expectedType(f)}${f.optional ? '?' : ''}`))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the enums with their values', async () => {
    const rows = await testDb().$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(schema.enums));
  });

  it('has the primary keys, unique constraints and indexes', async () => {
    const rows = await testDb().$queryRaw<{ table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean }[]>`
      SELECT t.relname::text AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname::text <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`;
    const actual = rows.map((r) => `${r.table_name} ${r.is_primary ? 'id' : r.is_unique ? 'unique' : 'index'}(${r.columns.join(',')})`).sort();
    const expected: string[] = [];
    for (const model of schema.models.values()) {
      for (const field of model.fields) {
        if (/@id\b/.test(field.attributes)) expected.push(`${model.name} id(${field.name})`);
        if (/@unique\b/.test(field.attributes)) expected.push(`${model.name} unique(${field.name})`);
      }
      for (const attribute of model.blockAttributes) {
        const match = /^@@(unique|index|id)\(\[([^\]]*)\]/.exec(attribute);
        if (match) expected.push(`${model.name} ${match[1]}(${columnList(match[2] ?? '').join(',')})`);
      }
    }
    expect(actual).toEqual(expected.sort());
  });

  it('has the foreign keys with their delete rules', async () => {
    const rows = await testDb().$queryRaw<{ table_name: string; column_name: string; foreign_table: string; foreign_column: string; delete_rule: string }[]>`
      SELECT kcu.table_name, kcu.column_name, ccu.table_name AS foreign_table, ccu.column_name AS foreign_column, rc.delete_rule
      FROM information_schema.referential_constraints rc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.constraint_name
      WHERE kcu.table_schema = 'public'`;
    const actual = rows.map((r) => `${r.table_name}.${r.column_name} -> ${r.foreign_table}.${r.foreign_column} ON DELETE ${r.delete_rule}`).sort();
    const rules: Record<string, string> = { Cascade: 'CASCADE', SetNull: 'SET NULL', Restrict: 'RESTRICT', NoAction: 'NO ACTION' };
    const expected: string[] = [];
    for (const model of schema.models.values()) {
      for (const field of model.fields) {
        const relation = /@relation\(fields: \[([^\]]*)\], references: \[([^\]]*)\](?:, onDelete: (\w+))?/.exec(field.attributes);
        if (!relation) continue;
        const from = columnList(relation[1] ?? '');
        const to = columnList(relation[2] ?? '');
        from.forEach((column, i) => expected.push(`${model.name}.${column} -> ${field.type}.${to[i]} ON DELETE ${rules[relation[3] ?? 'Restrict']}`));
      }
    }
    expect(actual).toEqual(expected.sort());
  });
});
