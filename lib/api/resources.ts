import 'server-only';
import type { z } from 'zod';
import type { Principal } from '@/lib/data/access';
import { deleteAccount, listAccountsPage, upsertAccount } from '@/lib/data/entries/accounts';
import { deleteChurnEvent, listChurnEventsPage, upsertChurnEvent } from '@/lib/data/entries/churn-events';
import { deleteCsm, listCsmsPage, upsertCsm } from '@/lib/data/entries/csms';
import { deleteDeal, listDealsPage, upsertDeal } from '@/lib/data/entries/deals';
import { deleteSave, listSavesPage, upsertSave } from '@/lib/data/entries/saves';
import type { Page, PageOptions } from '@/lib/data/entries/shared';
import { accountInputSchema, churnEventInputSchema, csmInputSchema, dealInputSchema, saveInputSchema } from '@/lib/validation/entries';
import { API_COLLECTIONS, type ApiCollection } from '@/lib/api/collections';

export type CollectionResource = {
  schema: z.ZodType;
  list: (principal: Principal, slug: string, options: PageOptions) => Promise<Page<unknown>>;
  upsert: (principal: Principal, slug: string, input: never, id?: string) => Promise<{ id: string; created: boolean }>;
  remove: (principal: Principal, slug: string, id: string) => Promise<void>;
};

/** Each collection of /api/v1/orgs/{slug}/…: the shared zod schema and the data-layer functions. */
export const RESOURCES: Record<ApiCollection, CollectionResource> = {
  csms: { schema: csmInputSchema, list: listCsmsPage, upsert: upsertCsm, remove: deleteCsm },
  accounts: { schema: accountInputSchema, list: listAccountsPage, upsert: upsertAccount, remove: deleteAccount },
  'churn-events': { schema: churnEventInputSchema, list: listChurnEventsPage, upsert: upsertChurnEvent, remove: deleteChurnEvent },
  saves: { schema: saveInputSchema, list: listSavesPage, upsert: upsertSave, remove: deleteSave },
  deals: { schema: dealInputSchema, list: listDealsPage, upsert: upsertDeal, remove: deleteDeal },
};

export function resourceOf(collection: string): CollectionResource | null {
  return (API_COLLECTIONS as readonly string[]).includes(collection) ? RESOURCES[collection as ApiCollection] : null;
}
