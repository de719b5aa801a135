import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { addMember, FACTORY_PASSWORD, makeOrganization, makeUser } from '@/lib/seed/factories';
import { signInCookie, startAppServer, type AppServer } from '../support/app-server';
import { idArb, monthArb, nastyString, nastyValue } from '../support/fuzz-values';
import { builtActions, callAction, errorCodesByMessage, exportedActions, outcomeOf, type ActionRef } from '../support/server-actions';
import { testDb } from '../support/db';

/**
 * Every server action, over HTTP as a browser posts it, receives thousands of generated argument
 * lists: every argument (bound ones included: a browser sends them, so an attacker chooses them)
 * is either a valid value or a bad one — wrong types, huge and negative numbers, NaN/Infinity,
 * long strings, unicode and control characters including NUL, SQL and HTML fragments, invalid
 * months, dates and UUIDs, a missing or non-FormData form. Each answer must be a success or a
 * clear refusal (a field error or a named error message); never a 5xx, a thrown action or the
 * "unexpected error" message; and when refused, the organisation's rows hash exactly as before.
 */
type Slot = 'slug' | 'prev' | 'form' | 'month' | 'kind' | 'locale' | 'token' | 'link' | 'id' | 'account' | 'csm' | 'snapshot' | 'deal' | 'optAccount' | 'optCsm';

/** Each action's positional arguments, bound ones first (as the pages bind them). */
const LAYOUT: Record<string, Slot[]> = {
  acceptInvitationAction: ['token', 'prev'],
  changeRoleAction: ['slug', 'prev', 'form'],
  closeMonthAction: ['slug', 'month', 'prev', 'form'],
  createApiTokenAction: ['slug', 'prev', 'form'],
  createBoardPackAction: ['slug', 'prev', 'form'],
  createInvitationAction: ['slug', 'prev', 'form'],
  createOrganizationAction: ['prev', 'form'],
  createShareLinkAction: ['slug', 'prev', 'form'],
  createSnapshotShareLinkAction: ['slug', 'snapshot', 'prev', 'form'],
  deleteAccountAction: ['slug', 'account', 'prev', 'form'],
  deleteBoardPackAction: ['slug', 'snapshot', 'prev'],
  deleteCsmAction: ['slug', 'csm', 'prev', 'form'],
  deleteEventAction: ['slug', 'month', 'kind', 'deal', 'prev', 'form'],
  removeMemberAction: ['slug', 'prev', 'form'],
  reopenMonthAction: ['slug', 'month', 'prev', 'form'],
  revokeApiTokenAction: ['slug', 'prev', 'form'],
  revokeInvitationAction: ['slug', 'prev', 'form'],
  revokeShareLinkAction: ['slug', 'prev', 'form'],
  revokeSnapshotShareLinkAction: ['slug', 'snapshot', 'prev', 'form'],
  saveAccountAction: ['slug', 'optAccount', 'prev', 'form'],
  saveChurnEventAction: ['slug', 'month', 'id', 'prev', 'form'],
  saveCsmAction: ['slug', 'optCsm', 'prev', 'form'],
  saveDealAction: ['slug', 'month', 'id', 'prev', 'form'],
  saveMonthAction: ['slug', 'prev', 'form'],
  saveSaveAction: ['slug', 'month', 'id', 'prev', 'form'],
  setLocaleAction: ['locale'],
  signUpAction: ['prev', 'form'],
  unlockBoardAction: ['link', 'prev', 'form'],
  updateMethodSettingsAction: ['slug', 'prev', 'form'],
};

const MONTH = '2026-03';
const dayArb = fc.oneof(fc.constantFrom(`${MONTH}-05`, `${MONTH}-31`, '2026-02-30', '0000-01-01', '2026-3-5'), nastyString);
const moneyArb = fc.oneof(fc.constantFrom('10', '1 234,56', '0', '-5', '1e5', 'NaN', '999999999999999999'), nastyString);

