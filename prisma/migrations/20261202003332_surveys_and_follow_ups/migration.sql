-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closesAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "creatorContactId" TEXT,
    "cursor" TEXT NOT NULL DEFAULT '',
    "materialisedAt" DATETIME,
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SurveyRecipient" (
    "surveyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "communeCode" TEXT,
    "venueId" TEXT,
    "current" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("surveyId", "contactId")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "surveyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "question" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("surveyId", "contactId", "question")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "offsetDays" INTEGER,
    "earlyDays" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FollowUpReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "followUpId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "communeCode" TEXT,
    "eventDate" TEXT,
    "detail" TEXT,
    "dueDate" TEXT NOT NULL,
    "earlyAt" DATETIME,
    "earlySentAt" DATETIME,
    "dueAt" DATETIME NOT NULL,
    "dueSentAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
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

