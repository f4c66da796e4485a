-- CreateTable
CREATE TABLE "processed_messages" (
    "live_id" BIGINT NOT NULL,
    "msg_id" TEXT NOT NULL,

    CONSTRAINT "processed_messages_pkey" PRIMARY KEY ("live_id","msg_id")
);

-- AddForeignKey
ALTER TABLE "processed_messages" ADD CONSTRAINT "processed_messages_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;
