/**
 * The fleet-wide view of tokens that a long-running host (the Jenkins plugin) keeps across refreshes:
 * one {@link io.jenkins.plugins.tableaupat.core.overview.TokenRecord} per token, a size-bounded
 * {@link io.jenkins.plugins.tableaupat.core.overview.TokenOverview}, the rule that says which tokens need
 * attention ({@link io.jenkins.plugins.tableaupat.core.overview.AttentionRule}, with an injectable clock),
 * the most-urgent-first order, and the memory of what an administrator already dismissed.
 */
package io.jenkins.plugins.tableaupat.core.overview;
