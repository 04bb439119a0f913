-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'threshold',
ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "group_key" TEXT,
ADD COLUMN     "group_title" TEXT;

-- AlterTable
ALTER TABLE "silences" ADD COLUMN     "recurrence" TEXT,
ADD COLUMN     "timezone" TEXT,
ADD COLUMN     "window_minutes" INTEGER;

-- CreateIndex
CREATE INDEX "notifications_group_key_idx" ON "notifications"("group_key");
