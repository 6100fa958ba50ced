/**
 * The commented starter policy `agent-guard init` writes (and the editor can offer). It must load cleanly
 * and its own examples must pass: a unit test checks both.
 */
export const STARTER_POLICY = `// Agent Guard team policy. Commit it: every developer's coding agents are then held to the same rules.
// JSON with comments; the editor completes and checks it. Run \`agent-guard test\` after changing it.
{
  "version": 1,

  // Files an agent may not change on its own. A plain glob (relative to this workspace, like .gitignore)
  // asks before any write, delete or rename; an object can pick operations and deny outright.
  "protectedPaths": [
    "infra/prod/**",
    {
      "glob": "migrations/**",
      "ops": ["delete", "rename"],
      "decision": "deny",
      "reason": "Applied migrations are history: add a new migration instead of removing or renaming one."
    }
  ],

  // Team rules for commands, matched on program + sub-command (+ arguments) after sudo, env, bash -c and
  // the like are unwrapped, so "terraform -chdir=infra apply" still counts as "terraform apply".
  "commands": [
    {
      "program": ["terraform", "tofu"],
      "subcommand": ["apply", "destroy"],
      "decision": "confirm",
      "reason": "Infrastructure changes are applied by CI after review; ask before running them by hand."
    }
  ],

  // Known-safe commands the built-in rules would otherwise ask about. Exceptions never override the
  // built-in critical rules (wiping / or home, force-pushing over protected branches, …).
  "allow": [
    // { "program": "make", "subcommand": "clean", "reason": "Only removes build/ output." }
  ],

  // What "production" means for this team. A risky command aimed at production is raised one risk level
  // and needs the target's name typed to confirm. Kinds left out default to names containing "prod".
  "production": {
    "kubeContexts": ["*prod*"],
    "awsProfiles": ["*prod*"],
    "terraformWorkspaces": ["*prod*"],
    "paths": ["infra/prod"]
  },

  // Examples this policy must decide a given way; checked whenever it loads and by \`agent-guard test\`.
  "tests": [
    { "edit": "infra/prod/main.tf", "op": "write", "expect": "confirm" },
    { "edit": "migrations/0001_init.sql", "op": "delete", "expect": "deny" },
    { "edit": "src/index.ts", "op": "write", "expect": "allow" },
    { "command": "git status", "expect": "allow" }
  ]
}
`;
