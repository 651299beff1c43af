-- AlterTable
ALTER TABLE "FaqUnanswered" ADD COLUMN     "communeCode" TEXT,
ADD COLUMN     "notifyConsent" BOOLEAN;

-- CreateTable
CREATE TABLE "FaqAnswerNotice" (
    "id" SERIAL NOT NULL,
    "folded" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqAnswerNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaqAnswerNotice_contactId_idx" ON "FaqAnswerNotice"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqAnswerNotice_folded_contactId_key" ON "FaqAnswerNotice"("folded", "contactId");

