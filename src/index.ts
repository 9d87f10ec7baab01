/** Programmatic API: every stage of the pipeline, callable without the CLI. */
export * from './core/types.js';
export * from './core/errors.js';
export { parseYamlFile, locate, type ParsedFile } from './core/parse.js';
export { parseProject, type ParsedProject, type ProjectFiles } from './core/project.js';
export { resolveConfig, type Config } from './core/config.js';
export { readProject, loadProject } from './io/project.js';
