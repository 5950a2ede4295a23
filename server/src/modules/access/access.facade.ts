/**
 * The access module's public face (issue 14, "Boundaries enforced"): the user lookups other modules
 * need (the person behind an id, a username, their roles, whether login names exist). Other modules import this file only,
 * never the users repository.
 */
export { existingUsernames, findUserById, findUserByUsername, rolesOf, type UserRow } from './users.repository.ts';
