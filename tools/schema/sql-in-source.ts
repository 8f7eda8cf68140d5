import * as ts from 'typescript';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One SQL statement as written in the source, with what could not be worked out statically left as slots. */
export interface SourceStatement {
  /** `apps/x/src/y.queries.ts:120` */
  where: string;
  /** The text with every unresolved interpolation replaced by SLOT. */
  text: string;
}

/** Stands for an interpolation whose value is only known at run time (a built WHERE list, a parameter number). */
export const SLOT = '\u0000';

/** The house style writes SQL keywords in capitals; prose and audit action names ('update') do not start like this. */
const STATEMENT_START = /^\s*\(?\s*(WITH\s|SELECT\s|INSERT INTO\s|UPDATE\s+\S+\s+(\S+\s+)?SET\s|DELETE FROM\s)/;

/**
 * Finds the SQL statements in the given files: every string or template literal whose value starts
 * like a statement. Interpolated constants and fragment functions (`${COLUMNS}`, `${staffSeesSql(3)}`)
 * are followed through the type checker, across imports, so the statement is checked as it runs.
 */
export function sqlStatementsIn(files: string[], root: string): SourceStatement[] {
  const program = ts.createProgram(files, { allowJs: false, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const fragments = fragmentDeclarations(files, program, checker);
  const statements: SourceStatement[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const text = evaluate(node, checker, new Map());
        if (
          text !== undefined &&
          STATEMENT_START.test(text) &&
          !isInsideStatementTemplate(node) &&
          !fragments.has(owningDeclaration(node))
        ) {
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          statements.push({ where: `${file.slice(root.length + 1)}:${line}`, text });
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return statements;
}

/**
 * Constants and fragment functions that are interpolated into (or added to) other statements, such as
 * `const FAMILY_SELECT = \`SELECT f.* FROM families f\``: each is checked where it is used, with the
 * WHERE its user adds, not alone.
 */
function fragmentDeclarations(files: string[], program: ts.Program, checker: ts.TypeChecker): Set<ts.Node | undefined> {
  const fragments = new Set<ts.Node | undefined>();
  const note = (expression: ts.Expression): void => {
    const target = ts.isCallExpression(expression) ? expression.expression : expression;
    if (ts.isIdentifier(target)) {
      const declaration = declarationOf(target, checker);
      if (declaration) fragments.add(declaration);
    }
  };
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateSpan(node)) note(node.expression);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        note(node.left);
        note(node.right);
      }
      ts.forEachChild(node, visit);
    };
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
  return fragments;
}

/** The const or function whose value this literal is (through an arrow's body or a single return), if any. */
function owningDeclaration(node: ts.Node): ts.Node | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent)) return parent;
    if (ts.isSourceFile(parent) || ts.isClassLike(parent) || ts.isCallExpression(parent)) return undefined;
  }
  return undefined;
}

/** A literal interpolated into another template is part of that statement, not one of its own. */
function isInsideStatementTemplate(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isTemplateSpan(parent)) return true;
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

type Bindings = Map<ts.Declaration, string>;

/** The expression's string value, with SLOT where it depends on run time; undefined if it is not text at all. */
function evaluate(node: ts.Expression, checker: ts.TypeChecker, bindings: Bindings, depth = 0): string | undefined {
  if (depth > 20) return SLOT;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return evaluate(node.expression, checker, bindings, depth + 1);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += (evaluate(span.expression, checker, bindings, depth + 1) ?? SLOT) + span.literal.text;
    return text;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(node.left, checker, bindings, depth + 1);
    const right = evaluate(node.right, checker, bindings, depth + 1);
    return left === undefined && right === undefined ? undefined : (left ?? SLOT) + (right ?? SLOT);
  }
  if (ts.isIdentifier(node)) {
    const declaration = declarationOf(node, checker);
    if (!declaration) return undefined;
    if (bindings.has(declaration)) return bindings.get(declaration);
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConst(declaration)) {
      return evaluate(declaration.initializer, checker, bindings, depth + 1);
    }
    return undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    // A condition list built as `const where = ['a.tenant_id = $1']; if (...) where.push(...)`: what it starts with is always there.
    const list = ts.isIdentifier(node.expression.expression) ? declarationOf(node.expression.expression, checker) : undefined;
    if (!list || !ts.isVariableDeclaration(list) || !list.initializer || !ts.isArrayLiteralExpression(list.initializer)) return undefined;
    const separator = node.arguments[0] ? evaluate(node.arguments[0], checker, bindings, depth + 1) : ',';
    const elements = list.initializer.elements.map((element) => evaluate(element, checker, bindings, depth + 1) ?? SLOT);
    return elements.length > 0 ? [...elements, SLOT].join(separator ?? ' ') : SLOT;
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'tableOf') {
    // libs/messaging's `"schema"."table"` of an entity: the table is the entity's.
    const entity = node.arguments[1] && ts.isIdentifier(node.arguments[1]) ? declarationOf(node.arguments[1], checker) : undefined;
    return entity && ts.isClassDeclaration(entity) ? entityTableName(entity) : undefined;
  }
  if (ts.isCallExpression(node)) {
    const callee = ts.isIdentifier(node.expression) ? declarationOf(node.expression, checker) : undefined;
    const fn = callee && functionOf(callee);
    const body = fn && returnedExpression(fn);
    if (!fn || !body) return undefined;
    const inner: Bindings = new Map(bindings);
    fn.parameters.forEach((parameter, index) => {
      const argument = node.arguments[index];
      const value = argument
        ? evaluate(argument, checker, bindings, depth + 1)
        : parameter.initializer
          ? evaluate(parameter.initializer, checker, bindings, depth + 1)
          : undefined;
      inner.set(parameter, value ?? SLOT);
    });
    return evaluate(body, checker, inner, depth + 1);
  }
  return undefined;
}

function entityTableName(entity: ts.ClassDeclaration): string | undefined {
  for (const decorator of ts.getDecorators(entity) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Entity') continue;
    const [options] = call.arguments;
    if (!options || !ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (
        ts.isPropertyAssignment(property) &&
        ts.isIdentifier(property.name) &&
        property.name.text === 'name' &&
        ts.isStringLiteral(property.initializer)
      )
        return property.initializer.text;
    }
  }
  return undefined;
}

function declarationOf(identifier: ts.Identifier, checker: ts.TypeChecker): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(identifier);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function functionOf(declaration: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  if (
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer &&
    (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
  ) {
    return declaration.initializer;
  }
  return undefined;
}

/** A fragment function's text: an arrow's expression body or a body that is one return. */
function returnedExpression(fn: ts.SignatureDeclaration): ts.Expression | undefined {
  const body = (fn as ts.FunctionLikeDeclarationBase).body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return body;
  const [only] = body.statements;
  return body.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}

/** Not statements the services run: specs, test kits, migrations (DDL, checked through the catalogue), the bench seed's modules and the web app. */
const NOT_SERVICE_SQL = /\.spec\.ts$|\/migrations\/|\/testing\/|^apps\/web\/|^libs\/testing\/|bench-seed(-[a-z]+)?\.ts$/;

/** Every TypeScript file of the apps and libs whose SQL runs in production. */
export function serviceSourceFiles(root: string): string[] {
  const files: string[] = [];
  for (const top of ['apps', 'libs']) {
    for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = relative(root, join(entry.parentPath, entry.name));
      if (/^(apps|libs)\/[^/]+\/src\//.test(path) && !NOT_SERVICE_SQL.test(path)) files.push(join(root, path));
    }
  }
  return files.sort();
}
