-- AlterTable
ALTER TABLE "RecurringReminder" ADD COLUMN     "pausedAt" TIMESTAMP(3);

