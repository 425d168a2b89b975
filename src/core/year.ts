/**
 * The year a disclosure is written for, when nobody says: the one before today's. Final accounts
 * (决算) are drawn up and published in the year after the one they close, so in 2026 a unit
 * prepares its 2025 决算. Every command and the pane take the same default.
 */
export function defaultYear(today: Date = new Date()): number {
  return today.getFullYear() - 1;
}
