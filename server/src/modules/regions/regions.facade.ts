/**
 * The regions module's public face (issue 14, "Boundaries enforced"): what other modules may use of
 * 行政区划 — lookups of region rows, the place names of lists (`RegionsService.pathsOf`) and the
 * import of the national division data. Other modules import this file only, never the module's
 * repository, service or import files, so those stay free to change shape.
 */
export { childRegions, findRegion, findRegions, villagesPerPrefix, type RegionRow } from './regions.repository.ts';
export { RegionsService } from './regions.service.ts';
export { importDivisions, readDivisionRows, storeDivisionRows, type ImportRow } from './regions.import.ts';
