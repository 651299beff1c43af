-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_id_idx" ON "OutboxMessage"("channel", "status", "id");

