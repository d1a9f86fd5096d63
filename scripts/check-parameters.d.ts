export const MAX_POSITIONAL: number;
export function tooManyParameters(file: string, code?: string): { line: number; count: number }[];