/** The fields each action's form sends, with a valid value (some chosen per run) or a bad one. */
function formFields(real: Real): Record<string, Record<string, fc.Arbitrary<string>>> {
  const c = (...values: string[]) => fc.constantFrom(...values);
  const event = { accountId: fc.oneof(c(real.accountId, '__new__'), idArb), newAccountName: c('New one'), csmId: fc.oneof(c(real.csmId, ''), idArb), date: dayArb, externalId: c('', 'ext-1') };
  return {
    changeRoleAction: { membershipId: fc.oneof(c(real.membershipId), idArb), role: c('OWNER', 'EDITOR', 'VIEWER', 'ADMIN') },
    closeMonthAction: {},
    createApiTokenAction: { name: c('Fuzz token'), scope: c('READ', 'WRITE', 'ADMIN') },
    createBoardPackAction: { from: fc.oneof(c(MONTH), monthArb), to: fc.oneof(c(MONTH), monthArb), includeLeaderboard: c('on', 'off') },
    createInvitationAction: { email: c('fuzz-invitee@example.test', 'not an email'), role: c('VIEWER', 'OWNER', 'ROOT') },
    createOrganizationAction: { name: c('Fuzz org'), slug: c('', 'fuzz-org', 'Bad Slug!'), currency: c('EUR', 'usd', 'EURO'), defaultLocale: c('en', 'fr', 'de') },
    createShareLinkAction: { label: c('Fuzz link'), expiresOn: c('', '2030-01-01', '2030-02-30'), password: c('', 'long enough password', 'short'), includeLeaderboard: c('on'), includeDrafts: c('on') },
    createSnapshotShareLinkAction: { label: c('Fuzz link'), expiresOn: c('', '2030-01-01'), password: c('', 'short') },
    deleteAccountAction: {},
    deleteBoardPackAction: {},
    deleteCsmAction: {},
    deleteEventAction: {},
    removeMemberAction: { membershipId: fc.oneof(c(real.membershipId), idArb) },
    reopenMonthAction: { reason: c('Fuzz reason', 'two\nlines') },
    revokeApiTokenAction: { tokenId: fc.oneof(c(real.tokenId), idArb) },
    revokeInvitationAction: { invitationId: fc.oneof(c(real.invitationId), idArb) },
    revokeShareLinkAction: { linkId: fc.oneof(c(real.linkId), idArb) },
    revokeSnapshotShareLinkAction: { linkId: fc.oneof(c(real.linkId), idArb) },
    saveAccountAction: { name: c('Fuzz account'), segment: c('', 'SMB'), csmId: fc.oneof(c('', real.csmId), idArb), startDate: dayArb, mrr: moneyArb, churnDate: c('', '2026-12-31'), externalId: c('', 'ext-acc') },
    saveChurnEventAction: { ...event, kind: c('FULL', 'CONTRACTION', 'PARTIAL'), arrLost: moneyArb, reason: c('', 'Price') },
    saveCsmAction: { name: c('Fuzz CSM'), email: c('', 'csm@example.test', 'nope'), startDate: dayArb, endDate: c('', '2024-01-01'), externalId: c('', 'ext-csm') },
    saveDealAction: { ...event, type: c('UPSELL', 'CROSS_SELL', 'GIFT'), arrAdded: moneyArb, attribution: c('CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS', 'ME'), attributionPct: c('', '50', '150') },
    saveMonthAction: {
      month: fc.oneof(c(MONTH, '2026-04'), monthArb), csmFte: moneyArb, loadedSalaries: moneyArb, toolsCost: moneyArb, trainingCost: c('0'), otherDirectCost: c('0'), indirectManagementCost: c('0'),
      indirectInfrastructureCost: c('0'), indirectRecruitingCost: c('0'), startArr: moneyArb, newBusinessArr: c('0'), startCustomers: moneyArb, managedClients: c('10'), avgHealthScore: c('', '50', '101'),
      featureAdoptionPct: c('', '40'), notes: c('', 'Fuzz notes\nsecond line'), version: c('', '0', '1', '999'),
    },
    saveSaveAction: { ...event, arrSaved: moneyArb, playbook: c('', 'QBR') },
    signUpAction: { name: c('Fuzz person'), email: fc.uuid().map((u) => `fuzz-${u}@example.test`), password: c('long enough password', 'short'), organizationName: c('', 'Fuzz signup org'), invitationToken: c('', 'x') },
    unlockBoardAction: { password: c('wrong password 1', 'board password 1', '') },
    updateMethodSettingsAction: {
      baselineMode: c('MANUAL', 'REFERENCE_PERIOD', 'AUTO'), baselineAnnualChurnPct: moneyArb, baselineReferenceFrom: fc.oneof(c('', '2025-01'), monthArb), baselineReferenceTo: fc.oneof(c('', '2025-12'), monthArb),
      indirectCostMode: c('COEFFICIENT', 'ITEMISED'), indirectCostCoefficient: moneyArb, grossMarginPct: moneyArb, averageCac: moneyArb, influencedAttributionPct: c('50'), countChurnAvoided: c('on', ''), sameMonthChurnRule: c('COUNT', 'EXCLUDE'),
    },
  };
}

