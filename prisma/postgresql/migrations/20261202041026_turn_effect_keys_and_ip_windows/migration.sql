-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "effectId" TEXT;

-- AlterTable
ALTER TABLE "FaqUnanswered" ADD COLUMN     "effectId" TEXT;

-- AlterTable
ALTER TABLE "FaqFeedback" ADD COLUMN     "effectId" TEXT;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "effectId" TEXT;

-- AlterTable
ALTER TABLE "SurveyRecipient" ADD COLUMN     "lastEffectId" TEXT;

-- AlterTable
ALTER TABLE "TicketMessage" ADD COLUMN     "effectId" TEXT;

-- AlterTable
ALTER TABLE "HandoverMiss" ADD COLUMN     "effectId" TEXT;

-- CreateTable
CREATE TABLE "IpRateWindow" (
    "key" TEXT NOT NULL,
    "windowStart" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "IpRateWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "IpRateWindow_windowStart_idx" ON "IpRateWindow"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_effectId_key" ON "OutboxMessage"("effectId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqUnanswered_effectId_key" ON "FaqUnanswered"("effectId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqFeedback_effectId_key" ON "FaqFeedback"("effectId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_effectId_key" ON "AuditLog"("effectId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketMessage_effectId_key" ON "TicketMessage"("effectId");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverMiss_effectId_key" ON "HandoverMiss"("effectId");

