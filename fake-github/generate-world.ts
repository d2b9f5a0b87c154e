// Builds the seeded world: users, orgs, memberships, repositories, pending requests and approved
// tokens. Everything is a deterministic function of (seed, sizes); timestamps are deterministic
// offsets from `now` so "expires in 3 days" or "unused for 120 days" stay true whenever it runs.

import { generatePermissions, type PermissionSet } from "./permissions";
import type { RepositorySelection } from "./pat-index";
import { Rng } from "./prng";
import {
  COMPANIES, FIRST_NAMES, LANGUAGES, LAST_NAMES, LOCATIONS, REASONS, REPO_PREFIXES, REPO_SUFFIXES,
  TOKEN_NAMES, TOKEN_NAME_SUFFIXES, TOPICS,
} from "./vocabulary";
import {
  DEFAULT_APP_EVENTS, DEFAULT_APP_ID, INSTALLATION_PERMISSIONS, ORGS, USERS, newGrantIndex, newRequestIndex,
  type Membership, type Org, type PatGrant, type PatRequest, type Repository, type User, type World,
} from "./world";

export interface WorldOptions {
  seed: number;
  /** Pending requests in acme. */
  requests: number;
  /** Active tokens in acme. */
  tokens: number;
  /** Epoch milliseconds the world is anchored to. */
  now: number;
  /** The app installed on acme and globex (default: fake-github's default app). */
  app?: { id: number; permissions: Record<string, string>; events: string[] };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** acme grows with its token count: ≥ 300 members and ≥ 500 repositories at the default 1,200 tokens. */
export function acmeSizes(tokens: number): { members: number; repositories: number } {
  return {
    members: clamp(Math.ceil(tokens / 4), 60, 25_000),
    repositories: clamp(Math.ceil(tokens / 2.4), 150, 5_000),
  };
}

class People {
  private nextId: number;

  /** Each stream has its own id range, so one org's size never shifts another's users. */
  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    firstId: number,
  ) {
    this.nextId = firstId;
  }

  create(): User {
    const rng = this.rng;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const base = rng.weighted<string>([
      [`${slug(first)}${slug(last).replace(/-/g, "")}`, 3],
      [`${slug(first)}-${slug(last)}`, 3],
      [`${slug(first).charAt(0)}${slug(last).replace(/-/g, "")}`, 2],
      [`${slug(first)}${slug(last).charAt(0)}`, 1],
      [`${slug(last)}-${slug(first)}`, 1],
      [`${slug(first)}-dev`, 1],
    ]);
    let login = base;
    while (this.world.userByLogin.has(login)) login = `${base}${rng.int(2, 999)}`;
    const user: User = {
      id: this.nextId++,
      login,
      name: rng.chance(0.92) ? `${first} ${last}` : null,
      email: null,
      company: rng.pick(COMPANIES),
      location: rng.pick(LOCATIONS),
      bio: null,
      createdAt: this.world.now - rng.int(100, 4_000) * DAY,
    };
    addUser(this.world, user);
    return user;
  }
}

function addUser(world: World, user: User): void {
  world.users.set(user.id, user);
  world.userByLogin.set(user.login.toLowerCase(), user);
}

function wellKnownUsers(world: World): void {
  const profiles: Record<keyof typeof USERS, Pick<User, "email" | "company" | "location" | "bio">> = {
    mona: { email: "mona@acme.example", company: "Acme Corporation", location: "San Francisco, CA", bio: "Org owner at Acme and Globex." },
    octocat: { email: "octocat@globex.example", company: "Globex", location: "San Francisco, CA", bio: null },
    hubot: { email: "hubot@acme.example", company: "Acme Corporation", location: null, bio: "I automate things." },
    billLumbergh: { email: "bill@initech.example", company: "Initech", location: "Austin, TX", bio: null },
    peterGibbons: { email: "peter@initech.example", company: "Initech", location: "Austin, TX", bio: null },
  };
  for (const key of Object.keys(USERS) as (keyof typeof USERS)[]) {
    const { login, id, name } = USERS[key];
    addUser(world, { id, login, name, ...profiles[key], createdAt: world.now - (3_000 + id % 500) * DAY });
  }
}

