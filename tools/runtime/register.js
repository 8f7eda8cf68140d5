// Runs TypeScript sources directly (npm start, tools, Jest global set-up), resolving `@tutti/...` aliases.
process.env.SWC_NODE_PROJECT = require('node:path').join(__dirname, '..', '..', 'tsconfig.runtime.json');
require('@swc-node/register');
