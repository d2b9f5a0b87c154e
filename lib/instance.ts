import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** This process among Grantdesk's instances: the owner of the leases it takes (syncs, jobs). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
