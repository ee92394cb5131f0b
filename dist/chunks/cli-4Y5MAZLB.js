import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  validateCli
} from "./chunk-YB2DIAPW.js";
import "./chunk-KQ7RFDXK.js";
import "./chunk-IZBT45BD.js";
import "./chunk-PN23CBJR.js";
import "./chunk-TUM4RX4V.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Q42CMDPG.js";
import {
  parseFlags,
  usageText
} from "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import {
  SetupError,
  UsageError
} from "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/init/cli.ts
import fs2 from "node:fs";
import path2 from "node:path";

// src/init/detect.ts
import fs from "node:fs";
import path from "node:path";
var SKIP = /* @__PURE__ */ new Set([".git", "node_modules", "dist", ".github", ".spiff-models"]);
function modelDirs(dir) {
  const found = [];
  const walk = (rel) => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    if (rel && entries.some((e) => e.isFile() && e.name === "process_model.json")) {
      found.push(rel);
      return;
    }
    for (const e of entries)
      if (e.isDirectory() && !SKIP.has(e.name)) walk(rel ? `${rel}/${e.name}` : e.name);
  };
  walk("");
  return found.sort();
}
function rootOf(repo, modelDir) {
  let parts = modelDir.split("/").slice(0, -1);
  while (parts.length && fs.existsSync(path.join(repo, ...parts, "process_group.json")))
    parts = parts.slice(0, -1);
  return parts.join("/") || ".";
}
function detectModelsRoot(repo) {
  const dirs = modelDirs(repo);
  if (dirs.length === 0)
    throw new SetupError(
      `no process_model.json under ${repo}: put the models where the backend expects them (groups and models as folders), or give --path`
    );
  const roots = [...new Set(dirs.map((d) => rootOf(repo, d)))];
  if (roots.length > 1)
    throw new SetupError(
      `models under ${roots.length} different roots (${roots.join(", ")}): give the one the backend reads with --path`
    );
  const root = roots[0];
  return { root, models: dirs.map((d) => root === "." ? d : d.slice(root.length + 1)) };
}

// src/init/options.ts
var initSpec = {
  name: "init",
  summary: "set up a models repository: the workflows, a .spiff-models.yml, then validate",
  synopsis: "spiff-models init [DIR] [options]",
  intro: `Writes .github/workflows/ (pull request, push, promote, release) adapted to the repository in DIR (default .)
and a .spiff-models.yml at the models root, prints what it wrote and what to set up next, then validates.`,
  options: {
    path: {
      type: "string",
      input: null,
      arg: "DIR",
      doc: "the models root inside the repository (default: found from the process_model.json files)"
    },
    branches: {
      type: "string",
      input: null,
      arg: "A,B,C",
      default: "dev,staging,prod",
      doc: "the environment branches, in promotion order"
    },
    image: {
      type: "string",
      input: null,
      arg: "NAME",
      doc: "the image repository to bake into (default: ghcr.io/<owner>/<repo>-backend)"
    },
    force: { type: "boolean", input: null, default: false, doc: "overwrite files that exist" },
    dryRun: {
      type: "boolean",
      input: null,
      default: false,
      doc: "print what would be written; write nothing"
    },
    validate: {
      type: "boolean",
      input: null,
      default: true,
      doc: "validate after writing",
      flagDoc: "do not validate after writing"
    }
  },
  outputs: {},
  epilogue: "Exit codes: 0 written and valid, 1 written but validation found errors, 2 usage problem or files exist (nothing written)."
};

