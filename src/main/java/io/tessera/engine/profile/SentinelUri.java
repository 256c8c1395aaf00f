package io.tessera.engine.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Redis reached through Sentinel, written in a profile's Redis URI field as
 * {@code redis-sentinel://host1:26379,host2:26379,host3:26379#master-name} ({@code rediss-sentinel://} for TLS; the
 * port defaults to 26379), the form Lettuce and others use. The profile's Redis user and password authenticate to the
 * primary and, unless the URI ends in {@code ?sentinel-auth=none} (before the {@code #}), to the Sentinels too.
 */
public record SentinelUri(List<Address> sentinels, String masterName, boolean tls, boolean authenticateSentinels) {
    public static final String SCHEME = "redis-sentinel";
    public static final String TLS_SCHEME = "rediss-sentinel";
    public static final int DEFAULT_PORT = 26379;

    private static final Pattern FORM = Pattern.compile("(rediss?-sentinel)://([^?#/]+)/?(?:\\?([^#]*))?#(.+)");
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.\\-]+)(?::(\\d{1,5}))?");
    private static final Pattern MASTER = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    public SentinelUri {
        sentinels = List.copyOf(sentinels);
    }

    /** One Sentinel's address. */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Whether a Redis URI names Sentinels rather than one server (it may still be malformed: see {@link #parse}). */
    public static boolean isSentinel(String uri) {
        String lower = uri == null ? "" : uri.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(SCHEME + "://") || lower.startsWith(TLS_SCHEME + "://");
    }

    /** @throws IllegalArgumentException with a line that says what is wrong */
    public static SentinelUri parse(String uri) {
        Matcher form = FORM.matcher(uri == null ? "" : uri.strip());
        if (!form.matches()) {
            throw new IllegalArgumentException("'" + uri + "' is not like redis-sentinel://host1:26379,host2:26379#master-name.");
        }
        List<Address> sentinels = new ArrayList<>();
        for (String part : form.group(2).split(",")) {
            Matcher address = ADDRESS.matcher(part.strip());
            if (!address.matches()) {
                throw new IllegalArgumentException("Sentinel '" + part.strip() + "' is not host:port.");
            }
            int port = address.group(2) == null ? DEFAULT_PORT : Integer.parseInt(address.group(2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Sentinel '" + part.strip() + "': the port must be 1-65535.");
            }
            String host = address.group(1).startsWith("[") ? address.group(1).substring(1, address.group(1).length() - 1) : address.group(1);
            sentinels.add(new Address(host, port));
        }
        if (!MASTER.matcher(form.group(4)).matches()) {
            throw new IllegalArgumentException("Sentinel master name '" + form.group(4) + "': 1-64 letters, digits, dots, dashes or underscores.");
        }
        boolean authenticate = true;
        if (form.group(3) != null && !form.group(3).isEmpty()) {
            if (!form.group(3).equals("sentinel-auth=none")) {
                throw new IllegalArgumentException("The only option of a Sentinel URI is ?sentinel-auth=none (Sentinels without a password), not '"
                        + form.group(3) + "'.");
            }
            authenticate = false;
        }
        return new SentinelUri(sentinels, form.group(4), form.group(1).equals(TLS_SCHEME), authenticate);
    }

    public String toUri() {
        StringBuilder uri = new StringBuilder(tls ? TLS_SCHEME : SCHEME).append("://");
        for (int i = 0; i < sentinels.size(); i++) {
            Address a = sentinels.get(i);
            uri.append(i == 0 ? "" : ",").append(a.host().contains(":") ? "[" + a.host() + "]" : a.host()).append(':').append(a.port());
        }
        return uri.append(authenticateSentinels ? "" : "?sentinel-auth=none").append('#').append(masterName).toString();
    }

    /** For status lines: {@code primary 'tessera' via Sentinels h1:26379, h2:26379}. */
    public String describe() {
        return "primary '" + masterName + "' via Sentinels " + String.join(", ", sentinels.stream().map(Address::toString).toList());
    }
}
