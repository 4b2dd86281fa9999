package io.pylon.server.trust.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./pylon verify}: the offline verifier. Needs no running platform.
 * <pre>
 *   ./pylon verify receipt BUNDLE.json [--key KEY.pem]
 *   ./pylon verify audit --jdbc URL [--user U] [--password P] --key KEY.pem
 * </pre>
 * Exit status 0 = verified / intact, 1 = a check failed, 2 = bad usage or input.
 */
public final class VerifyMain {

    private VerifyMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length < 1) {
            return usage();
        }
        Map<String, String> options = new HashMap<>();
        String file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                return usage();
            }
        }
        try {
            PublicKey key = options.containsKey("key") ? Keys.ed25519(Files.readString(Path.of(options.get("key")))) : null;
            return switch (args[0]) {
                case "receipt" -> file == null ? usage() : receipt(Files.readString(Path.of(file), StandardCharsets.UTF_8), key);
                case "audit" -> options.containsKey("jdbc") && key != null ? audit(options, key) : usage();
                default -> usage();
            };
        } catch (Exception e) {
            System.err.println("verify: " + e.getMessage());
            return 2;
        }
    }

    private static int receipt(String bundle, PublicKey key) {
        ReceiptVerifier.Result result = ReceiptVerifier.verify(bundle, key);
        result.checks().forEach(c -> System.out.println("ok    " + c));
        result.problems().forEach(p -> System.out.println("FAIL  " + p));
        System.out.println(result.ok() ? "VERIFIED" : "NOT VERIFIED");
        return result.ok() ? 0 : 1;
    }

    private static int audit(Map<String, String> options, PublicKey key) throws Exception {
        try (Connection db = DriverManager.getConnection(options.get("jdbc"), options.getOrDefault("user", ""),
                options.getOrDefault("password", ""))) {
            LogAudit.Report report = LogAudit.run(db, key);
            System.out.println("entries " + report.entries() + ", signed tree heads " + report.treeHeads());
            report.findings().forEach(f -> System.out.println("FAIL  " + f));
            System.out.println(report.intact() ? "INTACT" : "TAMPERED (first changed entry: " + report.firstChangedEntry() + ")");
            return report.intact() ? 0 : 1;
        }
    }

    private static int usage() {
        System.err.println("""
                usage: ./pylon verify receipt BUNDLE.json [--key KEY.pem]
                       ./pylon verify audit --jdbc URL [--user U] [--password P] --key KEY.pem
                  receipt  checks a receipt bundle (GET /api/v1/me/orders/{id}/transparency): record hash, inclusion
                           proof and tree head signature; --key pins the platform key (GET /api/v1/transparency/public/key)
                  audit    recomputes every hash of the log in a Pylon database and names the first changed record""");
        return 2;
    }
}
