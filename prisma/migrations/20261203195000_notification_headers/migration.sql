-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "headers" JSONB NOT NULL DEFAULT '{}';
