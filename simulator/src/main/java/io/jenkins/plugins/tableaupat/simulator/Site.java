package io.jenkins.plugins.tableaupat.simulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A site: its id is derived from the content URL so that it stays the same across runs. */
record Site(String id, String name, String contentUrl) {

    static Site of(String contentUrl) {
        String id = UUID.nameUUIDFromBytes(("site:" + contentUrl).getBytes(StandardCharsets.UTF_8)).toString();
        return new Site(id, contentUrl.isEmpty() ? "Default" : contentUrl, contentUrl);
    }
}
