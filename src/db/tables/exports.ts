/** A running export's order of cases (see the migration 2026_11_29_0010_export_orders). */
export interface ExportOrderTable {
  export_id: string;
  /** md5 of the round's id and the response's id: stable, and unrelated to the order of answering. */
  position: string;
  response_id: string;
  created_at: string;
}

export interface ExportsTables {
  export_orders: ExportOrderTable;
}
