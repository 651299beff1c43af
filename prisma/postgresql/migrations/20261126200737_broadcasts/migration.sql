-- CreateTable
CREATE TABLE "Officer" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "communes" TEXT NOT NULL DEFAULT '',
    "invitedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerInvite" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "communes" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedBy" TEXT,

    CONSTRAINT "OfficerInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "contactId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "communeCode" TEXT,
    "offeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("contactId")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textEn" TEXT,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sendAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "creatorContactId" TEXT,
    "recurringId" TEXT,
    "cursor" TEXT NOT NULL DEFAULT '',
    "materialisedAt" TIMESTAMP(3),
    "reported" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecurringReminder" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textEn" TEXT,
    "audience" TEXT NOT NULL,
    "every" TEXT NOT NULL,
    "weekday" INTEGER,
    "time" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecurringReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Directive" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "link" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Directive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VenueNudge" (
    "contactId" TEXT NOT NULL,
    "startedAt" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VenueNudge_pkey" PRIMARY KEY ("contactId","startedAt")
);

-- CreateTable
CREATE TABLE "RateBudget" (
    "channel" TEXT NOT NULL,
    "nextSlotAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RateBudget_pkey" PRIMARY KEY ("channel")
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

