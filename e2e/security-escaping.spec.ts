import { expect, test } from '@playwright/test';
import { e2eDb, FACTORY_PASSWORD, MONTH, seedOrganization } from './security/fixtures';
import { signIn } from './support';

/**
 * Text users type (names, notes, reasons, labels) is shown as text everywhere: a script in it never
 * runs and never reaches the HTML as markup. The PDF draws glyphs (no markup is interpreted there):
 * it must still render with such text.
 */
const PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"'&`;

test('names, notes and reasons containing <script> are displayed escaped', async ({ page, request }) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  const a = await seedOrganization(db, 'escape', { note: `Note ${PAYLOAD}` });
  const organizationId = a.org.id;
  await db.organization.update({ where: { id: organizationId }, data: { name: `Org ${PAYLOAD}` } });
  await db.account.update({ where: { id: a.ids.account }, data: { name: `Account ${PAYLOAD}`, segment: `Segment ${PAYLOAD}` } });
  await db.csm.update({ where: { id: a.ids.csm }, data: { name: `CSM ${PAYLOAD}` } });
  await db.churnEvent.update({ where: { id: a.ids.churnEvent }, data: { reason: `Reason ${PAYLOAD}` } });
  await db.save.update({ where: { id: a.ids.save }, data: { playbook: `Playbook ${PAYLOAD}` } });
  await db.user.update({ where: { id: a.viewer.user.id }, data: { name: `Viewer ${PAYLOAD}` } });
  await db.auditEntry.create({ data: { organizationId, actorLabel: `Actor ${PAYLOAD}`, action: 'month.reopen', entityType: 'MonthlyReport', reason: `Reopened ${PAYLOAD}`, month: new Date(`${MONTH}-01`) } });
  await db.shareLink.update({ where: { id: a.links.live.id }, data: { label: `Link ${PAYLOAD}` } });

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, a.owner.email, FACTORY_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/orgs/${a.org.slug}`));
  const base = `/orgs/${a.org.slug}`;
  const pages: Array<[string, string]> = [
    [base, 'Org '],
    [`${base}/accounts`, 'Account '],
    [`${base}/months/${MONTH}`, 'Note '],
    [`${base}/deals`, 'Account '],
    [`${base}/team`, 'CSM '],
    [`${base}/settings`, 'Viewer '],
    [`${base}/audit`, 'Reopened '],
    [`${base}/sharing`, 'Link '],
    [`/board/${a.links.live.token}`, 'Org '],
  ];
  let checked = 0;
  for (const [url, prefix] of pages) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // In the page as text, literally as the user typed it (some of it sits in an <option>)…
    await expect(page.getByText(`${prefix}${PAYLOAD}`).first(), `${url} shows "${prefix}…" as text`).toBeAttached();
    // …and never executed.
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBeUndefined();
    expect(await page.locator('img[src="x"]').count(), url).toBe(0);
    // The HTML as served holds no live markup from the payload (inline data escapes "<" too).
    const html = await (await page.request.get(url)).text();
    expect(html, url).not.toContain('<script>window.__xss');
    expect(html, url).not.toContain('<img src=x');
    checked += 1;
  }
  expect(dialogs).toEqual([]);
  // The live board pack renders with that text in names and notes (the PDF has no markup to run).
  const pdf = await page.request.get(`/api/orgs/${a.org.slug}/board-pack.pdf?from=${MONTH}&to=${MONTH}`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  console.log(`[security] escaping: ${checked} pages checked with <script> in user text, 0 executed`);
  void request;
});
