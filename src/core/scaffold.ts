import { addDays, relativeFrom, renderFlagFile } from './flag-template.js';
import type { SourceFile } from './types.js';

/** Where flag files find the shipped schemas once flagops is installed. */
export const INSTALLED_SCHEMAS = 'node_modules/flagops/schemas';

/** The files `flags init` writes, relative to the repository root. Existing files are never replaced. */
export function scaffoldFiles(options: { today: string; dir?: string }): SourceFile[] {
  const dir = options.dir ?? 'flags';
  const schemas = relativeFrom(dir, INSTALLED_SCHEMAS);
  return [
    { path: `${dir}/flagops.yaml`, text: configText(`${schemas}/config.schema.json`) },
    {
      path: `${dir}/example-flag.yaml`,
      text: renderFlagFile({
        key: 'example-flag',
        kind: 'release',
        owner: 'your-team',
        description: 'An example release flag: edit it, or delete it once you have your own',
        expires: addDays(options.today, 90),
        environments: ['production', 'staging'],
        schemaPath: `${schemas}/flag.schema.json`,
      }),
    },
    { path: `${dir}/segments/.gitkeep`, text: '' },
    { path: `${dir}/tests/.gitkeep`, text: '' },
    { path: '.github/workflows/flags.yml', text: workflowText(dir) },
  ];
}

function configText(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# flagops project config. Flags live beside this file, one YAML file per flag.
environments: [production, staging]

signing:
  # Public keys SDKs trust; \`flags keygen\` adds one. The private key never lives in the repository.
  keys: []

bundle:
  dir: dist/flags
  ttl: 30d

defaults:
  bucketBy: userId
`;
}

function workflowText(dir: string): string {
  return `name: flags
on:
  pull_request:
    paths: ['${dir}/**']
  push:
    branches: [main]
    paths: ['${dir}/**']
jobs:
  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx flags lint ${dir} --format github
      - if: github.event_name == 'pull_request'
        run: npx flags check --format github
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
`;
}
