// Filled in by the foundation work: starts one embedded PostgreSQL for the whole test run.
export default function setup(): void {}