function generateRepositories(rng: Rng, count: number, ordinal: number, now: number): Repository[] {
  const names = new Set<string>();
  const qualifiers = ["legacy", "next", "v2", "eu", "us", "internal", "sandbox", "archive"];
  while (names.size < count) {
    const core = `${rng.pick(REPO_PREFIXES)}-${rng.pick(REPO_SUFFIXES)}`;
    let name = names.has(core) ? `${core}-${rng.pick(qualifiers)}` : core;
    while (names.has(name)) name = `${core}-${rng.int(2, 99)}`;
    names.add(name);
  }
  const repositories = [...names].map((name, i): Repository => {
    const createdAt = now - rng.int(30, 3_000) * DAY;
    const visibility = rng.weighted<Repository["visibility"]>([["private", 70], ["internal", 20], ["public", 10]]);
    const words = name.split("-");
    return {
      id: 40_000_000 + ordinal * 100_000 + i + 1,
      name,
      description: rng.chance(0.8) ? `${words[0]!.charAt(0).toUpperCase()}${words.join(" ").slice(1)}` : null,
      private: visibility !== "public",
      visibility,
      language: rng.pick(LANGUAGES),
      topics: rng.sample(TOPICS, rng.int(0, 3)),
      archived: rng.chance(0.05),
      createdAt,
      pushedAt: now - rng.int(0, Math.floor((now - createdAt) / DAY)) * DAY - rng.int(0, 23) * HOUR,
      stargazers: rng.int(0, 120),
      forks: rng.int(0, 30),
      openIssues: rng.int(0, 80),
      size: rng.int(40, 250_000),
    };
  });
  return repositories.sort((a, b) => (a.name < b.name ? -1 : 1));
}

type ExpiryKind = "expired" | "soon" | "never" | "normal";
type UsageKind = "never" | "stale" | "recent";

interface TokenShape {
  ownerId: number;
  tokenName: string;
  permissions: PermissionSet;
  repositorySelection: RepositorySelection;
  repositoryIds: number[];
}

interface Forced {
  owners: number[];
  /** How many leading records get more than 100 repositories. */
  bigSubsets: number;
}

class OrgGenerator {
  constructor(
    private readonly rng: Rng,
    private readonly now: number,
    private readonly repositories: Repository[],
    private readonly ownerPool: number[],
  ) {}

  private pickOwner(): number {
    // Skewed: a few people hold many tokens, most hold one or two.
    return this.ownerPool[Math.floor(this.ownerPool.length * this.rng.next() ** 1.6)]!;
  }

  private pickRepositoryIds(count: number): number[] {
    const total = this.repositories.length;
    const n = Math.min(count, total);
    const indexes = new Set<number>();
    while (indexes.size < n) indexes.add(Math.floor(this.rng.next() * total));
    // repositories are ordered by name, so ascending indexes give name order.
    return [...indexes].sort((a, b) => a - b).map((i) => this.repositories[i]!.id);
  }

  shape(index: number, forced: Forced): TokenShape {
    const rng = this.rng;
    const big = index < forced.bigSubsets && this.repositories.length > 100;
    let generated = generatePermissions(rng);
    while (big && !generated.repos) generated = generatePermissions(rng);
    let selection: RepositorySelection = "none";
    let repositoryIds: number[] = [];
    if (big) {
      selection = "subset";
      repositoryIds = this.pickRepositoryIds(rng.int(101, Math.min(180, this.repositories.length)));
    } else if (generated.repos) {
      selection = rng.chance(0.22) ? "all" : "subset";
      if (selection === "subset") {
        const size = rng.weighted<[number, number]>([[[1, 1], 25], [[2, 5], 45], [[6, 20], 20], [[21, 60], 8], [[61, 100], 2]]);
        repositoryIds = this.pickRepositoryIds(rng.int(size[0], size[1]));
      }
    }
    return {
      ownerId: forced.owners[index] ?? this.pickOwner(),
      tokenName: `${rng.pick(TOKEN_NAMES)}${rng.pick(TOKEN_NAME_SUFFIXES)}`,
      permissions: generated.permissions,
      repositorySelection: selection,
      repositoryIds,
    };
  }

