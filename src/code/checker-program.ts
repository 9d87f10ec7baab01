import { Project, ts } from 'ts-morph';
import { relativeImports, type CodeFile } from './prefilter.js';
import { collectReads, locateReads, scriptKind, type ReadPatterns, type ScanResult } from './scan.js';
import { resolveKey } from './key-resolver.js';

export interface CheckerScan extends ScanResult {
  /** Files the program parsed. */
  parsed: number;
}

export interface CheckerInput {
  /** Files with a read that syntax could not resolve. */
  roots: CodeFile[];
  /** The code file a relative specifier names, read on demand. */
  importTarget: (from: string, specifier: string) => CodeFile | undefined;
  patterns: ReadPatterns;
  /** Whether a file (absolute path) was written by `flags codegen`. */
  isGenerated: (absolute: string) => boolean;
}

/**
 * The fallback for what syntax cannot resolve: a type-checked program over the roots and what they
 * import (relative imports, a few levels deep), no lib files. Building it is most of a slow scan's
 * time, so only files that need it go in.
 */
export function resolveWithChecker(input: CheckerInput): CheckerScan {
  const program = buildProgram(input.roots, input.importTarget);
  const checker = program.getTypeChecker();
  const result: CheckerScan = { references: [], dynamic: [], parsed: program.getSourceFiles().length };
  for (const file of input.roots) {
    const sf = program.getSourceFile(file.absolute)!;
    const found = locateReads(sf, file.path, collectReads(sf, input.patterns), (expr) => resolveKey(expr, checker, input.isGenerated));
    result.references.push(...found.references);
    result.dynamic.push(...found.dynamic);
  }
  return result;
}

function buildProgram(roots: CodeFile[], importTarget: CheckerInput['importTarget']): ts.Program {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      allowJs: true, noLib: true, noResolve: false, types: [], jsx: ts.JsxEmit.Preserve,
      module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022,
    },
  });
  const added = new Set<string>();
  let level: CodeFile[] = roots;
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: CodeFile[] = [];
    for (const file of level) {
      if (added.has(file.path)) continue;
      added.add(file.path);
      project.createSourceFile(file.absolute, file.text, { overwrite: true, scriptKind: scriptKind(file.path) });
      for (const spec of relativeImports(file.text)) {
        const target = importTarget(file.path, spec);
        if (target && !added.has(target.path)) next.push(target);
      }
    }
    level = next;
  }
  return project.getProgram().compilerObject;
}
