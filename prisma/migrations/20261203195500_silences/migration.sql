-- CreateTable
CREATE TABLE "silences" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "matchers" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_by" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "silences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "silences_client_id_ends_at_idx" ON "silences"("client_id", "ends_at");

-- AddForeignKey
ALTER TABLE "silences" ADD CONSTRAINT "silences_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