// src/init/templates.ts
var WORKFLOWS = {
  "promote.yml": "# Promote models between environment branches (dev -> staging on weekday mornings, or any pair by hand), then\n# bake the promoted commit and notify the target's environments. The alternative for a single change:\n# publish selected models (with the models they call and their group files) to the target as a pull request.\nname: Promote models\n\non:\n  schedule:\n    - cron: '0 6 * * 1-5' # dev -> staging\n  workflow_dispatch:\n    inputs:\n      from:\n        description: Source branch\n        type: choice\n        options: [dev, staging]\n        default: dev\n      to:\n        description: Target branch\n        type: choice\n        options: [staging, prod]\n        default: staging\n      models:\n        description: 'Publish only these model ids (one per line) as a pull request instead of merging the branch'\n        required: false\n\npermissions:\n  contents: write # push the target branch / the publish branch\n  packages: write # push the image\n  pull-requests: write # publish opens or updates a pull request\n\n# One promotion into a target branch at a time: two runs merging into staging at once would race on the push.\nconcurrency:\n  group: promote-${{ inputs.to || 'staging' }}\n  cancel-in-progress: false\n\nenv:\n  FROM: ${{ inputs.from || 'dev' }}\n  TO: ${{ inputs.to || 'staging' }}\n  REGISTRY: ${{ vars.REGISTRY || 'ghcr.io' }}\n  IMAGE: ${{ vars.IMAGE_REPOSITORY || format('ghcr.io/{0}-backend', github.repository) }}\n  BASE_IMAGE: ${{ vars.BACKEND_BASE_IMAGE || 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0' }}\n\njobs:\n  promote:\n    if: inputs.models == ''\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          fetch-depth: 0\n\n      - name: Promote\n        id: promote\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: promote\n          path: process-models\n          from: ${{ env.FROM }}\n          to: ${{ env.TO }}\n          strategy: merge\n          in-workspace: true # leave the promoted commit checked out for the bake below\n\n      - uses: docker/login-action@v4\n        if: steps.promote.outputs.result != 'up-to-date'\n        with:\n          registry: ${{ env.REGISTRY }}\n          username: ${{ vars.REGISTRY_USERNAME || github.actor }}\n          password: ${{ secrets.REGISTRY_PASSWORD || secrets.GITHUB_TOKEN }}\n\n      - name: Bake the target\n        id: bake\n        if: steps.promote.outputs.result != 'up-to-date'\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: bake\n          path: process-models\n          base-image: ${{ env.BASE_IMAGE }}\n          image: ${{ env.IMAGE }}\n          tags: ${{ env.TO }}\n          push: true\n          validate: false # promote validated the merged tree\n\n      - name: Notify the target's environments\n        if: steps.promote.outputs.result != 'up-to-date'\n        uses: spiff-models/spiff-models@v1\n        env:\n          STAGING_WEBHOOK_SECRET: ${{ secrets.STAGING_WEBHOOK_SECRET }}\n          STAGING_DEPLOY_SECRET: ${{ secrets.STAGING_DEPLOY_SECRET }}\n          PROD_WEBHOOK_SECRET: ${{ secrets.PROD_WEBHOOK_SECRET }}\n          PROD_DEPLOY_SECRET: ${{ secrets.PROD_DEPLOY_SECRET }}\n        with:\n          command: notify\n          environments: ${{ env.TO == 'prod' && vars.PROD_ENVIRONMENTS || vars.STAGING_ENVIRONMENTS }}\n          ref: refs/heads/${{ env.TO }}\n          sha: ${{ steps.promote.outputs.commit }}\n          deploy-image: ${{ env.IMAGE }}\n          deploy-digest: ${{ steps.bake.outputs.digest }}\n          deploy-tags: ${{ steps.bake.outputs.tags }}\n\n  publish:\n    if: inputs.models != ''\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          ref: ${{ env.FROM }}\n          fetch-depth: 0\n\n      - name: Publish selected models as a pull request\n        id: publish\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: publish\n          path: process-models\n          models: ${{ inputs.models }}\n          to: ${{ env.TO }}\n",
  "pull-request.yml": "# Validate process models on every pull request: annotations on the changed files, a job summary that opens with\n# the errors linked to their lines, SARIF for the PR's code scanning view, and a check against the base branch for\n# removed models and process ids (running instances and callers break on them).\nname: Validate process models\n\non:\n  pull_request:\n    paths:\n      - 'process-models/**'\n\npermissions:\n  contents: read\n  security-events: write # upload-sarif\n  actions: read # upload-sarif reads the workflow run (needed on private repositories)\n\nconcurrency:\n  group: validate-${{ github.event.pull_request.number }}\n  cancel-in-progress: true # a newer push to the pull request supersedes this run\n\njobs:\n  validate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          fetch-depth: 0 # --base needs the base branch's history\n\n      - name: Validate\n        id: validate\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: validate\n          path: process-models\n          base: origin/${{ github.base_ref }}\n\n      - name: Upload findings to code scanning\n        if: always() && steps.validate.outputs.sarif-file != ''\n        uses: github/codeql-action/upload-sarif@v4\n        with:\n          sarif_file: ${{ steps.validate.outputs.sarif-file }}\n          category: spiff-models\n",
  "push.yml": "# On every push to the dev branch: validate, bake the models into a read-only backend image, push it, and tell\n# the dev environments: git-synced backends get a signed push event (they pull), baked ones a deploy hook with\n# the new digest. Pushes made with GITHUB_TOKEN trigger no other workflow, so this one notifies itself.\nname: Ship models to dev\n\non:\n  push:\n    branches: [dev]\n    paths:\n      - 'process-models/**'\n\npermissions:\n  contents: read\n  packages: write # push the image to ghcr.io\n\n# One ship per branch at a time, in push order: an older run must not push its image (or notify) after a newer\n# one. Queued runs wait instead of being cancelled, so no push goes unshipped.\nconcurrency:\n  group: ship-${{ github.ref }}\n  cancel-in-progress: false\n\nenv:\n  REGISTRY: ${{ vars.REGISTRY || 'ghcr.io' }}\n  IMAGE: ${{ vars.IMAGE_REPOSITORY || format('ghcr.io/{0}-backend', github.repository) }}\n  # Pin the backend version you test against (a tag or a digest).\n  BASE_IMAGE: ${{ vars.BACKEND_BASE_IMAGE || 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0' }}\n\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          fetch-depth: 0 # the image keeps the history: forms of older instances still load\n\n      - name: Validate\n        id: validate\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: validate\n          path: process-models\n\n      - uses: docker/login-action@v4\n        with:\n          registry: ${{ env.REGISTRY }}\n          username: ${{ vars.REGISTRY_USERNAME || github.actor }}\n          password: ${{ secrets.REGISTRY_PASSWORD || secrets.GITHUB_TOKEN }}\n\n      - name: Bake the models into the backend image\n        id: bake\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: bake\n          path: process-models\n          base-image: ${{ env.BASE_IMAGE }}\n          image: ${{ env.IMAGE }}\n          push: true\n          validate: false # validated above\n\n      - name: Notify the dev environments\n        id: notify\n        uses: spiff-models/spiff-models@v1\n        env:\n          DEV_WEBHOOK_SECRET: ${{ secrets.DEV_WEBHOOK_SECRET }}\n          DEV_DEPLOY_SECRET: ${{ secrets.DEV_DEPLOY_SECRET }}\n        with:\n          command: notify\n          # name, url, kind (spiff | deploy), secret-env; see the README for repository URL overrides\n          environments: ${{ vars.DEV_ENVIRONMENTS }}\n          deploy-image: ${{ env.IMAGE }}\n          deploy-digest: ${{ steps.bake.outputs.digest }}\n          deploy-tags: ${{ steps.bake.outputs.tags }}\n",
  "release.yml": "# On a v* tag: validate, bake an image tagged X.Y.Z, X.Y, X and latest, push it, and attach the validation\n# report to the GitHub release.\nname: Release models\n\non:\n  push:\n    tags: ['v*']\n\npermissions:\n  contents: write # create the release and attach the report\n  packages: write\n\nenv:\n  REGISTRY: ${{ vars.REGISTRY || 'ghcr.io' }}\n  IMAGE: ${{ vars.IMAGE_REPOSITORY || format('ghcr.io/{0}-backend', github.repository) }}\n  BASE_IMAGE: ${{ vars.BACKEND_BASE_IMAGE || 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0' }}\n\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          fetch-depth: 0\n\n      - name: Validate\n        id: validate\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: validate\n          path: process-models\n\n      - uses: docker/login-action@v4\n        with:\n          registry: ${{ env.REGISTRY }}\n          username: ${{ vars.REGISTRY_USERNAME || github.actor }}\n          password: ${{ secrets.REGISTRY_PASSWORD || secrets.GITHUB_TOKEN }}\n\n      - name: Bake the release image\n        id: bake\n        uses: spiff-models/spiff-models@v1\n        with:\n          command: bake\n          path: process-models\n          base-image: ${{ env.BASE_IMAGE }}\n          image: ${{ env.IMAGE }}\n          push: true\n          validate: false\n\n      - name: Attach the validation report to the release\n        if: always() && steps.validate.outputs.report-file != ''\n        uses: softprops/action-gh-release@v2\n        with:\n          files: |\n            ${{ steps.validate.outputs.report-file }}\n            ${{ steps.validate.outputs.sarif-file }}\n          body: |\n            Image `${{ env.IMAGE }}@${{ steps.bake.outputs.digest }}` (models revision ${{ steps.bake.outputs.revision }}).\n"
};

