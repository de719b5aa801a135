import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { addMember, FACTORY_PASSWORD, makeOrganization, makeUser, uniqueSuffix } from '@/lib/seed/factories';
import { startAppServer, signInCookie, type AppServer } from '../support/app-server';
import { orgChecksum } from '../support/faults/org-checksum';
import { builtActions, callAction, errorCodesByMessage, exportedActions, outcomeOf, type ActionRef } from '../support/server-actions';
import { testDb } from '../support/db';

/**
 * Every exported server action × caller, over HTTP as a browser calls it (see
 * tests/support/server-actions.ts). Each row is declared once; an action exported from
 * lib/actions without a row fails the test with its name. Refused calls must leave organisation A
 * exactly as it was.
 *
 * Outcomes (tests/support/server-actions.ts, outcomeOf): ok · go (succeeded and redirected) ·
 * in (sent to sign-in by proxy.ts before the action ran) · 401 / 403 / 404 (the action refused:
 * signed out, role too low, not found).
 *
 * Callers: anon (signed out) · view / edit / own (viewer, editor, owner of organisation A) · out
 * (owner of organisation B, sending A's slug and ids). Every caller sends valid input, so the
 * answer is about who they are. Public actions (sign-up, board password, invitation) are posted
 * to their public pages; the others to the page that uses them, under /orgs.
 */
const CALLERS = ['anon', 'view', 'edit', 'own', 'out'] as const;
type Caller = (typeof CALLERS)[number];

