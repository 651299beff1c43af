// The PostgreSQL variant of prisma/schema.prisma differs only in its generator output and datasource.
export function toPostgres(schema) {
  const out = schema
    .replace('output       = "../src/generated/sqlite"', 'output       = "../../src/generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/app.db"', 'url      = "postgresql://localhost/placeholder"');
  if (out === schema || !out.includes('"postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the generator/datasource lines this script rewrites");
  }
  return `// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — edit that file instead.\n${out}`;
}
