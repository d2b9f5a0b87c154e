// GitHub's JSON shapes, built from the world's records. Field names and order follow the schemas
// in GitHub's OpenAPI description; URLs point at fake-github's own origin (it plays both
// api.github.com and github.com), and `repositories_url` uses `/organizations/{org_id}/…` as
// GitHub does.

import { botOf, type GitHubApp } from "./apps";
import type { Installation, Membership, Org, PatGrant, PatRequest, Repository, User, World } from "./world";

const pacificOffset = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", timeZoneName: "longOffset" });

/** `2026-11-23T10:04:05Z`: how most of GitHub's REST API writes times. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * `2026-11-23T02:04:05.000-08:00`: how GitHub writes the times of the fine-grained PAT endpoints
 * (see the examples `org-pat-grant-request-paginated` / `org-pat-grant-paginated` in its OpenAPI
 * description) — Pacific time with an offset, so clients must parse offsets, not assume `Z`.
 */
export function pacificTime(ms: number): string {
  ms = Math.floor(ms / 1000) * 1000;
  const offset = pacificOffsetAt(ms);
  const local = new Date(ms + offset.minutes * 60_000).toISOString().slice(0, 23);
  return `${local}${offset.text}`;
}

/**
 * The Pacific offset at `ms`. Offsets change only on the hour, so each hour is asked of Intl once
 * (Intl.DateTimeFormat#formatToParts was a third of the time of rendering a page of 100 tokens).
 */
