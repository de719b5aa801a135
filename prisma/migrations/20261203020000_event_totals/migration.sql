-- Pre-aggregated totals, kept up to date by statement-level triggers in the same transaction as the
-- rows they summarise, so that dashboard queries read O(months) rows instead of every event, and
-- their cost grows with the length of the period, not with the volume of events.

CREATE TABLE "MonthEventTotals" (
    "organizationId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "churnedArr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "contractionArr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "expansionArr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "expansionAttributed" DECIMAL(30,10) NOT NULL DEFAULT 0,
    "dealCount" INTEGER NOT NULL DEFAULT 0,
    "attributedDealCount" INTEGER NOT NULL DEFAULT 0,
    "savesCount" INTEGER NOT NULL DEFAULT 0,
    "savedArr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    CONSTRAINT "MonthEventTotals_pkey" PRIMARY KEY ("organizationId", "month")
);
ALTER TABLE "MonthEventTotals" ADD CONSTRAINT "MonthEventTotals_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Accounts by start month and churn month ('infinity' while active): cohorts and logo churn.
CREATE TABLE "AccountCohortTotals" (
    "organizationId" UUID NOT NULL,
    "startMonth" DATE NOT NULL,
    "churnMonth" DATE NOT NULL,
    "accounts" INTEGER NOT NULL DEFAULT 0,
    "mrrSum" DECIMAL(19,4) NOT NULL DEFAULT 0,
    CONSTRAINT "AccountCohortTotals_pkey" PRIMARY KEY ("organizationId", "startMonth", "churnMonth")
);
CREATE INDEX "AccountCohortTotals_organizationId_churnMonth_idx" ON "AccountCohortTotals"("organizationId", "churnMonth");
ALTER TABLE "AccountCohortTotals" ADD CONSTRAINT "AccountCohortTotals_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Adds signed deltas to MonthEventTotals. Rows are locked in (organization, month) order so that
-- concurrent transactions touching several months cannot deadlock.
CREATE FUNCTION tenure_add_month_totals(deltas JSONB) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "MonthEventTotals" AS t ("organizationId", "month", "churnedArr", "contractionArr", "expansionArr", "expansionAttributed", "dealCount", "attributedDealCount", "savesCount", "savedArr")
  SELECT ("d"->>'o')::uuid, ("d"->>'m')::date,
         SUM(("d"->>'ch')::numeric), SUM(("d"->>'co')::numeric), SUM(("d"->>'ex')::numeric), SUM(("d"->>'at')::numeric),
         SUM(("d"->>'dc')::int), SUM(("d"->>'ac')::int), SUM(("d"->>'sc')::int), SUM(("d"->>'sa')::numeric)
  FROM jsonb_array_elements(deltas) AS "d"
  -- During an organisation's cascading delete its events go too: nothing to total any more.
  WHERE EXISTS (SELECT 1 FROM "Organization" WHERE "id" = ("d"->>'o')::uuid)
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT ("organizationId", "month") DO UPDATE SET
    "churnedArr" = t."churnedArr" + EXCLUDED."churnedArr",
    "contractionArr" = t."contractionArr" + EXCLUDED."contractionArr",
    "expansionArr" = t."expansionArr" + EXCLUDED."expansionArr",
    "expansionAttributed" = t."expansionAttributed" + EXCLUDED."expansionAttributed",
    "dealCount" = t."dealCount" + EXCLUDED."dealCount",
    "attributedDealCount" = t."attributedDealCount" + EXCLUDED."attributedDealCount",
    "savesCount" = t."savesCount" + EXCLUDED."savesCount",
    "savedArr" = t."savedArr" + EXCLUDED."savedArr";
$$;

-- Per-table deltas from a transition table given as JSON rows, with a sign (+1 new, -1 old).
CREATE FUNCTION tenure_churn_deltas(sign INT, changed JSONB) RETURNS JSONB LANGUAGE sql AS $$
  SELECT jsonb_agg(jsonb_build_object('o', r->>'organizationId', 'm', r->>'month',
    'ch', CASE WHEN r->>'kind' = 'FULL' THEN sign * (r->>'arrLost')::numeric ELSE 0 END,
    'co', CASE WHEN r->>'kind' = 'CONTRACTION' THEN sign * (r->>'arrLost')::numeric ELSE 0 END,
    'ex', 0, 'at', 0, 'dc', 0, 'ac', 0, 'sc', 0, 'sa', 0))
  FROM jsonb_array_elements(changed) AS r;
$$;

CREATE FUNCTION tenure_deal_deltas(sign INT, changed JSONB) RETURNS JSONB LANGUAGE sql AS $$
  SELECT jsonb_agg(jsonb_build_object('o', r->>'organizationId', 'm', r->>'month', 'ch', 0, 'co', 0,
    'ex', sign * (r->>'arrAdded')::numeric,
    'at', sign * (r->>'arrAdded')::numeric * (r->>'attributionPct')::numeric / 100,
    'dc', sign, 'ac', CASE WHEN r->>'attribution' <> 'NOT_CS' THEN sign ELSE 0 END, 'sc', 0, 'sa', 0))
  FROM jsonb_array_elements(changed) AS r;
