package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The PAT credentials of a sign-in body, JSON or XML (Tableau accepts both). {@code toString} leaves out the
 * secret.
 */
record SignInCredentials(String tokenName, String secret, String site) {

    /** Parses the body, or throws 400000 when it is not a PAT sign-in document. */
    static SignInCredentials parse(String body, String contentType) {
        String trimmed = body == null ? "" : body.strip();
        boolean json = trimmed.startsWith("{")
                || (contentType != null && contentType.toLowerCase().contains("json") && !trimmed.startsWith("<"));
        try {
            SignInCredentials c = json ? fromJson(trimmed) : fromXml(trimmed);
            if (c.tokenName == null || c.secret == null) {
                throw badRequest("Missing personalAccessTokenName or personalAccessTokenSecret");
            }
            return c;
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            throw badRequest("Payload is either malformed or incomplete");
        }
    }

    private static SignInCredentials fromJson(String body) throws Exception {
        JsonNode credentials = Reply.JSON.readTree(body).get("credentials");
        if (credentials == null || !credentials.isObject()) {
            throw badRequest("Missing credentials element");
        }
        return new SignInCredentials(text(credentials.get("personalAccessTokenName")),
                text(credentials.get("personalAccessTokenSecret")),
                site(text(credentials.path("site").get("contentUrl"))));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static SignInCredentials fromXml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // No DTDs or external entities: the body is untrusted input.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler()); // silent: errors become 400, not stderr noise
        Document doc = b.parse(new InputSource(new StringReader(body)));
        NodeList list = doc.getElementsByTagName("credentials");
        if (!"tsRequest".equals(doc.getDocumentElement().getTagName()) || list.getLength() != 1) {
            throw badRequest("Missing credentials element");
        }
        Element c = (Element) list.item(0);
        NodeList sites = c.getElementsByTagName("site");
        String site = sites.getLength() == 0 ? null : attr((Element) sites.item(0), "contentUrl");
        return new SignInCredentials(attr(c, "personalAccessTokenName"), attr(c, "personalAccessTokenSecret"),
                site(site));
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** A missing site means the Default site, as on Tableau Server. */
    private static String site(String contentUrl) {
        return contentUrl == null ? "" : contentUrl;
    }

    private static ApiError badRequest(String detail) {
        return new ApiError(400, "400000", "Bad Request", detail);
    }

    @Override
    public String toString() {
        return "SignInCredentials[tokenName=" + tokenName + ", site=" + site + "]";
    }
}
