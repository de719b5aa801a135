-- Tenure's initial schema: organisations, people and access, the monthly figures and events the ROI
-- method needs, sharing, API tokens, board snapshots, the audit log and shared rate-limit counters.

CREATE TYPE "Role" AS ENUM ('OWNER', 'EDITOR', 'VIEWER');
CREATE TYPE "MonthStatus" AS ENUM ('DRAFT', 'CLOSED');
CREATE TYPE "ChurnKind" AS ENUM ('FULL', 'CONTRACTION');
CREATE TYPE "DealType" AS ENUM ('UPSELL', 'CROSS_SELL', 'USAGE_GROWTH');
CREATE TYPE "Attribution" AS ENUM ('CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS');
CREATE TYPE "BaselineMode" AS ENUM ('MANUAL', 'REFERENCE_PERIOD');
CREATE TYPE "IndirectCostMode" AS ENUM ('COEFFICIENT', 'ITEMISED');
CREATE TYPE "SameMonthChurnRule" AS ENUM ('COUNT', 'EXCLUDE');
CREATE TYPE "TokenScope" AS ENUM ('READ', 'WRITE');
CREATE TYPE "ShareTarget" AS ENUM ('DASHBOARD', 'SNAPSHOT');

CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" VARCHAR(5),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

CREATE TABLE "Organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "defaultLocale" VARCHAR(5) NOT NULL DEFAULT 'en',
    "fiscalYearStartMonth" SMALLINT NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

CREATE TABLE "Membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Membership_organizationId_userId_key" ON "Membership"("organizationId", "userId");
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

CREATE TABLE "Invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "acceptedById" UUID,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_organizationId_idx" ON "Invitation"("organizationId");

CREATE TABLE "MethodSettings" (
    "organizationId" UUID NOT NULL,
    "baselineMode" "BaselineMode" NOT NULL DEFAULT 'MANUAL',
    "baselineAnnualChurnPct" DECIMAL(7,4) NOT NULL DEFAULT 0,
    "baselineReferenceFrom" DATE,
    "baselineReferenceTo" DATE,
    "indirectCostMode" "IndirectCostMode" NOT NULL DEFAULT 'COEFFICIENT',
    "indirectCostCoefficient" DECIMAL(7,4) NOT NULL DEFAULT 1.3,
    "grossMarginPct" DECIMAL(7,4) NOT NULL DEFAULT 80,
    "averageCac" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "influencedAttributionPct" DECIMAL(7,4) NOT NULL DEFAULT 50,
    "countChurnAvoided" BOOLEAN NOT NULL DEFAULT true,
    "countExpansion" BOOLEAN NOT NULL DEFAULT true,
    "countCacSaved" BOOLEAN NOT NULL DEFAULT false,
    "sameMonthChurnRule" "SameMonthChurnRule" NOT NULL DEFAULT 'EXCLUDE',
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MethodSettings_pkey" PRIMARY KEY ("organizationId")
);

CREATE TABLE "Csm" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Csm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Csm_organizationId_externalId_key" ON "Csm"("organizationId", "externalId");
CREATE INDEX "Csm_organizationId_name_idx" ON "Csm"("organizationId", "name");

CREATE TABLE "MonthlyReport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "csmFte" DECIMAL(9,2) NOT NULL DEFAULT 0,
    "loadedSalaries" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "toolsCost" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "trainingCost" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "otherDirectCost" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "indirectManagementCost" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "indirectInfrastructureCost" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "indirectRecruitingCost" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "startArr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "startCustomers" INTEGER NOT NULL DEFAULT 0,
    "newBusinessArr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "managedClients" INTEGER NOT NULL DEFAULT 0,
    "avgHealthScore" DECIMAL(5,2),
    "timeToValueDays" DECIMAL(7,2),
    "featureAdoptionPct" DECIMAL(7,4),
    "notes" TEXT,
    "status" "MonthStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MonthlyReport_organizationId_month_key" ON "MonthlyReport"("organizationId", "month");

CREATE TABLE "Account" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "segment" TEXT,
    "csmId" UUID,
    "startDate" DATE NOT NULL,
    "mrr" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "churnDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Account_organizationId_externalId_key" ON "Account"("organizationId", "externalId");
CREATE INDEX "Account_organizationId_startDate_idx" ON "Account"("organizationId", "startDate");
CREATE INDEX "Account_organizationId_csmId_idx" ON "Account"("organizationId", "csmId");
CREATE INDEX "Account_organizationId_name_idx" ON "Account"("organizationId", "name");