  expiry(kind: ExpiryKind, from: number): number | null {
    const rng = this.rng;
    switch (kind) {
      case "never":
        return null;
      case "soon":
        return this.now + rng.int(1, 7 * 24 - 1) * HOUR;
      case "normal":
        return this.now + rng.int(8, 366) * DAY;
      case "expired":
        return Math.max(from + HOUR, this.now - rng.int(1, 60) * DAY);
    }
  }

  lastUsed(kind: UsageKind, from: number, until: number): number | null {
    const rng = this.rng;
    if (kind === "never") return null;
    if (kind === "stale" && this.now - from > 91 * DAY) {
      const staleFrom = Math.min(this.now - 90 * DAY, until);
      return staleFrom - Math.floor(rng.next() * Math.max(0, staleFrom - from));
    }
    const start = Math.max(from, this.now - 89 * DAY);
    const end = Math.min(until, this.now);
    return end <= start ? end : start + Math.floor(rng.next() * (end - start));
  }
}

interface OrgPlan {
  spec: { login: string; id: number; name: string; installationId: number | null };
  ordinal: number;
  description: string;
  members: Map<number, Membership>;
  repositoryCount: number;
  requests: number;
  grants: number;
  forcedRequestOwners: number[];
  forcedGrantOwners: number[];
}