/** A form: each field valid or bad or missing, sometimes an extra field; or no FormData at all. */
function formArb(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<unknown> {
  const entries = Object.entries(fields).map(([name, valid]) =>
    fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: nastyString }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('x'.repeat(100_000)) }).map((value) => [name, value] as const),
  );
  const data = fc.tuple(fc.tuple(...entries), fc.option(fc.tuple(fc.constantFrom('$ACTION_ID_x', '__proto__', 'extra', 'id'), nastyString))).map(([pairs, extra]) => {
    const form = new FormData();
    for (const [name, value] of pairs) if (value !== undefined) form.append(name, value);
    if (extra) form.append(extra[0], extra[1]);
    return form;
  });
  return fc.oneof({ weight: 9, arbitrary: data }, { weight: 1, arbitrary: nastyValue });
}

type Real = { slug: string; accountId: string; csmId: string; snapshotId: string; dealId: string; linkId: string; linkToken: string; invitationToken: string; membershipId: string; tokenId: string; invitationId: string };

function slotArb(slot: Slot, real: Real, form: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const realOr = (value: unknown, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: bad });
  switch (slot) {
    case 'slug': return realOr(real.slug, fc.oneof(nastyValue, fc.constantFrom('Other', 'x'.repeat(5000), "x'--")));
    case 'prev': return fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nastyValue }, { weight: 1, arbitrary: fc.constant({ ok: false, message: 'x', errors: { a: ['b'] } }) });
    case 'form': return form;
    case 'month': return realOr(MONTH, fc.oneof(monthArb, nastyValue));
    case 'kind': return fc.oneof(fc.constantFrom('churn', 'save', 'deal'), nastyValue);
    case 'locale': return fc.oneof(fc.constantFrom('en', 'fr'), nastyValue);
    case 'token': return realOr(real.invitationToken, fc.oneof(nastyValue, idArb));
    case 'link': return realOr(real.linkToken, fc.oneof(nastyValue, idArb));
    case 'id': return fc.oneof(fc.constant(null), realOr(real.dealId, fc.oneof(idArb, nastyValue)));
    case 'account': return realOr(real.accountId, fc.oneof(idArb, nastyValue));
    case 'csm': return realOr(real.csmId, fc.oneof(idArb, nastyValue));
    case 'snapshot': return realOr(real.snapshotId, fc.oneof(idArb, nastyValue));
    case 'deal': return realOr(real.dealId, fc.oneof(idArb, nastyValue));
    case 'optAccount': return fc.oneof(fc.constant(null), realOr(real.accountId, fc.oneof(idArb, nastyValue)));
    case 'optCsm': return fc.oneof(fc.constant(null), realOr(real.csmId, fc.oneof(idArb, nastyValue)));
  }
}

