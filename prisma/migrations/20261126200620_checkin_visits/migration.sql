-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "venueId" TEXT NOT NULL,
    "phone" TEXT,
    "name" TEXT,
    "contactId" TEXT,
    "source" TEXT NOT NULL,
    "visitedAt" DATETIME NOT NULL,
    "symptoms" BOOLEAN,
    "closeContact" BOOLEAN,
    "travel" BOOLEAN,
    "flagged" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "venueId" TEXT,
    "communeCode" TEXT,
    "windowFrom" DATETIME,
    "windowTo" DATETIME,
    "resultCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExposureAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "venueId" TEXT NOT NULL,
    "windowFrom" DATETIME NOT NULL,
    "windowTo" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExposureAlertRecipient" (
    "alertId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("alertId", "contactId")
);

-- CreateIndex
CREATE INDEX "Visit_venueId_visitedAt_idx" ON "Visit"("venueId", "visitedAt");

-- CreateIndex
CREATE INDEX "Visit_visitedAt_idx" ON "Visit"("visitedAt");

-- CreateIndex
CREATE INDEX "Visit_contactId_idx" ON "Visit"("contactId");

-- CreateIndex
CREATE INDEX "Visit_phone_idx" ON "Visit"("phone");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExposureAlert_venueId_windowFrom_windowTo_key" ON "ExposureAlert"("venueId", "windowFrom", "windowTo");

-- CreateIndex
CREATE INDEX "ExposureAlertRecipient_createdAt_idx" ON "ExposureAlertRecipient"("createdAt");

