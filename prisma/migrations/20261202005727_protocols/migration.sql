-- CreateEnum
CREATE TYPE "TaskRecurrence" AS ENUM ('NONE', 'MONTHLY', 'QUARTERLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- CreateTable
CREATE TABLE "Protocol" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "signedBy" TEXT,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "agenda" TEXT,
    "speakers" TEXT[],
    "chair" TEXT NOT NULL,
    "attendees" JSONB NOT NULL,
    "controller" TEXT,
    "appendix" TEXT,
    "sourceSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Protocol_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolItem" (
    "id" SERIAL NOT NULL,
    "protocolId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" DATE,
    "deadlineText" TEXT,
    "recurrence" "TaskRecurrence" NOT NULL DEFAULT 'NONE',
    "recommendations" TEXT[],
    "recommendationNumbers" INTEGER[],
    "generatedUntil" DATE,

    CONSTRAINT "ProtocolItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskOwner" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "authorityId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskOwner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolItemOwner" (
    "itemId" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "asWritten" TEXT NOT NULL,
    "persons" TEXT,
    "inherited" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProtocolItemOwner_pkey" PRIMARY KEY ("itemId","ownerId")
);

-- CreateTable
CREATE TABLE "TaskOccurrence" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "dueOn" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "statusChangedAt" TIMESTAMP(3),
    "statusChangedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskReport" (
    "id" SERIAL NOT NULL,
    "occurrenceId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "status" "TaskStatus",
    "author" TEXT NOT NULL,
    "authorUserId" TEXT,
    "portalTokenId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnerContact" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "OwnerContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Protocol_date_idx" ON "Protocol"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Protocol_regionId_number_date_key" ON "Protocol"("regionId", "number", "date");

-- CreateIndex
CREATE INDEX "ProtocolItem_parentId_idx" ON "ProtocolItem"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolItem_protocolId_number_key" ON "ProtocolItem"("protocolId", "number");

-- CreateIndex
CREATE INDEX "TaskOwner_authorityId_idx" ON "TaskOwner"("authorityId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskOwner_regionId_name_key" ON "TaskOwner"("regionId", "name");

-- CreateIndex
CREATE INDEX "ProtocolItemOwner_ownerId_idx" ON "ProtocolItemOwner"("ownerId");

-- CreateIndex
CREATE INDEX "TaskOccurrence_dueOn_id_idx" ON "TaskOccurrence"("dueOn", "id");

-- CreateIndex
CREATE INDEX "TaskOccurrence_status_idx" ON "TaskOccurrence"("status");

-- CreateIndex
CREATE UNIQUE INDEX "TaskOccurrence_itemId_sequence_key" ON "TaskOccurrence"("itemId", "sequence");

-- CreateIndex
CREATE INDEX "TaskReport_occurrenceId_createdAt_idx" ON "TaskReport"("occurrenceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OwnerContact_ownerId_email_key" ON "OwnerContact"("ownerId", "email");

-- AddForeignKey
ALTER TABLE "Protocol" ADD CONSTRAINT "Protocol_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolItem" ADD CONSTRAINT "ProtocolItem_protocolId_fkey" FOREIGN KEY ("protocolId") REFERENCES "Protocol"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolItem" ADD CONSTRAINT "ProtocolItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ProtocolItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskOwner" ADD CONSTRAINT "TaskOwner_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskOwner" ADD CONSTRAINT "TaskOwner_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolItemOwner" ADD CONSTRAINT "ProtocolItemOwner_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ProtocolItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolItemOwner" ADD CONSTRAINT "ProtocolItemOwner_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "TaskOwner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskOccurrence" ADD CONSTRAINT "TaskOccurrence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ProtocolItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "TaskOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnerContact" ADD CONSTRAINT "OwnerContact_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "TaskOwner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
