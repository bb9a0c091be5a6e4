/** Paper sizes (long side, short side) in inches that administrative scans come on. */
const PAPERS = [
  { name: 'A4', long: 11.69, short: 8.27 },
  { name: 'ID-1 card', long: 3.37, short: 2.125 },
  { name: 'Letter', long: 11, short: 8.5 },
] as const;

/**
 * Guess the resolution of an image without a trustworthy density from its aspect ratio. A5 shares A4's aspect ratio
 * and cannot be told apart, so √2 pages are taken as A4 (the common case in dossiers); other shapes return null and
 * the pixels are left as they are.
 */
export function estimateDpi(width: number, height: number, tolerance = 0.03): number | null {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const aspect = long / short;
  for (const paper of PAPERS) {
    const paperAspect = paper.long / paper.short;
    if (Math.abs(aspect - paperAspect) / paperAspect <= tolerance) return long / paper.long;
  }
  return null;
}

/** Densities that image writers put in by default and that therefore say nothing about the scan. */
export function isPlaceholderDensity(density: number | undefined): boolean {
  return density === undefined || density <= 0 || density === 72 || density === 96;
}
