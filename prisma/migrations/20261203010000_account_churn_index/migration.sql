-- Logo churn and cohort queries select an organisation's accounts by churn date.
CREATE INDEX "Account_organizationId_churnDate_idx" ON "Account"("organizationId", "churnDate");
