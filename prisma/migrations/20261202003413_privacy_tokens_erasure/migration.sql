-- AlterTable
ALTER TABLE "FaqUnanswered" ADD COLUMN "contactId" TEXT;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "subject" TEXT;

-- CreateTable
CREATE TABLE "OfficerApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "UsedFormToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "phoneHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "OfficerApiToken_tokenHash_key" ON "OfficerApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OfficerApiToken_officerId_idx" ON "OfficerApiToken"("officerId");

-- CreateIndex
CREATE INDEX "UsedFormToken_expiresAt_idx" ON "UsedFormToken"("expiresAt");

-- CreateIndex
CREATE INDEX "FaqUnanswered_contactId_idx" ON "FaqUnanswered"("contactId");

-- CreateIndex
CREATE INDEX "AuditLog_venueId_idx" ON "AuditLog"("venueId");

-- CreateIndex
CREATE INDEX "AuditLog_communeCode_idx" ON "AuditLog"("communeCode");

