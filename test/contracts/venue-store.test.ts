import { PrismaVenueStore } from "../../src/db/prisma-venue-store";
import { FakeVenueStore } from "../../src/features/venues/fake-venue-store";
import { onFreshDatabase } from "./fresh-world";
import { venueStoreContract } from "./venue-store.contract";

venueStoreContract("the fake venue store", async () => ({ world: new FakeVenueStore() }));
venueStoreContract("the Prisma venue store", () => onFreshDatabase((d) => new PrismaVenueStore(d.db)));
