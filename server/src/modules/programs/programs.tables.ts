/** Tables of the `programs` module (storage conventions in core/db/schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module grows
export interface ProgramsTables {}