/** One query: md5 of every row of every table holding organisation rows (found in the catalogue). */
let checksumSql = '';
async function checksum(organizationId: string): Promise<string> {
  if (!checksumSql) {
    const tables = await testDb().$queryRaw<{ table: string }[]>`
      SELECT c.table_name AS "table" FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'organizationId' AND t.table_type = 'BASE TABLE' ORDER BY 1`;
    // lastUsedAt of API tokens is not data a caller sends; everything else is compared whole.
    checksumSql = ['Organization', ...tables.map((t) => t.table)]
      .map((table) => {
        const name = table.replace(/"/g, '""');
        const row = table === 'ApiToken' ? `(t.id, t.name, t."tokenHash", t.scope, t."revokedAt")::text` : 't::text';
        return `SELECT '${name}' AS name, md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) AS sum FROM "${name}" t WHERE "${table === 'Organization' ? 'id' : 'organizationId'}" = $1::uuid`;
      })
      .join(' UNION ALL ');
  }
  const rows = await testDb().$queryRawUnsafe<{ name: string; sum: string }[]>(checksumSql, organizationId);
  return rows.map((r) => `${r.name}:${r.sum}`).join(';');
}

let server: AppServer;
let cookie: string;
let organizationId: string;
let real: Real;
const codes = errorCodesByMessage();
const stats = { inputs: 0, successes: 0, refusals: 0, failures: [] as string[], byOutcome: new Map<string, number>() };
const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 100);

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

beforeAll(async () => {
  server = await startAppServer();
  const db = testDb();
  const owner = await makeUser(db);
  const org = await makeOrganization(db, owner);
  organizationId = org.id;
  const month = new Date(`${MONTH}-01T00:00:00Z`);
  await db.monthlyReport.create({ data: { organizationId, month, csmFte: 1, loadedSalaries: 1000, startArr: 100_000, startCustomers: 10, managedClients: 10 } });
  const csm = await db.csm.create({ data: { organizationId, name: 'Fuzz CSM', startDate: new Date('2025-01-01') }, select: { id: true } });
  const account = await db.account.create({ data: { organizationId, name: 'Fuzz account', startDate: new Date('2025-01-15'), mrr: 100, csmId: csm.id }, select: { id: true } });
  const deal = await db.expansionDeal.create({ data: { organizationId, accountId: account.id, date: new Date(`${MONTH}-10T00:00:00Z`), month, type: 'UPSELL', arrAdded: 10, attribution: 'CS_SOURCED', attributionPct: 100 }, select: { id: true } });
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const snapshot = await db.boardSnapshot.create({ data: { organizationId, title: 'Fuzz pack', periodFrom: month, periodTo: month, locale: 'en', settings: {}, inputs: { months: [] }, figures: {}, pdf, checksum: sha256('pdf') }, select: { id: true } });
  const linkToken = randomBytes(32).toString('base64url');
  const link = await db.shareLink.create({ data: { organizationId, target: 'DASHBOARD', label: 'fuzz', tokenHash: sha256(linkToken), passwordHash: await hashPassword('board password 1') }, select: { id: true } });
  const invitationToken = randomBytes(32).toString('base64url');
  const invitation = await db.invitation.create({ data: { organizationId, email: 'someone-else@example.test', role: 'VIEWER', tokenHash: sha256(invitationToken), expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } });
  const apiToken = `tnr_${randomBytes(32).toString('base64url')}`;
  const token = await db.apiToken.create({ data: { organizationId, name: 'fuzz', scope: 'READ', tokenHash: sha256(apiToken), tokenPrefix: apiToken.slice(0, 10) }, select: { id: true } });
  const member = await addMember(db, organizationId, 'VIEWER');
  real = { slug: org.slug, accountId: account.id, csmId: csm.id, snapshotId: snapshot.id, dealId: deal.id, linkId: link.id, linkToken, invitationToken, membershipId: member.membershipId, tokenId: token.id, invitationId: invitation.id };
  cookie = await signInCookie(server, owner.email, FACTORY_PASSWORD);
}, 120_000);

