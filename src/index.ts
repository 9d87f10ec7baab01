/** Programmatic API: every stage of the pipeline, callable without the CLI. */
export * from './core/types.js';
export * from './core/errors.js';
export { parseYamlFile, locate, type ParsedFile } from './core/parse.js';
export { parseProject, type ParsedProject, type ProjectFiles } from './core/project.js';
export { resolveConfig, type Config } from './core/config.js';
export { readProject, loadProject } from './io/project.js';
export { compileBundle, type BundleMeta } from './core/compile/index.js';
export { signPayload, generateKeyPair, unsignedEnvelope, serializeEnvelope, type GeneratedKeyPair } from './core/sign.js';
export { readCommitInfo, type CommitInfo } from './git/commit-info.js';
export { compileProjectToDisk, type CompileOptions, type CompileResult, type CompiledBundleFile } from './io/compile.js';
export { generateKeyToDisk, readSigningKey, type KeygenOptions, type KeygenResult } from './io/keys.js';
export { verifyBundleFile, type VerifyFileOptions, type VerifyFileResult } from './io/verify.js';
export { explainFlag, parseContext, type ExplainOptions, type ExplainResult } from './io/eval.js';
export { verifyBundle, canonicalJson, isExpired, keyIdOf, type TrustedKey, type VerifyFailure, type VerifyResult } from './sdk/bundle/index.js';
export { lintProject, sortDiagnostics, RULES, type LintOptions, type LintRule, type LintContext, type LintFinding } from './core/lint/index.js';
export { checkSchema, validateAgainst, SCHEMAS, type SchemaName } from './core/schema.js';
export { lintDir, type LintResult } from './io/lint.js';
