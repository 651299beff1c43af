-- AlterTable
ALTER TABLE "WebchatMessage" ADD COLUMN     "outboxId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "WebchatMessage_outboxId_key" ON "WebchatMessage"("outboxId");