// src/init/plan.ts
var CONFIG_SCHEMA_URL = "https://raw.githubusercontent.com/spiff-models/spiff-models/v1/schemas/config.schema.json";
var EXAMPLE_ROOT = "process-models";
var EXAMPLE_BRANCHES = ["dev", "staging", "prod"];
function adapt(text, s) {
  let out = text;
  if (s.root === ".") {
    out = out.replaceAll(`'${EXAMPLE_ROOT}/**'`, "'**'").replaceAll(`path: ${EXAMPLE_ROOT}`, "path: .");
  } else {
    out = out.replaceAll(`'${EXAMPLE_ROOT}/**'`, `'${s.root}/**'`).replaceAll(`path: ${EXAMPLE_ROOT}`, `path: ${s.root}`);
  }
  const map = new Map(EXAMPLE_BRANCHES.map((b, i) => [b, s.branches[i]]));
  out = out.replace(/(?<![\w-])(dev|staging|prod)(?![\w-])/g, (m) => map.get(m) ?? m);
  if (s.image)
    out = out.replace(
      "vars.IMAGE_REPOSITORY || format('ghcr.io/{0}-backend', github.repository)",
      `vars.IMAGE_REPOSITORY || '${s.image}'`
    );
  return out;
}
function configText() {
  return [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    `$schema: ${CONFIG_SCHEMA_URL}`,
    "# Rule severities: off, warning or error. The rule ids are in the README (spiff-models validate --help).",
    "rules: {}",
    ""
  ].join("\n");
}
function planInit(s) {
  const files = Object.entries(WORKFLOWS).map(([name, text]) => ({
    path: `.github/workflows/${name}`,
    text: adapt(text, s)
  }));
  files.push({
    path: s.root === "." ? ".spiff-models.yml" : `${s.root}/.spiff-models.yml`,
    text: configText()
  });
  return files;
}
function settingsUsed(files) {
  const all = files.map((f) => f.text).join("\n");
  const names = (kind) => [...new Set([...all.matchAll(new RegExp(`\\b${kind}\\.([A-Z][A-Z0-9_]*)`, "g"))].map((m) => m[1]))].filter((n) => n !== "GITHUB_TOKEN").sort();
  return { vars: names("vars"), secrets: names("secrets") };
}

