-- AlterTable
ALTER TABLE "RecurringReminder" ADD COLUMN "pausedAt" DATETIME;

