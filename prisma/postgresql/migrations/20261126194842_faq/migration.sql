-- CreateTable
CREATE TABLE "FaqUnanswered" (
    "id" SERIAL NOT NULL,
    "folded" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqUnanswered_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqFeedback" (
    "id" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaqUnanswered_folded_idx" ON "FaqUnanswered"("folded");

-- CreateIndex
CREATE INDEX "FaqFeedback_topic_idx" ON "FaqFeedback"("topic");

