-- CreateTable
CREATE TABLE "ZaloOaToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accessTokenEnc" TEXT NOT NULL,
    "refreshTokenEnc" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "refreshingUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

