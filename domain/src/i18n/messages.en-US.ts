import type { ServerMessageKey } from './messages.zh-CN.ts';

/**
 * English wording of the server's message keys, for the console in en-US (form rules, and the keys the
 * server sends beside its Chinese errors and todo items). The server itself answers in Chinese. Exactly
 * the keys of messages.zh-CN.ts: a missing or extra key does not compile.
 */
const foundation: Record<ServerMessageKey, string> = {
  // generic errors
  'error.validation': 'Some entries are not valid; please correct them as shown',
  'error.unauthenticated': 'Please sign in first',
  'error.sessionExpired': 'Your session has expired; please sign in again',
  'error.forbidden': 'You are not allowed to do this',
  'error.notFound': 'The record was not found or is outside your scope',
  'error.conflict': 'Someone else changed the record; refresh and try again',
  'error.tooLarge': 'The submission is too large',
  'file.archive.tooLarge':
    'The file expands too far or holds too many files (at most 64 MB and 1000 files uncompressed); split it and upload again',
  'file.markup': 'The image carries web page or script code and cannot be attached',
  'file.trailing': 'The image has extra data after its end (a motion photo, say); save it as an ordinary photo and upload again',
  'file.pdfActive':
    'The PDF holds automatic actions, scripts or embedded files and cannot be attached; print it to a plain PDF and upload again',
  'file.type': 'Attachments must be JPG or PNG images or PDF files',
  'file.name': 'Provide a file name',
  'file.name.tooLong': 'The file name is too long (at most 120 characters)',
  'file.tooMany': 'At most 9 attachments per record',
  'error.unsupportedType': 'The file type is not supported',
  'error.rateLimited': 'Too many requests; please try again later',
  'error.csrf': 'The page has expired; refresh and try again',
  'error.internal': 'The system is busy; please try again later',
  'error.mustChangePassword': 'Please change your password before the first use',
  'error.idempotencyMismatch': 'The same request ID was sent with different content',
  'error.idempotencyUnanswered': 'This request was already processed; refresh the page to see the result',
  // database and storage faults (issue 15 findings 2, 4, 5)
  'error.databaseUnavailable': 'The database is not answering; please try again shortly',
  'error.databaseBusy': 'The data is in use by another operation; please try again shortly',
  'error.storageFull': 'The server storage is full; nothing can be saved until an administrator frees space',
  'error.restartRequired': 'The server failed to write to its storage; an administrator must restart it',
  // auth
  'auth.invalidCredentials': 'Wrong username or password',
  'auth.locked': 'Too many failed sign-ins; the account is locked for 15 minutes',
  'auth.disabled': 'Wrong username or password',
  'auth.username.required': 'Enter your username',
  'auth.password.required': 'Enter your password',
  'auth.password.wrong': 'The current password is wrong',
  'auth.password.reused': 'The new password must differ from the current one',
  'auth.totp.format': 'Enter the 6-digit code',
  'auth.totp.invalid': 'The code is wrong or has already been used',
  'auth.totp.notPending': 'No verification code is needed now',
  // password policy
  'password.required': 'Enter a password',
  'password.tooShort': 'The password needs at least 8 characters',
  'password.tooLong': 'The password cannot exceed 128 characters',
  'password.classes': 'The password needs three of: upper case, lower case, digits, symbols',
  'password.common': 'The password is too common or easy to guess (a common password, a keyboard run, a simple repeat); choose another',
  'password.pattern':
    'The password is a common word, pinyin or keyboard run followed by digits or symbols (like Qwerty123!, Woaini@1314) and easy to guess; choose another, a short phrase of several words works',
  'password.containsUsername': 'The password cannot contain the username',
  // users
  'user.username.format': 'Usernames have 3–32 letters, digits, underscores, dots or hyphens',
  'user.username.taken': 'This username is already taken',
  'user.displayName.required': 'Enter the name',
  'user.displayName.tooLong': 'The name cannot exceed 30 characters',
  'user.roles.required': 'Select at least one role',
  'user.role.notGrantable': 'You cannot grant this role',
  'user.role.adminMix': 'A system, security or audit administrator account holds no other role',
  'user.region.notGrantable': 'The region must lie inside your scope',
  'user.role.self': 'You cannot change your own roles or region; the security administrator does',
  'user.self.disable': 'You cannot disable your own account',
  'user.self.reset': 'Use "Change password" to change your own password',
  // regions
  'region.code.invalid': 'The region code is not valid',
  'region.notFound': 'The region does not exist or is outside your scope',
  'region.notVillage': 'Only villages (communities) have this setting',
  'group.name.required': 'Enter the name of the villager group',
  'group.name.tooLong': 'The group name cannot exceed 30 characters',
  'group.name.taken': 'The village already has a group of this name',
  'group.full': 'The village has used up its villager group numbers',
  // personal data
  'personal.mobile.invalid': 'The mobile number is not valid',
  'personal.idCard.invalid': 'The ID number fails its check',
  'personal.uscc.invalid': 'The unified social credit code fails its check',
  // legal (一村一法律顾问)
  'legal.name.required': 'Enter the name',
  'legal.gender.required': 'Select the gender',
  'legal.category.required': 'Select the category',
  'legal.text.tooLong': 'The text is too long',
  'legal.date.invalid': 'Dates must be in the form YYYY-MM-DD',
  'legal.fee.invalid': 'The fee must be an amount of 0 or more',
  'legal.contract.period': 'The contract end cannot be before its start',
  'legal.advisor.required': 'Select a legal advisor',
  'legal.idNumber.taken': 'This ID number is already on the legal advisor roster',
  'legal.import.notXlsx': 'Upload an Excel (.xlsx) file',
  'legal.import.badHeader': 'The header does not match the template; download the template and fill it in',
  'legal.import.empty': 'The file has no data rows',
  'legal.import.tooMany': 'At most 2,000 rows can be imported at once',
  'legal.import.duplicateInFile': 'The ID number repeats an earlier row of the file',
  'legal.gender.invalid': 'Gender must be 男 (male) or 女 (female)',
  'legal.category.invalid': 'The category is not one of the options; see the "说明" sheet of the template',
  'legal.advisor.notActive': 'This legal advisor is not on duty and cannot be assigned',
  'legal.advisor.outsideRegion': 'Legal advisors can only be assigned to villages inside their own region',
  'legal.village.notVillage': 'Select a village (community)',
  'legal.assignment.villageTaken': 'This village already has a legal advisor on duty; use "Hand over"',
  'legal.assignment.ended': 'This assignment has ended',
  'legal.assignment.dateBeforeStart': 'The date cannot be before the start of the assignment',
  'legal.assignment.sameAdvisor': 'Hand over to a different legal advisor',
  // todo items
  'todo.access.locked.title': 'Accounts are locked after repeated failed sign-ins',
  'todo.access.locked.description': 'Accounts: {count}; they unlock after 15 minutes, or reset the password under Users',
  'todo.legal.poorUncovered.title': 'Poor villages still lack a legal advisor',
  'todo.legal.poorUncovered.description':
    'Poor villages: {count}; all must be covered by the end of the year (one legal advisor per village)',
  // zod fallbacks
  'zod.required': 'This field is required',
  'zod.invalid': 'The format is not valid',
  'zod.unknownField': 'This field is not allowed',
};

/** The foundation's English texts and every registered module's (`registerMessages` in messages.zh-CN.ts). */
export const enUS: Record<string, string> = { ...foundation };
