import type { Code } from './types.ts';

/** The codes of the codebook as options of a select, by name. */
export function CodeOptions({ codes }: { codes: Pick<Code, 'id' | 'name'>[] }) {
  return codes.map((code) => (
    <option key={code.id} value={code.id}>
      {code.name}
    </option>
  ));
}
