/** The small part of jstat (which ships no types) that the analysis core uses. */
declare module 'jstat' {
  interface JStat {
    chisquare: { cdf(x: number, degreesOfFreedom: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
    gammaln(x: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
