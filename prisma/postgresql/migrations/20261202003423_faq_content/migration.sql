-- CreateTable
CREATE TABLE "FaqContentTopic" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "publishedRevisionId" INTEGER,
    "draftRevisionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqContentTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqContentRevision" (
    "id" SERIAL NOT NULL,
    "topicId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "changed" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedBy" TEXT,

    CONSTRAINT "FaqContentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqContentVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqContentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaqContentRevision_topicId_id_idx" ON "FaqContentRevision"("topicId", "id");

