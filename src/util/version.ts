export const VERSION = '0.1.0';

/**
 * How a user runs this tool outside a checkout: the package is not on the npm registry (it ships as git tags),
 * so npx installs the release tag from GitHub.
 */
export const RUN_COMMAND = 'npx github:spiff-models/spiff-models#v1';