function buildOrg(world: World, rng: Rng, plan: OrgPlan): Org {
  const now = world.now;
  const repositories = generateRepositories(rng.fork("repositories"), plan.repositoryCount, plan.ordinal, now);
  const wellKnownIds = new Set<number>(Object.values(USERS).map((user) => user.id));
  const ownerPool = rng.sample(
    [...plan.members].filter(([id, m]) => m.state === "active" && !wellKnownIds.has(id)).map(([id]) => id),
    plan.members.size,
  );
  const generator = new OrgGenerator(rng.fork("tokens"), now, repositories, ownerPool);
  const tokenRng = rng.fork("timeline");
  const base = plan.ordinal * 10_000_000;
  let nextTokenId = base + 5_000_001;

  // Grants: the leading records get the categories every demo and test needs.
  const forcedGrant: [number, ExpiryKind, UsageKind][] = [
    [200, "expired", "recent"],
    [60, "soon", "recent"],
    [300, "never", "recent"],
    [20, "normal", "never"],
    [400, "normal", "stale"],
  ];
  const grantDrafts = Array.from({ length: plan.grants }, (_, i) => {
    const shape = generator.shape(i, { owners: plan.forcedGrantOwners, bigSubsets: plan.ordinal === 1 ? 2 : 0 });
    const forced = forcedGrant[i];
    const ageDays = forced ? forced[0] : tokenRng.weighted<[number, number]>([[[0, 30], 30], [[30, 180], 40], [[180, 720], 30]]);
    const age = typeof ageDays === "number" ? ageDays * DAY : tokenRng.int(ageDays[0] * 24, ageDays[1] * 24) * HOUR;
    const accessGrantedAt = now - age - tokenRng.int(0, 3_599) * 1_000;
    const expiryKind = forced?.[1] ?? tokenRng.weighted<ExpiryKind>([["expired", 8], ["soon", 7], ["never", 10], ["normal", 75]]);
    const usageKind = forced?.[2] ?? tokenRng.weighted<UsageKind>([["never", 12], ["stale", 18], ["recent", 70]]);
    const tokenExpiresAt = generator.expiry(expiryKind, accessGrantedAt);
    const tokenLastUsedAt = generator.lastUsed(usageKind, accessGrantedAt, tokenExpiresAt ?? now);
    return { shape, accessGrantedAt, tokenExpiresAt, tokenLastUsedAt };
  });
  grantDrafts.sort((a, b) => a.accessGrantedAt - b.accessGrantedAt);
  const grants = newGrantIndex();
  grantDrafts.forEach((draft, i) => {
    const grant: PatGrant = {
      id: base + 2_000_001 + i,
      tokenId: nextTokenId++,
      ...draft.shape,
      tokenExpiresAt: draft.tokenExpiresAt,
      tokenLastUsedAt: draft.tokenLastUsedAt,
      accessGrantedAt: draft.accessGrantedAt,
      status: "active",
      revokedAt: null,
      requestId: null,
    };
    grants.add(grant);
  });

  const requestDrafts = Array.from({ length: plan.requests }, (_, i) => {
    const shape = generator.shape(i, { owners: plan.forcedRequestOwners, bigSubsets: plan.ordinal === 1 ? 1 : 0 });
    const createdAt = now - Math.floor(tokenRng.next() ** 2 * 40 * DAY) - tokenRng.int(60, 3_600) * 1_000;
    const expiryKind = tokenRng.weighted<ExpiryKind>([["expired", 4], ["soon", 10], ["never", 12], ["normal", 74]]);
    const tokenExpiresAt = generator.expiry(expiryKind, createdAt);
    const tokenLastUsedAt = generator.lastUsed(tokenRng.chance(0.55) ? "never" : "recent", createdAt, tokenExpiresAt ?? now);
    const reason = tokenRng.chance(0.9) ? tokenRng.pick(REASONS) : null;
    return { shape, createdAt, tokenExpiresAt, tokenLastUsedAt, reason };
  });
  requestDrafts.sort((a, b) => a.createdAt - b.createdAt);
  const requests = newRequestIndex();
  requestDrafts.forEach((draft, i) => {
    const request: PatRequest = {
      id: base + 1_000_001 + i,
      tokenId: nextTokenId++,
      ...draft.shape,
      tokenExpiresAt: draft.tokenExpiresAt,
      tokenLastUsedAt: draft.tokenLastUsedAt,
      reason: draft.reason,
      createdAt: draft.createdAt,
      status: "pending",
      reviewedAt: null,
      reviewReason: null,
      grantId: null,
    };
    requests.add(request);
  });

  return {
    id: plan.spec.id,
    login: plan.spec.login,
    name: plan.spec.name,
    description: plan.description,
    createdAt: now - (2_200 + plan.ordinal * 100) * DAY,
    members: plan.members,
    repositories,
    repositoryById: new Map(repositories.map((repository) => [repository.id, repository])),
    repositoryByName: new Map(repositories.map((repository) => [repository.name.toLowerCase(), repository])),
    requests,
    grants,
    nextRequestId: base + 1_000_001 + plan.requests,
    nextGrantId: base + 2_000_001 + plan.grants,
    nextTokenId,
    counts: { pendingRequests: plan.requests, activeTokens: plan.grants, revokedTokens: 0, reviewedRequests: 0, cancelledRequests: 0 },
  };
}

function repeat(id: number, times: number): number[] {
  return Array.from({ length: times }, () => id);
}

/** Installations made while running get ids from here up, clear of the seeded ones. */
export const FIRST_NEW_INSTALLATION_ID = 1_001;

