-- CreateTable
CREATE TABLE "Officer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "communes" TEXT NOT NULL DEFAULT '',
    "invitedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "OfficerInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "communes" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedBy" TEXT
);

-- CreateTable
CREATE TABLE "Subscription" (
    "contactId" TEXT NOT NULL PRIMARY KEY,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "communeCode" TEXT,
    "offeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "textEn" TEXT,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sendAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "creatorContactId" TEXT,
    "recurringId" TEXT,
    "cursor" TEXT NOT NULL DEFAULT '',
    "materialisedAt" DATETIME,
    "reported" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RecurringReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "textEn" TEXT,
    "audience" TEXT NOT NULL,
    "every" TEXT NOT NULL,
    "weekday" INTEGER,
    "time" TEXT NOT NULL,
    "nextRunAt" DATETIME NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Directive" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "link" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VenueNudge" (
    "contactId" TEXT NOT NULL,
    "startedAt" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("contactId", "startedAt")
);

-- CreateTable
CREATE TABLE "RateBudget" (
    "channel" TEXT NOT NULL PRIMARY KEY,
    "nextSlotAt" REAL NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Officer_contactId_key" ON "Officer"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerInvite_codeHash_key" ON "OfficerInvite"("codeHash");

-- CreateIndex
CREATE INDEX "Subscription_active_contactId_idx" ON "Subscription"("active", "contactId");

-- CreateIndex
CREATE INDEX "Broadcast_status_sendAt_idx" ON "Broadcast"("status", "sendAt");

-- CreateIndex
CREATE INDEX "RecurringReminder_active_nextRunAt_idx" ON "RecurringReminder"("active", "nextRunAt");

-- CreateIndex
CREATE INDEX "Directive_issuedOn_idx" ON "Directive"("issuedOn");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_broadcastId_contactId_key" ON "OutboxMessage"("broadcastId", "contactId");

