-- AlterTable
ALTER TABLE "FaqUnanswered" ADD COLUMN "communeCode" TEXT;
ALTER TABLE "FaqUnanswered" ADD COLUMN "notifyConsent" BOOLEAN;

-- CreateTable
CREATE TABLE "FaqAnswerNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "folded" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FaqAnswerNotice_contactId_idx" ON "FaqAnswerNotice"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqAnswerNotice_folded_contactId_key" ON "FaqAnswerNotice"("folded", "contactId");

