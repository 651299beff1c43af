-- CreateTable
CREATE TABLE "FaqUnanswered" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "folded" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FaqFeedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FaqUnanswered_folded_idx" ON "FaqUnanswered"("folded");

-- CreateIndex
CREATE INDEX "FaqFeedback_topic_idx" ON "FaqFeedback"("topic");

