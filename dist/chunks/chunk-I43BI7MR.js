import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/notify/options.ts
var notifySpec = {
  name: "notify",
  summary: "tell running environments that new models are ready (signed webhook, with retries)",
  synopsis: `spiff-models notify --url URL [--url URL]... (--secret S | --secret-env NAME) --ref REF --sha SHA [options]
spiff-models notify --environments FILE [--secret-env NAME] --ref REF --sha SHA [options]`,
  intro: `Tells running environments that new models are ready: a signed GitHub push event to git-synced
spiffworkflow-backend environments (POST <url>/v1.0/github-webhook-receive), or a signed deploy hook
{environment, image, digest, tags, revision} to baked environments. All environments at once, with retries.`,
  options: {
    url: {
      type: "list",
      input: null,
      arg: "URL",
      doc: "an environment; a backend base URL or the full receive URL"
    },
    environments: {
      type: "string",
      arg: "FILE",
      doc: `the environments to tell about new models, a YAML or JSON list. Each entry: name, url, kind (spiff: a git-synced spiffworkflow-backend, its base URL or full /v1.0/github-webhook-receive URL; deploy: a deploy hook), secret or secret-env (the name of an env var holding it), and optional clone_url, git_url, ssh_url, html_url overrides. A plain URL is an entry too.`,
      flagDoc: "a YAML or JSON file listing them: name, url, kind, secret | secret-env, clone_url, git_url, ssh_url, html_url (see README)"
    },
    secret: {
      type: "string",
      input: "webhook-secret",
      arg: "S",
      doc: "the webhook secret for environments that name none (pass it from secrets)",
      flagDoc: "the webhook secret for environments that name none (visible in the process list: prefer --secret-env)"
    },
    secretEnv: {
      type: "string",
      flag: "secret-env",
      input: null,
      arg: "NAME",
      doc: "read that secret from the environment variable NAME"
    },
    kind: {
      type: "string",
      input: "notify-kind",
      arg: "spiff|deploy",
      default: "spiff",
      doc: "kind of the environments that do not say, spiff or deploy"
    },
    ref: {
      type: "string",
      arg: "REF",
      doc: "the ref that was pushed, e.g. refs/heads/main or main (default: GITHUB_REF)"
    },
    sha: { type: "string", arg: "SHA", doc: "the commit that was pushed (default: GITHUB_SHA)" },
    before: {
      type: "string",
      arg: "SHA",
      doc: "the commit before the push (default: the push event's, else the parent commit)"
    },
    repositoryUrl: {
      type: "string",
      input: "repository-url",
      arg: "URL",
      doc: "the repository the backends cloned, e.g. https://github.com/o/r (default: GITHUB_SERVER_URL/GITHUB_REPOSITORY, else git's remote.origin.url)"
    },
    ping: {
      type: "boolean",
      default: false,
      doc: "send a ping instead of a push: checks URL, secret and repository URLs without a pull"
    },
    image: {
      type: "string",
      input: "deploy-image",
      arg: "REF",
      doc: "for deploy hooks, the image that was built (e.g. the bake output)"
    },
    digest: {
      type: "string",
      input: "deploy-digest",
      arg: "sha256:...",
      doc: "for deploy hooks, the image digest (sha256:...)"
    },
    tags: {
      type: "list",
      flag: "tag",
      input: "deploy-tags",
      arg: "TAG",
      doc: "for deploy hooks, the tags pushed (one per line or comma-separated)",
      flagDoc: "for deploy hooks, a tag pushed"
    },
    timeout: { type: "string", arg: "S", default: "10", doc: "seconds per delivery attempt" },
    retries: {
      type: "string",
      arg: "N",
      default: "3",
      doc: "retries on network errors, 5xx and 429, with backoff"
    },
    failOn: {
      type: "string",
      input: "fail-on",
      arg: "any|all|none",
      default: "any",
      doc: "fail when any, all or none of the environments failed"
    },
    json: { type: "boolean", input: null, default: false, doc: "print the results as JSON" }
  },
  outputs: {
    results: {
      doc: "JSON array, one result per environment: environment, kind, event, url, deliveryId, outcome (delivered|ignored|failed), status, attempts, durationMs, answer, message, history"
    },
    delivered: { doc: "how many environments took the notification" },
    failed: { doc: "how many environments failed (ignored ones, git_pull false, count in neither)" }
  },
  epilogue: "Exit codes: 0 the fail-on policy passes, 1 deliveries failed, 2 usage or setup problem."
};

export {
  notifySpec
};