export function buildWorld(options: WorldOptions): World {
  const app = options.app ?? { id: DEFAULT_APP_ID, permissions: INSTALLATION_PERMISSIONS, events: DEFAULT_APP_EVENTS };
  const world: World = {
    now: Math.floor(options.now / 1_000) * 1_000,
    users: new Map(),
    userByLogin: new Map(),
    orgs: [],
    orgByLogin: new Map(),
    orgById: new Map(),
    installations: new Map(),
    nextInstallationId: FIRST_NEW_INSTALLATION_ID,
  };
  const rng = new Rng(options.seed, "fake-github");
  wellKnownUsers(world);
  const { mona, octocat, hubot, billLumbergh, peterGibbons } = USERS;

  // The small orgs' own people come first, from their own streams, so acme's size (which sets
  // how many people acme generates) never changes them.
  const initechPeople = new People(rng.fork("people:initech"), world, 700_001);
  const initechMembers = new Map<number, Membership>([
    [billLumbergh.id, { role: "admin", state: "active" }],
    [peterGibbons.id, { role: "member", state: "active" }],
  ]);
  for (let i = 0; i < 6; i++) initechMembers.set(initechPeople.create().id, { role: "member", state: "active" });

  const globexPeople = new People(rng.fork("people:globex"), world, 600_001);
  const globexOwn = Array.from({ length: 9 }, () => globexPeople.create());

  const acmeSize = acmeSizes(options.tokens);
  const acmeMembers = new Map<number, Membership>([
    [mona.id, { role: "admin", state: "active" }],
    [octocat.id, { role: "member", state: "active" }],
    [hubot.id, { role: "member", state: "active" }],
  ]);
  const acmePeople = new People(rng.fork("people:acme"), world, 100_001);
  const acmeGenerated = Array.from({ length: acmeSize.members - acmeMembers.size }, () => acmePeople.create());
  const acmeAdmins = Math.max(2, Math.round(acmeGenerated.length * 0.01));
  const acmeStates = rng.fork("memberships:acme");
  acmeGenerated.forEach((user, i) => {
    const role = i < acmeAdmins ? "admin" : "member";
    const state = role === "member" && acmeStates.chance(0.02) ? "pending" : "active";
    acmeMembers.set(user.id, { role, state });
  });

  const globexMembers = new Map<number, Membership>([
    [mona.id, { role: "admin", state: "active" }],
    [octocat.id, { role: "admin", state: "active" }],
    [hubot.id, { role: "member", state: "active" }],
  ]);
  // Some people belong to both: taken from acme's first people, who are the same at any size.
  for (const user of rng.fork("memberships:globex").sample(acmeGenerated.slice(0, 40), 8)) globexMembers.set(user.id, { role: "member", state: "active" });
  globexOwn.forEach((user, i) => globexMembers.set(user.id, { role: i === 0 ? "admin" : "member", state: "active" }));

  const plans: OrgPlan[] = [
    {
      spec: ORGS.acme, ordinal: 1, description: "Rockets, anvils and the software that ships them.", members: acmeMembers,
      repositoryCount: acmeSize.repositories, requests: options.requests, grants: options.tokens,
      forcedRequestOwners: [...repeat(mona.id, 3), ...repeat(hubot.id, 3), octocat.id],
      forcedGrantOwners: [...repeat(mona.id, 4), ...repeat(hubot.id, 4), ...repeat(octocat.id, 2)],
    },
    {
      spec: ORGS.globex, ordinal: 2, description: "Globex Corporation engineering.", members: globexMembers,
      repositoryCount: 30, requests: 12, grants: 40,
      forcedRequestOwners: [mona.id, hubot.id, hubot.id], forcedGrantOwners: [mona.id, mona.id, hubot.id, hubot.id, octocat.id],
    },
    {
      spec: ORGS.initech, ordinal: 3, description: "TPS reports, as a service.", members: initechMembers,
      repositoryCount: 12, requests: 5, grants: 15,
      forcedRequestOwners: [peterGibbons.id], forcedGrantOwners: [billLumbergh.id, peterGibbons.id, peterGibbons.id],
    },
  ];
  for (const plan of plans) {
    const org = buildOrg(world, rng.fork(`org:${plan.spec.login}`), plan);
    world.orgs.push(org);
    world.orgByLogin.set(org.login, org);
    world.orgById.set(org.id, org);
    const installationId = plan.spec.installationId;
    if (installationId !== null) {
      const installedAt = world.now - (30 + plan.ordinal) * DAY;
      world.installations.set(installationId, {
        id: installationId,
        appId: app.id,
        orgId: org.id,
        createdAt: installedAt,
        updatedAt: installedAt,
        suspendedAt: null,
        suspendedById: null,
        repositorySelection: "all",
        repositoryIds: [],
        permissions: { ...app.permissions },
        events: [...app.events],
      });
    }
  }
  return world;
}
