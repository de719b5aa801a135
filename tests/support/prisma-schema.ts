import { readFileSync } from 'node:fs';

/**
 * A reader for the parts of schema.prisma the migration check compares: models, scalar fields with
 * their native types and nullability, ids, uniques, indexes, relations, enums. Tenure's schema uses a
 * regular subset of the language; anything this reader does not understand makes it throw.
 */
export type SchemaField = { name: string; type: string; optional: boolean; list: boolean; attributes: string };
export type SchemaModel = { name: string; fields: SchemaField[]; blockAttributes: string[] };
export type ParsedSchema = { models: Map<string, SchemaModel>; enums: Map<string, string[]> };

export function parsePrismaSchema(path: string): ParsedSchema {
  const source = readFileSync(path, 'utf8').replace(/\/\/.*$/gm, '');
  const models = new Map<string, SchemaModel>();
  const enums = new Map<string, string[]>();
  for (const block of source.matchAll(/^(model|enum)\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const [, kind, name = '', body = ''] = block;
    const lines = body.split('\n').map((l) => l.trim()).filter(Boolean);
    if (kind === 'enum') {
      enums.set(name, lines);
      continue;
    }
    const model: SchemaModel = { name, fields: [], blockAttributes: [] };
    for (const line of lines) {
      if (line.startsWith('@@')) {
        model.blockAttributes.push(line);
        continue;
      }
      const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!match) throw new Error(`Unreadable line in model ${name}: ${line}`);
      const [, fieldName = '', type = '', list, optional, attributes = ''] = match;
      model.fields.push({ name: fieldName, type, list: Boolean(list), optional: Boolean(optional), attributes });
    }
    models.set(name, model);
  }
  return { models, enums };
}

/** The column list inside @@unique([a, b]) / @@index([a, b]) / fields: [a]. */
export function columnList(text: string): string[] {
  return text.split(',').map((c) => c.trim()).filter(Boolean);
}