CREATE TABLE "ChurnEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "externalId" TEXT,
    "accountId" UUID NOT NULL,
    "csmId" UUID,
    "date" DATE NOT NULL,
    "month" DATE NOT NULL,
    "kind" "ChurnKind" NOT NULL,
    "arrLost" DECIMAL(19,4) NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChurnEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ChurnEvent_organizationId_externalId_key" ON "ChurnEvent"("organizationId", "externalId");
CREATE INDEX "ChurnEvent_organizationId_month_idx" ON "ChurnEvent"("organizationId", "month");
CREATE INDEX "ChurnEvent_accountId_idx" ON "ChurnEvent"("accountId");

CREATE TABLE "Save" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "externalId" TEXT,
    "accountId" UUID NOT NULL,
    "csmId" UUID,
    "date" DATE NOT NULL,
    "month" DATE NOT NULL,
    "arrSaved" DECIMAL(19,4) NOT NULL,
    "playbook" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Save_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Save_organizationId_externalId_key" ON "Save"("organizationId", "externalId");
CREATE INDEX "Save_organizationId_month_idx" ON "Save"("organizationId", "month");
CREATE INDEX "Save_accountId_idx" ON "Save"("accountId");

CREATE TABLE "ExpansionDeal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "externalId" TEXT,
    "accountId" UUID NOT NULL,
    "csmId" UUID,
    "date" DATE NOT NULL,
    "month" DATE NOT NULL,
    "type" "DealType" NOT NULL,
    "arrAdded" DECIMAL(19,4) NOT NULL,
    "attribution" "Attribution" NOT NULL,
    "attributionPct" DECIMAL(7,4) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExpansionDeal_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ExpansionDeal_organizationId_externalId_key" ON "ExpansionDeal"("organizationId", "externalId");
CREATE INDEX "ExpansionDeal_organizationId_month_idx" ON "ExpansionDeal"("organizationId", "month");
CREATE INDEX "ExpansionDeal_accountId_idx" ON "ExpansionDeal"("accountId");

CREATE TABLE "ShareLink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "target" "ShareTarget" NOT NULL,
    "snapshotId" UUID,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "passwordHash" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "includeLeaderboard" BOOLEAN NOT NULL DEFAULT false,
    "includeDrafts" BOOLEAN NOT NULL DEFAULT true,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "lastViewedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_organizationId_idx" ON "ShareLink"("organizationId");
CREATE INDEX "ShareLink_snapshotId_idx" ON "ShareLink"("snapshotId");

CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenPrefix" VARCHAR(16) NOT NULL,
    "scope" "TokenScope" NOT NULL,
    "createdById" UUID,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_organizationId_idx" ON "ApiToken"("organizationId");

CREATE TABLE "BoardSnapshot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "locale" VARCHAR(5) NOT NULL,
    "settings" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "figures" JSONB NOT NULL,
    "pdf" BYTEA NOT NULL,
    "checksum" CHAR(64) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardSnapshot_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "BoardSnapshot_organizationId_createdAt_idx" ON "BoardSnapshot"("organizationId", "createdAt");

CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "actorUserId" UUID,
    "actorTokenId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "month" DATE,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditEntry_organizationId_createdAt_idx" ON "AuditEntry"("organizationId", "createdAt");
CREATE INDEX "AuditEntry_organizationId_month_idx" ON "AuditEntry"("organizationId", "month");
CREATE INDEX "AuditEntry_organizationId_actorUserId_idx" ON "AuditEntry"("organizationId", "actorUserId");

CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MethodSettings" ADD CONSTRAINT "MethodSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Csm" ADD CONSTRAINT "Csm_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Account" ADD CONSTRAINT "Account_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "Csm"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ChurnEvent" ADD CONSTRAINT "ChurnEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChurnEvent" ADD CONSTRAINT "ChurnEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChurnEvent" ADD CONSTRAINT "ChurnEvent_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "Csm"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Save" ADD CONSTRAINT "Save_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Save" ADD CONSTRAINT "Save_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Save" ADD CONSTRAINT "Save_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "Csm"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ExpansionDeal" ADD CONSTRAINT "ExpansionDeal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExpansionDeal" ADD CONSTRAINT "ExpansionDeal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExpansionDeal" ADD CONSTRAINT "ExpansionDeal_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "Csm"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "BoardSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardSnapshot" ADD CONSTRAINT "BoardSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
