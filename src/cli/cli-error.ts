/** An error the command line prints as it is (a sentence for the operator), without "Error:" or a stack. */
export class CliError extends Error {}