//                                               anon  view  edit  own   out
const MATRIX: Record<string, string> = {
  acceptInvitationAction:                       '401   go    go    go    go', // an invitation to the caller's own email (organisation C)
  changeRoleAction:                             'in    403   403   ok    404',
  closeMonthAction:                             'in    403   ok    ok    404',
  createApiTokenAction:                         'in    403   403   ok    404',
  createBoardPackAction:                        'in    403   go    go    404',
  createInvitationAction:                       'in    403   403   ok    404',
  createOrganizationAction:                     'in    go    go    go    go',
  createShareLinkAction:                        'in    403   403   ok    404',
  createSnapshotShareLinkAction:                'in    403   403   ok    404',
  deleteAccountAction:                          'in    403   ok    ok    404',
  deleteBoardPackAction:                        'in    403   403   go    404',
  deleteCsmAction:                              'in    403   ok    ok    404',
  deleteEventAction:                            'in    403   ok    ok    404',
  removeMemberAction:                           'in    403   403   ok    404',
  reopenMonthAction:                            'in    403   403   ok    404',
  revokeApiTokenAction:                         'in    403   403   ok    404',
  revokeInvitationAction:                       'in    403   403   ok    404',
  revokeShareLinkAction:                        'in    403   403   ok    404',
  revokeSnapshotShareLinkAction:                'in    403   403   ok    404',
  saveAccountAction:                            'in    403   ok    ok    404',
  saveChurnEventAction:                         'in    403   ok    ok    404',
  saveCsmAction:                                'in    403   ok    ok    404',
  saveDealAction:                               'in    403   ok    ok    404',
  saveMonthAction:                              'in    403   ok    ok    404',
  saveSaveAction:                               'in    403   ok    ok    404',
  setLocaleAction:                              'ok    ok    ok    ok    ok', // from /sign-in when signed out
  signUpAction:                                 'ok    ok    ok    ok    ok', // a new account each time
  unlockBoardAction:                            'go    go    go    go    go', // the right password of a live link
  updateMethodSettingsAction:                   'in    403   403   ok    404',
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const EVENT_MONTH = '2026-03';

type Org = Awaited<ReturnType<typeof seedOrg>>;

async function seedOrg(label: string) {
  const db = testDb();
  const owner = await makeUser(db, { name: `${label} owner` });
  const org = await makeOrganization(db, owner, { name: `Actions ${label} ${uniqueSuffix()}` });
  const viewer = await addMember(db, org.id, 'VIEWER');
  const editor = await addMember(db, org.id, 'EDITOR');
  await db.monthlyReport.create({ data: { organizationId: org.id, month: new Date(`${EVENT_MONTH}-01T00:00:00Z`), csmFte: 1, loadedSalaries: 1000, startArr: 100_000, startCustomers: 10, managedClients: 10 } });
  const csm = await db.csm.create({ data: { organizationId: org.id, name: `${label} CSM`, startDate: new Date('2025-01-01') }, select: { id: true } });
  const account = await db.account.create({ data: { organizationId: org.id, name: `${label} Account`, startDate: new Date('2025-01-15'), mrr: 100, csmId: csm.id }, select: { id: true } });
  return { org, owner, viewer: viewer.user, editor: editor.user, accountId: account.id, csmId: csm.id };
}

/** Disposable rows of A, one per call that changes or removes one. */
const make = {
  async snapshot(org: Org) {
    const pdf = Buffer.from('%PDF-1.4\n% actions fixture\n%%EOF\n');
    const month = new Date(`${EVENT_MONTH}-01T00:00:00Z`);
    return (await testDb().boardSnapshot.create({ data: { organizationId: org.org.id, title: 'Fixture pack', periodFrom: month, periodTo: month, locale: 'en', settings: {}, inputs: { months: [] }, figures: {}, pdf, checksum: sha256('x') }, select: { id: true } })).id;
  },
  async shareLink(org: Org, options: { snapshotId?: string; password?: string } = {}) {
    const token = randomBytes(32).toString('base64url');
    const row = await testDb().shareLink.create({
      data: { organizationId: org.org.id, target: options.snapshotId ? 'SNAPSHOT' : 'DASHBOARD', snapshotId: options.snapshotId ?? null, label: 'fixture', tokenHash: sha256(token), passwordHash: options.password ? await hashPassword(options.password) : null },
      select: { id: true },
    });
    return { id: row.id, token };
  },
  async apiToken(org: Org) {
    const token = `tnr_${randomBytes(32).toString('base64url')}`;
    return (await testDb().apiToken.create({ data: { organizationId: org.org.id, name: 'fixture', scope: 'READ', tokenHash: sha256(token), tokenPrefix: token.slice(0, 10) }, select: { id: true } })).id;
  },
  async invitation(organizationId: string, email: string) {
    const token = randomBytes(32).toString('base64url');
    const row = await testDb().invitation.create({ data: { organizationId, email, role: 'VIEWER', tokenHash: sha256(token), expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } });
    return { id: row.id, token };
  },
  async membership(org: Org) {
    return (await addMember(testDb(), org.org.id, 'VIEWER')).membershipId;
  },
  async deal(org: Org) {
    const day = new Date(`${EVENT_MONTH}-10T00:00:00Z`);
    return (await testDb().expansionDeal.create({ data: { organizationId: org.org.id, accountId: org.accountId, date: day, month: new Date(`${EVENT_MONTH}-01T00:00:00Z`), type: 'UPSELL', arrAdded: 10, attribution: 'CS_SOURCED', attributionPct: 100 }, select: { id: true } })).id;
  },
  async account(org: Org) {
    return (await testDb().account.create({ data: { organizationId: org.org.id, name: 'Disposable', startDate: new Date('2025-01-01'), mrr: 1 }, select: { id: true } })).id;
  },
  async csm(org: Org) {
    return (await testDb().csm.create({ data: { organizationId: org.org.id, name: 'Disposable', startDate: new Date('2025-01-01') }, select: { id: true } })).id;
  },
  /** A month key of its own (January 2000 onwards), with a report in the given state. */
  async month(org: Org, status?: 'DRAFT' | 'CLOSED') {
    monthCounter += 1;
    const key = `${2000 + Math.floor(monthCounter / 12)}-${String((monthCounter % 12) + 1).padStart(2, '0')}`;
    if (status) await testDb().monthlyReport.create({ data: { organizationId: org.org.id, month: new Date(`${key}-01T00:00:00Z`), status, startArr: 1, startCustomers: 1 } });
    return key;
  },
};
let monthCounter = 0;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const MONTH_FIGURES = { csmFte: '1', loadedSalaries: '1000', toolsCost: '0', trainingCost: '0', otherDirectCost: '0', indirectManagementCost: '0', indirectInfrastructureCost: '0', indirectRecruitingCost: '0', startArr: '1000', newBusinessArr: '0', startCustomers: '1', managedClients: '1' };
const METHOD = { baselineMode: 'MANUAL', baselineAnnualChurnPct: '25', indirectCostMode: 'COEFFICIENT', indirectCostCoefficient: '1.3', grossMarginPct: '80', averageCac: '3000', influencedAttributionPct: '50', countChurnAvoided: 'on', sameMonthChurnRule: 'COUNT' };

type Context = { a: Org; c: Org; caller: Caller; email: string };

/** The arguments a caller's browser sends to each action (bound arguments first, as React does), with A's slug and ids. */
const REQUESTS: Record<string, (ctx: Context) => Promise<{ args: unknown[]; params?: Record<string, string> }>> = {
  acceptInvitationAction: async ({ c, email }) => {
    const { token } = await make.invitation(c.org.id, email);
    return { args: [token, null], params: { token } };
  },
  changeRoleAction: async ({ a }) => ({ args: [a.org.slug, null, form({ membershipId: await make.membership(a), role: 'EDITOR' })] }),
  closeMonthAction: async ({ a }) => ({ args: [a.org.slug, await make.month(a, 'DRAFT'), null, form({})] }),
  createApiTokenAction: async ({ a }) => ({ args: [a.org.slug, null, form({ name: 'matrix', scope: 'READ' })] }),
  createBoardPackAction: async ({ a }) => ({ args: [a.org.slug, null, form({ from: EVENT_MONTH, to: EVENT_MONTH })] }),
  createInvitationAction: async ({ a }) => ({ args: [a.org.slug, null, form({ email: `invitee-${uniqueSuffix()}@example.test`, role: 'VIEWER' })] }),
  createOrganizationAction: async () => ({ args: [null, form({ name: `Matrix ${uniqueSuffix()}` })] }),
  createShareLinkAction: async ({ a }) => ({ args: [a.org.slug, null, form({ label: 'matrix' })] }),
  createSnapshotShareLinkAction: async ({ a }) => {
    const id = await make.snapshot(a);
    return { args: [a.org.slug, id, null, form({ label: 'matrix' })], params: { id } };
  },
  deleteAccountAction: async ({ a }) => ({ args: [a.org.slug, await make.account(a), null, form({})] }),
  deleteBoardPackAction: async ({ a }) => {
    const id = await make.snapshot(a);
    return { args: [a.org.slug, id, null], params: { id } };
  },
  deleteCsmAction: async ({ a }) => ({ args: [a.org.slug, await make.csm(a), null, form({})] }),
  deleteEventAction: async ({ a }) => ({ args: [a.org.slug, EVENT_MONTH, 'deal', await make.deal(a), null, form({})], params: { month: EVENT_MONTH } }),
  removeMemberAction: async ({ a }) => ({ args: [a.org.slug, null, form({ membershipId: await make.membership(a) })] }),
  reopenMonthAction: async ({ a }) => {
    const month = await make.month(a, 'CLOSED');
    return { args: [a.org.slug, month, null, form({ reason: 'Matrix check' })], params: { month } };
  },
  revokeApiTokenAction: async ({ a }) => ({ args: [a.org.slug, null, form({ tokenId: await make.apiToken(a) })] }),
  revokeInvitationAction: async ({ a }) => ({ args: [a.org.slug, null, form({ invitationId: (await make.invitation(a.org.id, `revoke-${uniqueSuffix()}@example.test`)).id })] }),
  revokeShareLinkAction: async ({ a }) => ({ args: [a.org.slug, null, form({ linkId: (await make.shareLink(a)).id })] }),
  revokeSnapshotShareLinkAction: async ({ a }) => {
    const id = await make.snapshot(a);
    return { args: [a.org.slug, id, null, form({ linkId: (await make.shareLink(a, { snapshotId: id })).id })], params: { id } };
  },
  saveAccountAction: async ({ a }) => ({ args: [a.org.slug, null, null, form({ name: `Matrix ${uniqueSuffix()}`, startDate: '2025-02-01', mrr: '10' })] }),
  saveChurnEventAction: async ({ a }) => ({ args: [a.org.slug, EVENT_MONTH, null, null, form({ accountId: a.accountId, date: `${EVENT_MONTH}-05`, kind: 'CONTRACTION', arrLost: '5' })], params: { month: EVENT_MONTH } }),
  saveCsmAction: async ({ a }) => ({ args: [a.org.slug, null, null, form({ name: `Matrix ${uniqueSuffix()}`, startDate: '2025-02-01' })] }),
  saveDealAction: async ({ a }) => ({ args: [a.org.slug, EVENT_MONTH, null, null, form({ accountId: a.accountId, date: `${EVENT_MONTH}-06`, type: 'UPSELL', arrAdded: '5', attribution: 'CS_SOURCED' })], params: { month: EVENT_MONTH } }),
  saveMonthAction: async ({ a }) => {
    const month = await make.month(a);
    return { args: [a.org.slug, null, form({ month, ...MONTH_FIGURES, version: '0' })], params: { month } };
  },
  saveSaveAction: async ({ a }) => ({ args: [a.org.slug, EVENT_MONTH, null, null, form({ accountId: a.accountId, date: `${EVENT_MONTH}-07`, arrSaved: '5' })], params: { month: EVENT_MONTH } }),
  setLocaleAction: async () => ({ args: ['en'] }),
  signUpAction: async () => ({ args: [null, form({ name: 'Matrix', email: `signup-${uniqueSuffix()}@example.test`, password: FACTORY_PASSWORD, organizationName: `Matrix ${uniqueSuffix()}` })] }),
  unlockBoardAction: async ({ a }) => {
    const { token } = await make.shareLink(a, { password: 'board password 1' });
    return { args: [token, null, form({ password: 'board password 1' })], params: { token } };
  },
  updateMethodSettingsAction: async ({ a }) => ({ args: [a.org.slug, null, form(METHOD)] }),
};

/** The page a caller posts from: a public one when a signed-out visitor can be there, else the first that uses the action. */
function pageFor(action: ActionRef, caller: Caller, slug: string, params: Record<string, string>): string {
  const publicPage = action.pages.find((p) => !p.startsWith('/orgs'));
  const pattern = (caller === 'anon' && publicPage) || action.pages[0]!;
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => (name === 'slug' ? slug : params[name] ?? (name === 'month' ? EVENT_MONTH : name === 'id' ? '00000000-0000-4000-8000-000000000000' : 'x')));
}

