-- Media bytes in PostgreSQL (docs/decisions/029-media-storage.md): one row per stored
-- file, keyed by the Media row's content-hash file name and removed with it. Empty
-- when the S3 backend is configured.
-- CreateTable
CREATE TABLE "MediaBlob" (
    "fileName" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "MediaBlob_pkey" PRIMARY KEY ("fileName")
);

-- AddForeignKey
ALTER TABLE "MediaBlob" ADD CONSTRAINT "MediaBlob_fileName_fkey" FOREIGN KEY ("fileName") REFERENCES "Media"("fileName") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bytes are already compressed images: do not try to compress them again.
ALTER TABLE "MediaBlob" ALTER COLUMN "data" SET STORAGE EXTERNAL;
