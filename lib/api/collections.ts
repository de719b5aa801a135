/** The collections of the REST API, with what the docs say about each. */
export const API_COLLECTIONS = ['csms', 'accounts', 'churn-events', 'saves', 'deals'] as const;
export type ApiCollection = (typeof API_COLLECTIONS)[number];

export const COLLECTION_INFO: Record<ApiCollection, { singular: string; title: string; monthFilter: boolean }> = {
  csms: { singular: 'a CSM', title: 'CSMs (the team roster)', monthFilter: false },
  accounts: { singular: 'an account', title: 'accounts (customers; cohort = start date)', monthFilter: false },
  'churn-events': { singular: 'a churn event', title: 'churn events (full churn or contraction)', monthFilter: true },
  saves: { singular: 'a save', title: 'saves (at-risk accounts retained)', monthFilter: true },
  deals: { singular: 'an expansion deal', title: 'expansion deals (upsell, cross-sell, usage growth)', monthFilter: true },
};
