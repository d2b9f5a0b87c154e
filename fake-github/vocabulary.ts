// Word lists for the seeded world: people, repositories, token names and the reasons people give.

export const FIRST_NAMES = [
  "Aaliyah", "Aarav", "Abigail", "Adrian", "Aiko", "Alejandro", "Alex", "Amara", "Amelia", "Ana",
  "Andrea", "Anika", "Arjun", "Astrid", "Ayesha", "Bea", "Ben", "Bilal", "Bruno", "Camille",
  "Carlos", "Chen", "Chidi", "Chloe", "Dana", "Daniel", "Dara", "David", "Diego", "Dmitri",
  "Elena", "Eli", "Emeka", "Emma", "Erik", "Fatima", "Felix", "Finn", "Freya", "Gabriel",
  "Grace", "Hana", "Hannah", "Hassan", "Hugo", "Ines", "Ingrid", "Isaac", "Ivan", "Jade",
  "Jamal", "James", "Jana", "Javier", "Jin", "Joao", "Jonas", "Jordan", "Julia", "Kai",
  "Kamala", "Karim", "Kate", "Kenji", "Kofi", "Lars", "Layla", "Leah", "Leo", "Liam",
  "Lina", "Lucas", "Lucia", "Luis", "Maya", "Mateo", "Mei", "Mia", "Miguel", "Mira",
  "Nadia", "Naomi", "Nia", "Nikhil", "Nina", "Noah", "Nora", "Olga", "Omar", "Oscar",
  "Pablo", "Priya", "Quinn", "Rafael", "Rahul", "Rania", "Ravi", "Rosa", "Ruth", "Sadia",
  "Samir", "Santiago", "Sara", "Sean", "Sofia", "Sven", "Tariq", "Tess", "Theo", "Tomas",
  "Uma", "Valentina", "Vera", "Victor", "Wei", "Xavier", "Yara", "Yusuf", "Zara", "Zoe",
] as const;

export const LAST_NAMES = [
  "Abara", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bauer", "Becker", "Bianchi", "Brown", "Castro",
  "Chen", "Costa", "Dubois", "Eriksson", "Fernandes", "Fischer", "Garcia", "Gonzalez", "Gupta", "Haddad",
  "Hansen", "Hernandez", "Hoffmann", "Horvat", "Ibrahim", "Ivanova", "Jensen", "Johansson", "Kaur", "Kim",
  "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin", "Meyer", "Moreau", "Muller", "Nakamura",
  "Nguyen", "Nielsen", "Novak", "Okafor", "Olsen", "Park", "Patel", "Pereira", "Petrov", "Popescu",
  "Ramos", "Reddy", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith", "Sousa", "Suzuki",
  "Tanaka", "Taylor", "Thomas", "Torres", "Van Dijk", "Vasquez", "Wagner", "Walker", "Wang", "Weber",
  "Williams", "Wilson", "Wong", "Yamamoto", "Yilmaz", "Zhang", "Zhou", "Ziegler", "Osei", "Mensah",
] as const;

export const COMPANIES = ["Acme Corp", "Globex", "Initech", null, null, "@acme", "Freelance", null] as const;

export const LOCATIONS = [
  "Berlin, Germany", "Lagos, Nigeria", "São Paulo, Brazil", "Bengaluru, India", "Toronto, Canada",
  "Lisbon, Portugal", "Tokyo, Japan", "Nairobi, Kenya", "Austin, TX", "Remote", null, null,
] as const;

export const REPO_PREFIXES = [
  "payments", "billing", "checkout", "identity", "auth", "search", "catalog", "inventory", "orders", "shipping",
  "notifications", "analytics", "reporting", "ledger", "pricing", "onboarding", "support", "feature-flags",
  "gateway", "accounts", "media", "storage", "scheduler", "ingest", "etl", "ml", "recommendations", "fraud",
  "audit", "compliance", "design-system", "docs", "infra", "platform", "observability", "chatops", "mobile",
  "web", "admin", "partner", "marketplace", "loyalty", "tax", "risk", "kyc", "data", "events", "workflow",
  "email", "sms", "cdn", "edge", "k8s", "terraform", "ci", "release", "security", "sso", "crm", "hr",
] as const;

export const REPO_SUFFIXES = [
  "api", "service", "web", "ui", "worker", "cli", "sdk", "lib", "infra", "config", "pipelines", "jobs",
  "dashboard", "app", "ios", "android", "proxy", "schemas", "migrations", "terraform", "helm", "docs",
  "e2e", "bot", "exporter", "client", "server", "core", "tools", "playground",
] as const;

export const LANGUAGES = ["TypeScript", "Go", "Python", "Ruby", "Java", "Kotlin", "Rust", "HCL", "Swift", "Shell", null] as const;

export const TOPICS = ["internal", "production", "platform", "security", "payments", "frontend", "backend", "infra", "data", "legacy"] as const;

export const TOKEN_NAMES = [
  "ci-deploy", "release-automation", "terraform-cloud", "local-dev", "backup-mirror", "grafana-sync",
  "jira-sync", "renovate-self-hosted", "docs-publisher", "helm-chart-release", "access-review-script",
  "stale-branch-cleanup", "issue-triage", "changelog-bot", "security-scanner", "dependency-audit",
  "migration-2026", "oncall-tooling", "laptop", "codespaces-dev", "slack-notifier", "metrics-exporter",
  "sbom-generator", "license-check", "label-sync", "project-board-sync", "k8s-gitops", "argo-cd",
  "backstage-catalog", "incident-bot", "repo-settings-sync", "secrets-rotation", "package-publish",
  "npm-release", "pypi-release", "mobile-build", "nightly-e2e", "data-export", "webhook-relay", "copilot-seats",
] as const;

export const TOKEN_NAME_SUFFIXES = ["", "", "", "-prod", "-staging", "-v2", " (laptop)", "-2026", "-temp"] as const;

export const REASONS = [
  "Our release pipeline needs to push tags and create releases for the services we own.",
  "Read-only access for the quarterly access review script run by the security team.",
  "Migrating issues from Jira; I will delete this token once the migration is finished.",
  "Local development against the payments API — I need to clone and open pull requests.",
  "Terraform manages repository settings and branch protection for our team.",
  "The docs site rebuilds from these repositories every night.",
  "Needed to triage and label incoming issues for the on-call rotation.",
  "Syncing CODEOWNERS and labels across the repositories of my team.",
  "Grafana dashboards read workflow run data to show CI health.",
  "Temporary: debugging a failing GitHub Actions workflow with a teammate.",
  "Dependency audit tooling needs to read Dependabot alerts.",
  "Publishing packages to GitHub Packages from our build system.",
  "Backing up repositories to cold storage every week (compliance requirement).",
  "Rotating repository and environment secrets from our vault.",
  "Managing project boards for the platform roadmap.",
  "Reporting on org membership for the access certification audit.",
  "Our chat bot opens issues from incident channels.",
  "Needed for the hackathon this week.",
  "The mobile build needs to download release assets.",
  "Automating repository creation from our service template.",
] as const;
