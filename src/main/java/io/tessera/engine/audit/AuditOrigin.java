package io.tessera.engine.audit;

import java.net.InetAddress;

/** Which program on which host an action came from: {@code console@host}, {@code cli@host}, {@code worker@host}. */
public record AuditOrigin(String program, String host) {
    public static AuditOrigin of(String program) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return new AuditOrigin(program, host);
    }

    @Override
    public String toString() {
        return program + "@" + host;
    }
}
