/**
 * Table cells as data: `parseCell` reads one cell, `inferColumn` and `typeTable` type columns
 * and report malformed cells, `describeUnit` names a header's unit, `formatCell` and
 * `formatValue` format values for charts and tooltips. The modules under ./cells/ hold the parts.
 */
export type {
  Cell,
  CellIssue,
  CellType,
  ColumnType,
  DateCell,
  IntegerCell,
  MoneyCell,
  NumberCell,
  NumericCell,
  PercentCell,
  TextCell,
  TypedCell,
  YearCell,
} from './cells/types.ts';
export { parseCell } from './cells/parse.ts';
export { describeUnit, inferColumn, isBlank, typeTable } from './cells/column.ts';
export type { InferredColumn, TableData, TypedTable } from './cells/column.ts';
export { formatCell, formatValue } from './cells/format.ts';
export type { FormatOptions } from './cells/format.ts';
export { applyHeaderUnit, headerUnit, readColumnCell } from './cells/units.ts';
export type { HeaderUnit } from './cells/units.ts';
export { canShareAxis, currencyGroups } from './cells/currencyGroups.ts';
export type { AxisVerdict } from './cells/currencyGroups.ts';