let server: AppServer;
const codes = errorCodesByMessage();

beforeAll(async () => {
  server = await startAppServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('server actions × callers', () => {
  it('every exported action has one row, and the build has every action', () => {
    const exported = exportedActions().map((a) => a.name);
    expect(new Set(exported).size, 'action names are unique across lib/actions').toBe(exported.length);
    expect(exported.filter((name) => !(name in MATRIX)), 'actions without a row in MATRIX').toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !exported.includes(name)), 'rows for actions that no longer exist').toEqual([]);
    expect(exported.filter((name) => !(name in REQUESTS)), 'actions without a request').toEqual([]);
    const built = builtActions();
    expect(exported.filter((name) => !built.has(name)), 'actions missing from the build: run `npm run build`').toEqual([]);
  });

  it('every action × caller gets exactly the declared outcome, and refusals change nothing', async () => {
    const a = await seedOrg('A');
    const b = await seedOrg('B');
    const c = await seedOrg('C');
    const cookies: Record<Caller, { cookie?: string; email: string }> = {
      anon: { email: `nobody-${uniqueSuffix()}@example.test` },
      view: { cookie: await signInCookie(server, a.viewer.email, FACTORY_PASSWORD), email: a.viewer.email },
      edit: { cookie: await signInCookie(server, a.editor.email, FACTORY_PASSWORD), email: a.editor.email },
      own: { cookie: await signInCookie(server, a.owner.email, FACTORY_PASSWORD), email: a.owner.email },
      out: { cookie: await signInCookie(server, b.owner.email, FACTORY_PASSWORD), email: b.owner.email },
    };
    const built = builtActions();
    const failures: string[] = [];
    let checks = 0;
    for (const [name, row] of Object.entries(MATRIX)) {
      const cells = row.trim().split(/\s+/);
      expect(cells, `row ${name}`).toHaveLength(CALLERS.length);
      const action = built.get(name)!;
      for (const [index, caller] of CALLERS.entries()) {
        const { args, params = {} } = await REQUESTS[name]!({ a, c, caller, email: cookies[caller].email });
        const page = pageFor(action, caller, a.org.slug, params);
        const before = await orgChecksum(testDb(), a.org.id);
        const answer = await callAction({ baseUrl: server.url, action, page, args, cookie: cookies[caller].cookie });
        const actual = outcomeOf(answer, codes);
        checks += 1;
        if (actual !== cells[index]) failures.push(`${name} as ${caller}: expected ${cells[index]}, got ${actual} (POST ${page})`);
        if (!['ok', 'go'].includes(actual) && JSON.stringify(await orgChecksum(testDb(), a.org.id)) !== JSON.stringify(before)) {
          failures.push(`${name} as ${caller}: refused (${actual}) yet organisation A changed`);
        }
        if (answer.text.includes(b.org.name) && caller !== 'out') failures.push(`${name} as ${caller}: organisation B's name in the answer`);
      }
    }
    console.log(`[security] server actions: ${Object.keys(MATRIX).length} actions × ${CALLERS.length} callers = ${checks} checks, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('a signed-out caller who posts an action around proxy.ts (from a public page) is still refused by the action', async () => {
    const a = await seedOrg('D');
    const built = builtActions();
    const failures: string[] = [];
    let checks = 0;
    const guarded = Object.entries(MATRIX).filter(([, row]) => row.trim().startsWith('in')).map(([name]) => name);
    // Fixtures first (they are rows of D), then the checksum, then the posts.
    const requests = await Promise.all(guarded.map((name) => REQUESTS[name]!({ a, c: a, caller: 'anon', email: 'nobody@example.test' })));
    const before = await orgChecksum(testDb(), a.org.id);
    for (const [index, name] of guarded.entries()) {
      const action = built.get(name)!;
      const { args } = requests[index]!;
      const answer = await callAction({ baseUrl: server.url, action, page: '/sign-in', args });
      const actual = outcomeOf(answer, codes);
      checks += 1;
      // Either Next runs no action (the page does not import it) or the action itself says "sign in".
      if (!['401', 'none', 'in'].includes(actual)) failures.push(`${name}: ${actual}`);
    }
    console.log(`[security] server actions around the proxy: ${checks} signed-out posts from /sign-in, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(await orgChecksum(testDb(), a.org.id)).toEqual(before);
  }, 120_000);
});
