/**
 * Table analysis for the rules RF101–RF105 and the hover: read each table of the model
 * (read.ts), check its arithmetic under every reasonable reading (check.ts and its passes), explain a
 * total (explain.ts).
 */
export { allTables, analyzeTables, tableAnalysis } from './analysis';
export type { Addend, MalformedNumber, Reading, Repair, TableAnalysis, TotalCheck } from './check';
export type { ReadTable, TableColumn, TableRow } from './read';
export { formatNumber } from './format';
export { explainTotalAt, type ExplainedTotal, type TotalExplanation } from './explain';
