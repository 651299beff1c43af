-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "creatorContactId" TEXT,
    "cursor" TEXT NOT NULL DEFAULT '',
    "materialisedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRecipient" (
    "surveyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "communeCode" TEXT,
    "venueId" TEXT,
    "current" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyRecipient_pkey" PRIMARY KEY ("surveyId","contactId")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "surveyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "question" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("surveyId","contactId","question")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "offsetDays" INTEGER,
    "earlyDays" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpReminder" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "communeCode" TEXT,
    "eventDate" TEXT,
    "detail" TEXT,
    "dueDate" TEXT NOT NULL,
    "earlyAt" TIMESTAMP(3),
    "earlySentAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3) NOT NULL,
    "dueSentAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Survey_status_closesAt_idx" ON "Survey"("status", "closesAt");

-- CreateIndex
CREATE INDEX "SurveyRecipient_surveyId_status_idx" ON "SurveyRecipient"("surveyId", "status");

-- CreateIndex
CREATE INDEX "SurveyRecipient_contactId_idx" ON "SurveyRecipient"("contactId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_contactId_idx" ON "SurveyAnswer"("contactId");

-- CreateIndex
CREATE INDEX "FollowUpReminder_status_dueAt_idx" ON "FollowUpReminder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUpReminder_status_earlyAt_idx" ON "FollowUpReminder"("status", "earlyAt");

-- CreateIndex
CREATE INDEX "FollowUpReminder_contactId_idx" ON "FollowUpReminder"("contactId");