// src/init/cli.ts
var BRANCH = /^[A-Za-z0-9._/-]+$/;
var initCli = {
  name: initSpec.name,
  summary: initSpec.summary,
  usage: usageText(initSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(initSpec, argv);
    if (positionals.length > 1)
      throw new UsageError(`one repository directory at most, got ${positionals.join(" ")}`);
    const repo = path2.resolve(io.cwd, positionals[0] ?? ".");
    if (!fs2.existsSync(repo)) throw new SetupError(`${positionals[0]} does not exist`);
    const branches = values.branches.split(",").map((b) => b.trim());
    if (branches.length !== 3 || !branches.every((b) => BRANCH.test(b)) || new Set(branches).size !== 3)
      throw new UsageError(
        `--branches needs three different branch names, e.g. dev,staging,prod; got '${values.branches}'`
      );
    let root;
    if (values.path) {
      root = path2.relative(repo, path2.resolve(repo, values.path)).split(path2.sep).join("/") || ".";
      if (root.startsWith(".."))
        throw new UsageError(`--path ${values.path} is outside the repository ${repo}`);
      if (!fs2.existsSync(path2.join(repo, root)))
        throw new SetupError(`--path ${values.path}: no such directory`);
    } else {
      root = detectModelsRoot(repo).root;
    }
    const files = planInit({
      root,
      branches,
      image: values.image ?? null
    });
    const existing = files.filter((f) => fs2.existsSync(path2.join(repo, f.path))).map((f) => f.path);
    if (existing.length && !values.force && !values.dryRun)
      throw new SetupError(
        `${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}: nothing written (--force overwrites)`
      );
    const verb = values.dryRun ? "would write" : "wrote";
    for (const f of files) {
      if (!values.dryRun) {
        fs2.mkdirSync(path2.dirname(path2.join(repo, f.path)), { recursive: true });
        fs2.writeFileSync(path2.join(repo, f.path), f.text);
      }
      io.stdout(`${verb} ${f.path}${existing.includes(f.path) ? " (overwritten)" : ""}
`);
    }
    const { vars, secrets } = settingsUsed(files);
    io.stdout(
      [
        "",
        `Models root: ${root === "." ? "the repository root" : root}. Environment branches: ${branches.join(" -> ")}.`,
        "Next steps (repository Settings > Secrets and variables > Actions):",
        `  variables: ${vars.join(", ")} (REGISTRY, REGISTRY_USERNAME and IMAGE_REPOSITORY have defaults)`,
        '    *_ENVIRONMENTS: the environments of each branch, a YAML list (see the README, "The environments list")',
        "    BACKEND_BASE_IMAGE: the spiffworkflow-backend version to bake on (a tag or a digest)",
        `  secrets: ${secrets.join(", ")}`,
        "    the webhook secret of each backend (SPIFFWORKFLOW_BACKEND_GITHUB_WEBHOOK_SECRET) and of each deploy hook",
        `Then commit .github/workflows and push a branch: pull requests touching ${root === "." ? "the repository" : `${root}/`} are validated.`,
        ""
      ].join("\n")
    );
    if (!values.validate) return 0;
    io.stdout(`Validating ${root} with the new configuration:
`);
    return validateCli.run([path2.join(repo, root)], io);
  }
};
export {
  initCli
};