afterAll(async () => {
  const outcomes = [...stats.byOutcome.entries()].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o}×${n}`).join(' ');
  console.log(`[security] action fuzz: ${stats.inputs} inputs tried, ${stats.successes} accepted, ${stats.refusals} refused clearly, ${stats.failures.length} failures (${outcomes})`);
  await server?.stop();
});

const SUCCESS = new Set(['ok', 'go']);
/** Clear refusals: a field error, or a named error message (sign-in, role, not found, conflict, closed month, board password…). */
const isClearRefusal = (outcome: string) => outcome === 'bad' || /^(401|403|404|[A-Z_]+)$/.test(outcome) || outcome.startsWith('msg:');

async function attempt(action: ActionRef, page: string, args: unknown[]): Promise<void> {
  // Every board-password attempt counts against the link: keep its limit out of the way.
  if (stats.inputs % 50 === 0) await testDb().$executeRawUnsafe(`DELETE FROM "RateLimitBucket" WHERE key LIKE 'share-link-password:%' OR key LIKE 'sign-up:%'`);
  const before = await checksum(organizationId);
  let outcome: string;
  try {
    outcome = outcomeOf(await callAction({ baseUrl: server.url, action, page, args, cookie }), codes);
  } catch (error) {
    outcome = `threw ${String(error).slice(0, 120)}`;
  }
  stats.inputs += 1;
  if (stats.inputs % 500 === 0) console.log(`[security] action fuzz: ${stats.inputs} inputs so far, ${stats.failures.length} failures`);
  stats.byOutcome.set(outcome.slice(0, 40), (stats.byOutcome.get(outcome.slice(0, 40)) ?? 0) + 1);
  const shown = () => JSON.stringify(args, (_k, v: unknown) => (v instanceof FormData ? Object.fromEntries([...v.entries()].map(([k, x]) => [k, String(x).slice(0, 40)])) : typeof v === 'string' ? v.slice(0, 40) : v))?.slice(0, 300);
  if (SUCCESS.has(outcome)) {
    stats.successes += 1;
    return;
  }
  if (!isClearRefusal(outcome)) {
    stats.failures.push(`${action.name}: ${outcome} for ${shown()}`);
    return;
  }
  stats.refusals += 1;
  if ((await checksum(organizationId)) !== before) stats.failures.push(`${action.name}: refused (${outcome}) yet the organisation's rows changed, for ${shown()}`);
}

describe('fuzzing every server action over HTTP', () => {
  it('every exported action has an argument layout here', () => {
    expect(exportedActions().map((a) => a.name).filter((name) => !(name in LAYOUT))).toEqual([]);
  });

  it('thousands of generated argument lists: success or a clear refusal, never a 5xx, and refusals change nothing', async () => {
    const built = builtActions();
    const forms = formFields(real);
    for (const [name, layout] of Object.entries(LAYOUT)) {
      const action = built.get(name)!;
      // The page the action's form is on, with the real slug (the URL is not an argument).
      const page = action.pages[0]!.replace('[slug]', real.slug).replace('[month]', MONTH).replace('[id]', real.snapshotId).replace('[token]', real.linkToken);
      const args = fc.tuple(...layout.map((slot) => slotArb(slot, real, formArb(forms[name] ?? {}))));
      await fc.assert(fc.asyncProperty(args, async (list) => attempt(action, page, list)), { numRuns: RUNS });
    }
    expect(stats.inputs).toBeGreaterThanOrEqual(Object.keys(LAYOUT).length * RUNS);
    expect(stats.failures.slice(0, 30)).toEqual([]);
  }, 1_800_000);
});