const offsetByHour = new Map<number, { minutes: number; text: string }>();
function pacificOffsetAt(ms: number): { minutes: number; text: string } {
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (!offset) {
    const zone = pacificOffset.formatToParts(new Date(hour * 3_600_000)).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zone);
    const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    offset = { minutes, text: match ? `${match[1]}${match[2]}:${match[3]}` : "+00:00" };
    // Seeded times span a few years: tens of thousands of hours at most; bound it anyway.
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

export function nodeId(kind: string, id: number): string {
  return Buffer.from(kind + id).toString("base64");
}

export function avatarUrl(origin: string, id: number): string {
  return `${origin}/avatars/u/${id}?v=4`;
}

function userLike(origin: string, login: string, id: number, type: "User" | "Organization" | "Bot") {
  const api = `${origin}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId(type === "Organization" ? "012:Organization" : type === "Bot" ? "03:Bot" : "04:User", id),
    avatar_url: avatarUrl(origin, id),
    gravatar_id: "",
    url: type === "Organization" ? `${origin}/orgs/${login}` : api,
    html_url: `${origin}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: type === "Organization" ? `${origin}/orgs/${login}/repos` : `${api}/repos`,
    events_url: type === "Organization" ? `${origin}/orgs/${login}/events` : `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The `simple-user` schema. */
export function simpleUser(origin: string, user: User) {
  return userLike(origin, user.login, user.id, "User");
}

/** The bot user an app acts as with an installation token, in the `simple-user` shape. */
export function botUser(origin: string, app: Pick<GitHubApp, "id" | "slug">) {
  const bot = botOf(app);
  return { ...userLike(origin, bot.login, bot.id, "Bot"), html_url: `${origin}/apps/${app.slug}` };
}

/** An organization in the `simple-user` shape, as repository owners and installation accounts are sent. */
export function orgAccount(origin: string, org: Org) {
  return userLike(origin, org.login, org.id, "Organization");
}

/**
 * An installation's account. GitHub's description types the account of `GET /app/installations`
 * as `allOf: [simple-user, enterprise]`, so it also carries the enterprise fields (`name`, `slug`,
 * `created_at`, `updated_at`, `description`, `website_url`); the other installation schemas say
 * `anyOf` and accept it too.
 */
export function installationAccount(origin: string, org: Org) {
  return {
    ...orgAccount(origin, org),
    name: org.name,
    slug: org.login,
    description: org.description,
    website_url: null,
    created_at: isoSeconds(org.createdAt),
    updated_at: isoSeconds(org.createdAt),
  };
}

/** The `organization-simple` schema. */
export function organizationSimple(origin: string, org: Org) {
  const api = `${origin}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("012:Organization", org.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: avatarUrl(origin, org.id),
    description: org.description,
  };
}

/** The `minimal-repository` schema. */
export function minimalRepository(origin: string, org: Org, repository: Repository) {
  const fullName = `${org.login}/${repository.name}`;
  const api = `${origin}/repos/${fullName}`;
  const host = new URL(origin).host;
  return {
    id: repository.id,
    node_id: nodeId("010:Repository", repository.id),
    name: repository.name,
    full_name: fullName,
    private: repository.private,
    owner: orgAccount(origin, org),
    html_url: `${origin}/${fullName}`,
    description: repository.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${origin}/${fullName}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: `${origin}/${fullName}`,
    homepage: null,
    language: repository.language,
    forks_count: repository.forks,
    stargazers_count: repository.stargazers,
    watchers_count: repository.stargazers,
    size: repository.size,
    default_branch: "main",
    open_issues_count: repository.openIssues,
    is_template: false,
    topics: repository.topics,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repository.archived,
    disabled: false,
    visibility: repository.visibility,
    pushed_at: isoSeconds(repository.pushedAt),
    created_at: isoSeconds(repository.createdAt),
    updated_at: isoSeconds(repository.pushedAt),
    allow_forking: false,
    web_commit_signoff_required: false,
    forks: repository.forks,
    open_issues: repository.openIssues,
    watchers: repository.stargazers,
  };
}

function patFields(origin: string, world: World, org: Org, record: PatGrant | PatRequest, kind: "personal-access-tokens" | "personal-access-token-requests") {
  const owner = world.users.get(record.ownerId)!;
  return {
    owner: simpleUser(origin, owner),
    repository_selection: record.repositorySelection,
    repositories_url: `${origin}/organizations/${org.id}/${kind}/${record.id}/repositories`,
    permissions: record.permissions,
  };
}

function tokenFields(record: PatGrant | PatRequest, now: number) {
  return {
    token_id: record.tokenId,
    token_name: record.tokenName,
    token_expired: record.tokenExpiresAt !== null && record.tokenExpiresAt <= now,
    token_expires_at: record.tokenExpiresAt === null ? null : pacificTime(record.tokenExpiresAt),
    token_last_used_at: record.tokenLastUsedAt === null ? null : pacificTime(record.tokenLastUsedAt),
  };
}

/** The `organization-programmatic-access-grant-request` schema. */
export function patRequestJson(origin: string, world: World, org: Org, request: PatRequest, now: number) {
  return {
    id: request.id,
    reason: request.reason,
    ...patFields(origin, world, org, request, "personal-access-token-requests"),
    created_at: pacificTime(request.createdAt),
    ...tokenFields(request, now),
  };
}

/** The `organization-programmatic-access-grant` schema. */
export function patGrantJson(origin: string, world: World, org: Org, grant: PatGrant, now: number) {
  return {
    id: grant.id,
    ...patFields(origin, world, org, grant, "personal-access-tokens"),
    access_granted_at: pacificTime(grant.accessGrantedAt),
    ...tokenFields(grant, now),
  };
}

/** The `installation` schema. */
export function installationJson(origin: string, world: World, installation: Installation, app: GitHubApp) {
  const org = world.orgById.get(installation.orgId)!;
  const suspendedBy = installation.suspendedById === null ? undefined : world.users.get(installation.suspendedById);
  return {
    id: installation.id,
    client_id: app.clientId,
    account: installationAccount(origin, org),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${origin}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${origin}/installation/repositories`,
    html_url: `${origin}/organizations/${org.login}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: org.id,
    target_type: "Organization",
    permissions: installation.permissions,
    events: installation.events,
    created_at: isoSeconds(installation.createdAt),
    updated_at: isoSeconds(installation.updatedAt),
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: suspendedBy ? simpleUser(origin, suspendedBy) : null,
    suspended_at: installation.suspendedAt === null ? null : isoSeconds(installation.suspendedAt),
  };
}

/** The `integration` schema: an app as `GET /app` and the manifest conversion describe it. */
export function integrationJson(origin: string, world: World, app: GitHubApp, installationsCount?: number) {
  const ownerOrg = app.owner.kind === "Organization" ? world.orgById.get(app.owner.id) : undefined;
  const ownerUser = app.owner.kind === "User" ? world.users.get(app.owner.id) : undefined;
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("012:Integration", app.id),
    client_id: app.clientId,
    owner: ownerOrg ? orgAccount(origin, ownerOrg) : simpleUser(origin, ownerUser!),
    name: app.name,
    description: app.description,
    external_url: app.externalUrl,
    html_url: `${origin}/apps/${app.slug}`,
    created_at: isoSeconds(app.createdAt),
    updated_at: isoSeconds(app.updatedAt),
    permissions: app.permissions,
    events: app.events,
    ...(installationsCount === undefined ? {} : { installations_count: installationsCount }),
  };
}

/** The `org-membership` schema. */
export function membershipJson(origin: string, org: Org, user: User, membership: Membership) {
  return {
    url: `${origin}/orgs/${org.login}/memberships/${user.login}`,
    state: membership.state,
    role: membership.role,
    organization_url: `${origin}/orgs/${org.login}`,
    organization: organizationSimple(origin, org),
    user: simpleUser(origin, user),
  };
}

export function primaryEmail(user: User): string {
  return user.email ?? `${user.id}+${user.login}@users.noreply.github.com`;
}

/** The `private-user` schema: what `GET /user` answers to the user themself. */
export function privateUserJson(origin: string, user: User) {
  return {
    ...simpleUser(origin, user),
    user_view_type: "private",
    name: user.name,
    company: user.company,
    blog: "",
    location: user.location,
    email: user.email,
    notification_email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: isoSeconds(user.createdAt),
    updated_at: isoSeconds(user.createdAt),
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, private_repos: 10000, collaborators: 0 },
  };
}

/** The `email` schema list for `GET /user/emails`. */
export function emailsJson(user: User) {
  return [{ email: primaryEmail(user), primary: true, verified: true, visibility: user.email ? "public" : "private" }];
}
