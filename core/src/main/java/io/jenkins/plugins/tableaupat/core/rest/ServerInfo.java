package io.jenkins.plugins.tableaupat.core.rest;

import io.jenkins.plugins.tableaupat.core.ApiVersion;

/** What serverinfo says: the product version (may be null) and the newest REST API version. */
public record ServerInfo(String productVersion, ApiVersion restApiVersion) {
}
