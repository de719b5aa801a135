import type { ReactNode } from 'react';
import { Text, View } from '@react-pdf/renderer';
import { COLORS, TABULAR } from './theme';

export type PackColumn<T> = { header: string; width: number; align?: 'left' | 'right'; cell: (row: T) => string };

/**
 * A table that may run over several pages: the header row is `fixed`, so react-pdf repeats it on
 * every page the table spans, and each row is `wrap={false}`, so no row is ever cut in two.
 */
export function PackTable<T>({ columns, rows, rowKey, footnote }: { columns: PackColumn<T>[]; rows: T[]; rowKey: (row: T) => string; footnote?: ReactNode }) {
  const cellStyle = (column: PackColumn<T>) => ({ width: `${column.width}%`, paddingHorizontal: 4, textAlign: column.align ?? 'left', ...(column.align === 'right' ? TABULAR : {}) }) as const;
  return (
    <View style={{ marginBottom: 8 }}>
      <View fixed style={{ flexDirection: 'row', borderBottomWidth: 0.75, borderBottomColor: COLORS.ink, paddingVertical: 4, backgroundColor: COLORS.panel }}>
        {columns.map((column) => (
          <Text key={column.header} style={{ ...cellStyle(column), fontWeight: 600, fontSize: 8 }}>
            {column.header}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={rowKey(row)} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 3.5 }}>
          {columns.map((column) => (
            <Text key={column.header} style={cellStyle(column)}>
              {column.cell(row)}
            </Text>
          ))}
        </View>
      ))}
      {footnote}
    </View>
  );
}
