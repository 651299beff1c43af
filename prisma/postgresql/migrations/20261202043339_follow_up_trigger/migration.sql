-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "trigger" TEXT;

