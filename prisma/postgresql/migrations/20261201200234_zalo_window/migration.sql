-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "lastInboundAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "purpose" TEXT,
ADD COLUMN     "quotaType" TEXT,
ADD COLUMN     "replyTo" TEXT;


-- Zalo OA contacts: their last turn is the best known last interaction (every turn rewrote the row).
UPDATE "Contact" SET "lastInboundAt" = "updatedAt" WHERE "channel" = 'zalo-oa';

-- "Outside the window" used to mark a Zalo OA follower unreachable; they never left. Only those whose last
-- settled row says so are given back, not people who unfollowed.
UPDATE "Contact" SET "reachable" = true
WHERE "channel" = 'zalo-oa' AND "reachable" = false AND EXISTS (
  SELECT 1 FROM "OutboxMessage" o
  WHERE o."channel" = 'zalo-oa' AND o."externalId" = "Contact"."externalId" AND o."status" = 'blocked'
    AND o."lastError" LIKE 'outside-window%'
    AND o."id" = (SELECT MAX(p."id") FROM "OutboxMessage" p WHERE p."channel" = 'zalo-oa'
                  AND p."externalId" = "Contact"."externalId" AND p."status" IN ('sent', 'blocked'))
);
