import type { ReactNode } from 'react';
import { Page, Text, View } from '@react-pdf/renderer';
import type { Translate } from '../key-messages';
import { styles } from './theme';

export type PageContext = { t: Translate; organization: string; period: string };

/** One section's page(s): the section on top, the period and "page X / Y" on every page. */
export function PackPage({ context, section, children }: { context: PageContext; section: string; children: ReactNode }) {
  const { t } = context;
  return (
    <Page size="A4" orientation="portrait" style={styles.page}>
      <View style={styles.header} fixed>
        <Text>{context.organization}</Text>
        <Text>{section}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text>{t('footer', { organization: context.organization, period: context.period })}</Text>
        <Text render={({ pageNumber, totalPages }) => t('page', { page: pageNumber, total: totalPages })} />
      </View>
    </Page>
  );
}

/** A section title kept with what follows it, so it never ends a page alone. */
export function SectionTitle({ children }: { children: string }) {
  return (
    <Text style={styles.h1} minPresenceAhead={120}>
      {children}
    </Text>
  );
}

export function SubTitle({ children }: { children: string }) {
  return (
    <Text style={styles.h2} minPresenceAhead={90}>
      {children}
    </Text>
  );
}
