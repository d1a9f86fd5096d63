import { strToU8, zipSync } from 'fflate';
import type { QdaProject } from './model.ts';
import { exportedText, sourceFileName, writeProjectXml } from './writer.ts';

/**
 * A .qdpx archive: project.qde at the root and each source's plain text under sources/, the layout
 * ATLAS.ti, NVivo, MAXQDA and QualCoder read.
 */
export function buildQdpx(project: QdaProject): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(writeProjectXml(project)) };
  for (const source of project.sources) files[`sources/${sourceFileName(source)}`] = strToU8(exportedText(source.text));
  return zipSync(files, { level: 6, mtime: new Date(project.createdAt) });
}
