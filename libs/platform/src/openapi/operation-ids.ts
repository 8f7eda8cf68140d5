/**
 * An operation's id within its service, from the controller and the handler: `SchoolsController.list`
 * is `listSchools`, `.get` is `getSchool`, `PupilsController.move` is `movePupil`; a handler named
 * with its own object (`addMember`, `importBankHolidays`) keeps its name. A handler whose derived id
 * reads wrong names its own in `@ApiOperation({ operationId })`. The gateway's merge prefixes the
 * service (`scheduling.listSchools`); the linter's operation-operationId-unique keeps them unique.
 */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const noun = controllerKey.replace(/Controller$/, '');
  if (/[A-Z]/.test(methodKey)) return methodKey;
  if (methodKey === 'list') return `list${noun}`;
  return `${methodKey}${singular(noun)}`;
}

/** English plurals as controller names spell them (Schools, Classes, Families, Staff). */
export function singular(noun: string): string {
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(noun)) return noun.slice(0, -2);
  if (/[^s]s$/.test(noun)) return noun.slice(0, -1);
  return noun;
}
