/**
 * Many refreshes in one run: bounded parallelism, one token never refreshed twice at once, every token
 * attempted whatever happens to the others, and one report (worst verdict, counts, table) for the CLI's
 * {@code fleet} and the Jenkins step's list form alike.
 */
package io.jenkins.plugins.tableaupat.core.fleet;