$$;

CREATE FUNCTION tenure_save_deltas(sign INT, changed JSONB) RETURNS JSONB LANGUAGE sql AS $$
  SELECT jsonb_agg(jsonb_build_object('o', r->>'organizationId', 'm', r->>'month', 'ch', 0, 'co', 0, 'ex', 0, 'at', 0, 'dc', 0, 'ac', 0,
    'sc', sign, 'sa', sign * (r->>'arrSaved')::numeric))
  FROM jsonb_array_elements(changed) AS r;
$$;

-- One trigger function per table; each statement touches only the transition table its event
-- declares (PostgreSQL's documented pattern for transition tables).
CREATE FUNCTION tenure_churn_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM tenure_add_month_totals(tenure_churn_deltas(1, (SELECT jsonb_agg(n) FROM new_rows n))); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM tenure_add_month_totals(tenure_churn_deltas(-1, (SELECT jsonb_agg(o) FROM old_rows o))); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION tenure_deal_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM tenure_add_month_totals(tenure_deal_deltas(1, (SELECT jsonb_agg(n) FROM new_rows n))); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM tenure_add_month_totals(tenure_deal_deltas(-1, (SELECT jsonb_agg(o) FROM old_rows o))); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION tenure_save_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM tenure_add_month_totals(tenure_save_deltas(1, (SELECT jsonb_agg(n) FROM new_rows n))); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM tenure_add_month_totals(tenure_save_deltas(-1, (SELECT jsonb_agg(o) FROM old_rows o))); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION tenure_add_cohort_totals(sign INT, changed JSONB) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "AccountCohortTotals" AS t ("organizationId", "startMonth", "churnMonth", "accounts", "mrrSum")
  SELECT (r->>'organizationId')::uuid,
         date_trunc('month', (r->>'startDate')::date)::date,
         COALESCE(date_trunc('month', (r->>'churnDate')::date)::date, 'infinity'::date),
         SUM(sign), SUM(sign * (r->>'mrr')::numeric)
  FROM jsonb_array_elements(changed) AS r
  WHERE EXISTS (SELECT 1 FROM "Organization" WHERE "id" = (r->>'organizationId')::uuid)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("organizationId", "startMonth", "churnMonth") DO UPDATE SET
    "accounts" = t."accounts" + EXCLUDED."accounts",
    "mrrSum" = t."mrrSum" + EXCLUDED."mrrSum";
$$;

CREATE FUNCTION tenure_account_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM tenure_add_cohort_totals(1, (SELECT jsonb_agg(n) FROM new_rows n)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM tenure_add_cohort_totals(-1, (SELECT jsonb_agg(o) FROM old_rows o)); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ChurnEvent_totals_insert" AFTER INSERT ON "ChurnEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_churn_totals();
CREATE TRIGGER "ChurnEvent_totals_update" AFTER UPDATE ON "ChurnEvent" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_churn_totals();
CREATE TRIGGER "ChurnEvent_totals_delete" AFTER DELETE ON "ChurnEvent" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_churn_totals();
CREATE TRIGGER "ExpansionDeal_totals_insert" AFTER INSERT ON "ExpansionDeal" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_deal_totals();
CREATE TRIGGER "ExpansionDeal_totals_update" AFTER UPDATE ON "ExpansionDeal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_deal_totals();
CREATE TRIGGER "ExpansionDeal_totals_delete" AFTER DELETE ON "ExpansionDeal" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_deal_totals();
CREATE TRIGGER "Save_totals_insert" AFTER INSERT ON "Save" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_save_totals();
CREATE TRIGGER "Save_totals_update" AFTER UPDATE ON "Save" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_save_totals();
CREATE TRIGGER "Save_totals_delete" AFTER DELETE ON "Save" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_save_totals();
CREATE TRIGGER "Account_totals_insert" AFTER INSERT ON "Account" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_account_totals();
CREATE TRIGGER "Account_totals_update" AFTER UPDATE ON "Account" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_account_totals();
CREATE TRIGGER "Account_totals_delete" AFTER DELETE ON "Account" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenure_account_totals();

-- Totals for the rows that already exist.
SELECT tenure_add_month_totals(tenure_churn_deltas(1, (SELECT jsonb_agg(c) FROM "ChurnEvent" c)));
SELECT tenure_add_month_totals(tenure_deal_deltas(1, (SELECT jsonb_agg(d) FROM "ExpansionDeal" d)));
SELECT tenure_add_month_totals(tenure_save_deltas(1, (SELECT jsonb_agg(s) FROM "Save" s)));
SELECT tenure_add_cohort_totals(1, (SELECT jsonb_agg(a) FROM "Account" a));
