-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "phone" TEXT,
    "name" TEXT,
    "contactId" TEXT,
    "source" TEXT NOT NULL,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "symptoms" BOOLEAN,
    "closeContact" BOOLEAN,
    "travel" BOOLEAN,
    "flagged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "venueId" TEXT,
    "communeCode" TEXT,
    "windowFrom" TIMESTAMP(3),
    "windowTo" TIMESTAMP(3),
    "resultCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExposureAlert" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "windowFrom" TIMESTAMP(3) NOT NULL,
    "windowTo" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExposureAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExposureAlertRecipient" (
    "alertId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExposureAlertRecipient_pkey" PRIMARY KEY ("alertId","contactId")
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

