-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "no_data" TEXT NOT NULL DEFAULT 'ok',
ADD COLUMN     "recovery_evaluations" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "recovery_margin" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "ok_streak" INTEGER NOT NULL DEFAULT 0;
