/**
 * What each CSV import (and export) holds: its columns, in template order, with the header names
 * accepted in English and French. Shared by the browser (header matching, templates) and the server.
 */
export const IMPORT_KINDS = ['months', 'csms', 'accounts', 'churn-events', 'saves', 'deals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export type ColumnType = 'text' | 'month' | 'date' | 'decimal' | 'integer' | 'enum';

export type ImportColumn = {
  /** The field of the shared zod schema, or a lookup (account, csm) resolved on the server. */
  key: string;
  type: ColumnType;
  required?: boolean;
  /** Template headers: [English, French]. */
  headers: readonly [string, string];
  /** Other names seen in real exports. */
  aliases?: readonly string[];
  /** For enums: accepted spellings (normalised) → stored value. */
  values?: Readonly<Record<string, string>>;
  example: string;
};

const externalId: ImportColumn = { key: 'externalId', type: 'text', headers: ['External ID', 'ID externe'], aliases: ['id', 'external id', 'reference', 'référence', 'ref'], example: 'ext-001' };
const accountExternalId: ImportColumn = { key: 'accountExternalId', type: 'text', headers: ['Account external ID', 'ID externe du compte'], aliases: ['account id', 'id compte', 'id du compte'], example: 'acc-001' };
const accountName: ImportColumn = { key: 'account', type: 'text', headers: ['Account name', 'Nom du compte'], aliases: ['account', 'compte', 'client', 'customer', 'customer name', 'nom du client'], example: 'Acme' };
const csm: ImportColumn = { key: 'csm', type: 'text', headers: ['CSM', 'CSM'], aliases: ['csm name', 'nom du csm', 'csm email', 'owner', 'responsable', 'chargé de compte'], example: 'Alice Martin' };
const csmExternalId: ImportColumn = { key: 'csmExternalId', type: 'text', headers: ['CSM external ID', 'ID externe du CSM'], aliases: ['csm id', 'id csm'], example: '' };
const eventDate: ImportColumn = { key: 'date', type: 'date', required: true, headers: ['Date', 'Date'], aliases: ['day', 'jour'], example: '2026-03-15' };

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  months: [
    { key: 'month', type: 'month', required: true, headers: ['Month', 'Mois'], aliases: ['period', 'période'], example: '2026-03' },
    { key: 'csmFte', type: 'decimal', required: true, headers: ['CSM FTE', 'ETP CSM'], aliases: ['headcount', 'effectif', 'fte', 'etp'], example: '4' },
    { key: 'loadedSalaries', type: 'decimal', required: true, headers: ['Loaded salaries', 'Salaires chargés'], aliases: ['salaries', 'salaires'], example: '30000' },
    { key: 'toolsCost', type: 'decimal', required: true, headers: ['Tools cost', 'Coût des outils'], aliases: ['tools', 'outils'], example: '2000' },
    { key: 'trainingCost', type: 'decimal', required: true, headers: ['Training cost', 'Coût de formation'], aliases: ['training', 'formation'], example: '500' },
    { key: 'otherDirectCost', type: 'decimal', required: true, headers: ['Other direct costs', 'Autres coûts directs'], aliases: ['other direct cost', 'autres couts'], example: '0' },
    { key: 'indirectManagementCost', type: 'decimal', required: true, headers: ['Indirect management cost', 'Coût indirect de management'], aliases: ['management', 'management indirect'], example: '3000' },
    { key: 'indirectInfrastructureCost', type: 'decimal', required: true, headers: ['Indirect infrastructure cost', 'Coût indirect d’infrastructure'], aliases: ['infrastructure', "cout indirect d'infrastructure", 'infrastructure indirecte'], example: '1000' },
    { key: 'indirectRecruitingCost', type: 'decimal', required: true, headers: ['Indirect recruiting cost', 'Coût indirect de recrutement'], aliases: ['recruiting', 'recrutement', 'recrutement indirect'], example: '0' },
    { key: 'startArr', type: 'decimal', required: true, headers: ['ARR at start', 'ARR en début de mois'], aliases: ['start arr', 'arr debut', 'arr de debut', 'opening arr'], example: '1200000' },
    { key: 'newBusinessArr', type: 'decimal', required: true, headers: ['New business ARR', 'ARR nouveaux clients'], aliases: ['new arr', 'arr new business', 'nouveau arr'], example: '40000' },
    { key: 'startCustomers', type: 'integer', required: true, headers: ['Customers at start', 'Clients en début de mois'], aliases: ['start customers', 'customers', 'clients', 'nombre de clients'], example: '120' },
    { key: 'managedClients', type: 'integer', required: true, headers: ['Managed clients', 'Clients gérés'], aliases: ['managed accounts', 'comptes gérés'], example: '120' },
    { key: 'avgHealthScore', type: 'decimal', headers: ['Average health score', 'Score de santé moyen'], aliases: ['health score', 'health', 'santé'], example: '72' },
    { key: 'timeToValueDays', type: 'decimal', headers: ['Time to value (days)', 'Délai de mise en valeur (jours)'], aliases: ['time to value', 'ttv', 'time to value jours'], example: '30' },
    { key: 'featureAdoptionPct', type: 'decimal', headers: ['Feature adoption %', 'Adoption des fonctionnalités %'], aliases: ['feature adoption', 'adoption'], example: '45' },
    { key: 'notes', type: 'text', headers: ['Notes', 'Notes'], aliases: ['remarques', 'commentaires', 'comments'], example: '' },
  ],
  csms: [
    externalId,
    { key: 'name', type: 'text', required: true, headers: ['Name', 'Nom'], aliases: ['csm', 'csm name', 'nom du csm'], example: 'Alice Martin' },
    { key: 'email', type: 'text', headers: ['Email', 'E-mail'], aliases: ['mail', 'courriel'], example: 'alice@example.com' },
    { key: 'startDate', type: 'date', required: true, headers: ['Start date', 'Date d’arrivée'], aliases: ['date de debut', "date d'arrivee", 'since', 'arrival date'], example: '2024-01-01' },
    { key: 'endDate', type: 'date', headers: ['End date', 'Date de départ'], aliases: ['date de fin', 'left', 'departure date'], example: '' },
  ],
  accounts: [
    externalId,
    { key: 'name', type: 'text', required: true, headers: ['Account name', 'Nom du compte'], aliases: ['name', 'nom', 'account', 'compte', 'client', 'customer'], example: 'Acme' },
    { key: 'segment', type: 'text', headers: ['Segment', 'Segment'], aliases: ['tier', 'catégorie'], example: 'Mid-market' },
    csm,
    csmExternalId,
    { key: 'startDate', type: 'date', required: true, headers: ['Start date', 'Date de début'], aliases: ['cohort', 'cohorte', 'customer since', 'client depuis', 'date de signature'], example: '2025-01-15' },
    { key: 'mrr', type: 'decimal', required: true, headers: ['MRR', 'MRR'], aliases: ['monthly recurring revenue', 'revenu mensuel'], example: '2500' },
    { key: 'churnDate', type: 'date', headers: ['Churn date', 'Date de churn'], aliases: ['date de résiliation', 'churned on'], example: '' },
  ],
  'churn-events': [
    externalId, accountExternalId, accountName, csm, csmExternalId, eventDate,
    { key: 'kind', type: 'enum', required: true, headers: ['Kind', 'Nature'], aliases: ['type', 'churn type', 'type de churn'], values: { full: 'FULL', total: 'FULL', complet: 'FULL', 'full churn': 'FULL', churn: 'FULL', contraction: 'CONTRACTION', partial: 'CONTRACTION', partiel: 'CONTRACTION', downgrade: 'CONTRACTION' }, example: 'FULL' },
    { key: 'arrLost', type: 'decimal', required: true, headers: ['ARR lost', 'ARR perdu'], aliases: ['lost arr', 'arr churned', 'montant perdu'], example: '24000' },
    { key: 'reason', type: 'text', headers: ['Reason', 'Motif'], aliases: ['raison', 'cause'], example: 'Budget cut' },
  ],
  saves: [
    externalId, accountExternalId, accountName, csm, csmExternalId, eventDate,
    { key: 'arrSaved', type: 'decimal', required: true, headers: ['ARR saved', 'ARR sauvé'], aliases: ['saved arr', 'arr sauve', 'arr préservé', 'arr retenu'], example: '36000' },
    { key: 'playbook', type: 'text', headers: ['Playbook', 'Playbook'], aliases: ['action', 'plan'], example: 'Executive sponsor call' },
  ],
  deals: [
    externalId, accountExternalId, accountName, csm, csmExternalId, eventDate,
    { key: 'type', type: 'enum', required: true, headers: ['Type', 'Type'], aliases: ['deal type', 'type de deal', "type d'expansion"], values: { upsell: 'UPSELL', 'up sell': 'UPSELL', 'cross sell': 'CROSS_SELL', crosssell: 'CROSS_SELL', 'vente croisee': 'CROSS_SELL', 'usage growth': 'USAGE_GROWTH', usage: 'USAGE_GROWTH', "croissance d usage": 'USAGE_GROWTH', 'croissance usage': 'USAGE_GROWTH' }, example: 'UPSELL' },
    { key: 'arrAdded', type: 'decimal', required: true, headers: ['ARR added', 'ARR ajouté'], aliases: ['expansion arr', 'arr expansion', 'montant'], example: '12000' },
    { key: 'attribution', type: 'enum', required: true, headers: ['Attribution', 'Attribution'], aliases: ['cs attribution', 'attribution cs'], values: { 'cs sourced': 'CS_SOURCED', sourced: 'CS_SOURCED', 'source cs': 'CS_SOURCED', 'sourcé cs': 'CS_SOURCED', 'cs influenced': 'CS_INFLUENCED', influenced: 'CS_INFLUENCED', 'influence cs': 'CS_INFLUENCED', 'not cs': 'NOT_CS', 'hors cs': 'NOT_CS', 'pas cs': 'NOT_CS', none: 'NOT_CS', aucune: 'NOT_CS' }, example: 'CS_SOURCED' },
    { key: 'attributionPct', type: 'decimal', headers: ['Attribution %', 'Part attribuée %'], aliases: ['attribution pct', 'cs share', 'part cs'], example: '' },
  ],
};

/** The key a row is matched on when re-imported (months by month, the rest by external id). */
export function matchKeyOf(kind: ImportKind): 'month' | 'externalId' {
  return kind === 'months' ? 'month' : 'externalId';
}
