package io.jenkins.plugins.tableaupat.simulator;

/** Minimal XML writing for the fixed tsResponse shapes; escaping is the only subtle part. */
final class Xml {
    static final String PROLOG = "<?xml version='1.0' encoding='UTF-8'?>";
    static final String OPEN = PROLOG + "<tsResponse xmlns=\"http://tableau.com/api\">";
    static final String CLOSE = "</tsResponse>";

    private Xml() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code name="value"} with a leading space, or nothing when the value is null. */
    static String attr(String name, Object value) {
        return value == null ? "" : " " + name + "=\"" + esc(String.valueOf(value)) + "\"";
    }
}
