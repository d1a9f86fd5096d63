/** How many files a person sent per kind in one clock hour (photos, imports): kept in the database so every app process sees it. */
export interface UploadCountTable {
  user_id: string;
  kind: string;
  window_start: string;
  uploads: number;
}

export interface UploadsTables {
  upload_counts: UploadCountTable;
}
