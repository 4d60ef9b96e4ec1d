/**
 * The {@code ./labelloop} command line: one {@link io.labelloop.cli.Subcommand} per command (serve, import, export,
 * simulate, bench), found through {@link java.util.ServiceLoader}, and the options the bench suites read.
 */
package io.labelloop.cli;
