-- A per-organisation data version: every app process keys its cache of computed figures by it, so a
-- write anywhere (any process, the CSV import, psql) is seen on the very next request everywhere.
-- Bumped at most once per organisation and transaction, at commit (deferred constraint triggers):
-- the Organization row is locked only for the last instant of a writing transaction, after every
-- other lock it takes, so concurrent writers of one organisation do not deadlock on it.

ALTER TABLE "Organization" ADD COLUMN "dataVersion" BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION tenure_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD."organizationId" ELSE NEW."organizationId" END;
  flag TEXT := 'tenure.data_version_' || replace(org::text, '-', '');
BEGIN
  -- Once per organisation and transaction: a 100 000-row import bumps the version once.
  IF current_setting(flag, true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "Organization" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = org;
    PERFORM set_config(flag, txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['MonthlyReport', 'ChurnEvent', 'Save', 'ExpansionDeal', 'Account', 'MethodSettings', 'Csm'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenure_bump_data_version()',
      t || '_data_version', t);
  END LOOP;
END $$;
