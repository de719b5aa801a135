import pg from 'pg';

export type BenchSize = { slug: string; accounts: number; deals: number; churnEvents: number; saves: number; csms: number; months: number };

export const BIG: BenchSize = { slug: 'bench-big', accounts: 20_000, deals: 100_000, churnEvents: 20_000, saves: 10_000, csms: 50, months: 120 };
export const SMALL: BenchSize = { slug: 'bench-small', accounts: 2_000, deals: 10_000, churnEvents: 2_000, saves: 1_000, csms: 5, months: 120 };

/**
 * Creates a benchmark organisation with set-based SQL (seconds, not minutes): `months` monthly
 * reports ending last month, CSMs, accounts spread over the period, and deals, churn events and
 * saves on random accounts and dates. Skips the work when the organisation already exists.
 */
export async function ensureBenchOrganization(connectionString: string, size: BenchSize): Promise<{ organizationId: string; created: boolean }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const existing = await client.query<{ id: string }>('SELECT id FROM "Organization" WHERE slug = $1', [size.slug]);
    if (existing.rows[0]) return { organizationId: existing.rows[0].id, created: false };
    await client.query('BEGIN');
    const org = await client.query<{ id: string }>(`INSERT INTO "Organization"(name, slug) VALUES ($1, $2) RETURNING id`, [`Benchmark ${size.slug}`, size.slug]);
    const id = org.rows[0]!.id;
    await client.query(`INSERT INTO "MethodSettings"("organizationId", "baselineAnnualChurnPct", "countCacSaved", "averageCac") VALUES ($1, 25, true, 3000)`, [id]);
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `INSERT INTO "Csm"("organizationId", "externalId", name, "startDate")
       SELECT $1, 'csm-' || g, 'CSM ' || g, DATE '2014-01-01' FROM generate_series(1, $2) g`,
      [id, size.csms],
    );
    await client.query(
      `INSERT INTO "MonthlyReport"("organizationId", month, "csmFte", "loadedSalaries", "toolsCost", "trainingCost", "otherDirectCost",
         "startArr", "startCustomers", "newBusinessArr", "managedClients", "avgHealthScore", "timeToValueDays", "featureAdoptionPct", status)
       SELECT $1, (date_trunc('month', now()) - make_interval(months => g))::date, $3::int,
              round((6000 * $3::int + random() * 1000 * $3::int)::numeric, 2), round((500 + random() * 100)::numeric * $3::int, 2), 100 * $3::int, 50 * $3::int,
              round((60 * $4::int + random() * 5 * $4::int)::numeric, 2) * 12, $4::int, round((random() * 2 * $4::int)::numeric, 2), $4::int,
              round((60 + random() * 20)::numeric, 1), round((20 + random() * 20)::numeric, 1), round((30 + random() * 30)::numeric, 1),
              CASE WHEN g = 1 THEN 'DRAFT'::"MonthStatus" ELSE 'CLOSED'::"MonthStatus" END
       FROM generate_series(1, $2::int) g`,
      [id, size.months, size.csms, size.accounts],
    );
    await client.query(
      `WITH c AS (SELECT array_agg(id ORDER BY name) AS ids FROM "Csm" WHERE "organizationId" = $1)
       INSERT INTO "Account"("organizationId", "externalId", name, segment, "csmId", "startDate", mrr, "churnDate")
       SELECT $1, 'acc-' || g, 'Account ' || g, (ARRAY['SMB','Mid-market','Enterprise'])[1 + g % 3], c.ids[1 + g % array_length(c.ids, 1)],
              s.start, round((100 + random() * 4900)::numeric, 2),
              CASE WHEN random() < 0.3 THEN s.start + (30 + random() * 900)::int END
       FROM generate_series(1, $2) g, c,
            LATERAL (SELECT (date_trunc('month', now()) - make_interval(days => (random() * 3650 + g * 0)::int))::date AS start) s`,
      [id, size.accounts],
    );
    const eventsSql = (table: string, columns: string, values: string) => `
      WITH a AS (SELECT array_agg(id) AS ids, array_agg("csmId") AS csms FROM "Account" WHERE "organizationId" = $1)
      INSERT INTO "${table}"("organizationId", "accountId", "csmId", date, month, ${columns})
      SELECT $1, a.ids[x.k], a.csms[x.k], x.d, date_trunc('month', x.d)::date, ${values}
      FROM generate_series(1, $2) g, a,
           LATERAL (SELECT 1 + floor(random() * array_length(a.ids, 1) + g * 0)::int AS k,
                           (date_trunc('month', now()) - interval '1 day' - make_interval(days => (random() * 3640)::int))::date AS d) x`;
    await client.query(
      eventsSql('ExpansionDeal', 'type, "arrAdded", attribution, "attributionPct"', `(ARRAY['UPSELL','CROSS_SELL','USAGE_GROWTH'])[1 + g % 3]::"DealType", round((500 + random() * 20000)::numeric, 2),
        (ARRAY['CS_SOURCED','CS_INFLUENCED','NOT_CS'])[1 + g % 3]::"Attribution", (ARRAY[100, 50, 0])[1 + g % 3]`),
      [id, size.deals],
    );
    await client.query(
      eventsSql('ChurnEvent', 'kind, "arrLost", reason', `(ARRAY['FULL','CONTRACTION'])[1 + g % 2]::"ChurnKind", round((200 + random() * 10000)::numeric, 2), 'Benchmark'`),
      [id, size.churnEvents],
    );
    await client.query(eventsSql('Save', '"arrSaved", playbook', `round((500 + random() * 20000)::numeric, 2), 'Benchmark'`), [id, size.saves]);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { organizationId: id, created: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
