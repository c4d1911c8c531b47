package org.ossmultipart.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Runs the local OSS server standalone, for offline development, from a checkout of this project (the
 * testkit jar carries no dependencies and is no runnable jar: Maven puts its class path together):
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl camel-oss-multipart-testkit exec:java -Dexec.args="[options]"
 *
 * options: [--port 9000] [--host 127.0.0.1] [--region cn-hangzhou]
 *      [--access-key-id ID --access-key-secret SECRET] [--data-dir DIR | --discard] [--bucket NAME]...
 *      [--sts-role ARN]... [--oidc-provider ARN --oidc-token-file PATH]   (a local STS: AssumeRole of
 *                                          these roles, and RRSA with the token the file holds)
 *      [--rtt-ms N] [--connection-mib-s X] [--total-mib-s Y]   (a shaped link: latency per request,
 *                                                              upload MiB/s per connection and in total)
 *      [--requester-pays BUCKET]... [--other-account-key ID:SECRET]...   (requester-pays buckets, and keys
 *                                          of another account, which must send x-oss-request-payer)
 *      [--cname HOST=BUCKET]...            (a custom domain: requests with this Host address the bucket)
 *      [--tls-keystore FILE.p12 [--tls-password PW]]   (HTTPS with that key and certificate; password
 *                                          changeit by default)
 *      [--fault-rate R [--fault-seed N]]   (random faults on a fraction R of the requests: 503, throttling,
 *                                          resets mid-body, slow answers, damaged bytes; replayable by seed)
 * </pre>
 *
 * Credentials may also come from {@code OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET}.
 */
public final class LocalOssServerMain {

    private LocalOssServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalOssServer.Builder builder = LocalOssServer.builder().port(9000);
        String accessKeyId = System.getenv("OSS_ACCESS_KEY_ID");
        String accessKeySecret = System.getenv("OSS_ACCESS_KEY_SECRET");
        long rttMillis = 0;
        double connectionMibS = 0;
        double totalMibS = 0;
        List<String> stsRoles = new ArrayList<>();
        List<String[]> otherAccounts = new ArrayList<>();
        Path tlsKeystore = null;
        double faultRate = 0;
        long faultSeed = 1;
        String tlsPassword = "changeit";
        String oidcProvider = null;
        Path oidcTokenFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return;
            }
            if (arg.equals("--discard")) {
                builder.discardContent(true);
                continue;
            }
            if (i + 1 >= args.length) {
                fail("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> builder.port(parsePort(value));
                case "--host" -> builder.host(value);
                case "--region" -> builder.region(value);
                case "--access-key-id" -> accessKeyId = value;
                case "--access-key-secret" -> accessKeySecret = value;
                case "--data-dir" -> builder.dataDirectory(Path.of(value));
                case "--bucket" -> builder.bucket(value);
                case "--rtt-ms" -> rttMillis = (long) parseNumber(arg, value);
                case "--connection-mib-s" -> connectionMibS = parseNumber(arg, value);
                case "--total-mib-s" -> totalMibS = parseNumber(arg, value);
                case "--sts-role" -> stsRoles.add(value);
                case "--oidc-provider" -> oidcProvider = value;
                case "--oidc-token-file" -> oidcTokenFile = Path.of(value);
                case "--requester-pays" -> builder.requesterPays(value);
                case "--tls-keystore" -> tlsKeystore = Path.of(value);
                case "--fault-rate" -> faultRate = parseNumber(arg, value);
                case "--fault-seed" -> faultSeed = (long) parseNumber(arg, value);
                case "--tls-password" -> tlsPassword = value;
                case "--cname" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0 || eq == value.length() - 1) {
                        fail("--cname must be HOST=BUCKET, was " + value);
                    }
                    builder.cname(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--other-account-key" -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0 || colon == value.length() - 1) {
                        fail("--other-account-key must be ID:SECRET, was " + value);
                    }
                    otherAccounts.add(new String[] {value.substring(0, colon), value.substring(colon + 1)});
                }
                default -> fail("unknown option " + arg);
            }
        }
        if ((accessKeyId == null) != (accessKeySecret == null)) {
            fail("give both --access-key-id and --access-key-secret, or neither");
        }
        if (accessKeyId != null) {
            builder.credentials(accessKeyId, accessKeySecret);
        }
        builder.link(LinkShape.of(rttMillis, connectionMibS, totalMibS));
        if (tlsKeystore != null) {
            builder.tls(tlsContext(tlsKeystore, tlsPassword));
        }
        LocalOssServer server = builder.build().start();
        otherAccounts.forEach(k -> server.addCredentialsOfAnotherAccount(k[0], k[1]));
        if (faultRate > 0) {
            if (faultRate > 1) {
                fail("--fault-rate must be 0..1, was " + faultRate);
            }
            server.faults().atRate(faultRate, faultSeed);
            System.out.println(
                    "Local OSS server: random faults on " + faultRate * 100 + "% of the requests, seed " + faultSeed);
            Thread counter = new Thread(
                    () -> {
                        // a soak run reads this line to count the faults, even of a server killed with -9
                        while (true) {
                            long n = server.faults().randomFaultsInjected().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum();
                            System.out.println("Local OSS server: random faults injected " + n);
                            try {
                                Thread.sleep(1000);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "local-oss-fault-count");
            counter.setDaemon(true);
            counter.start();
        }
        System.out.println("Local OSS server: endpoint " + server.endpoint() + ", region " + server.region()
                + ", access key id " + (accessKeyId != null ? accessKeyId : LocalOssServer.DEFAULT_ACCESS_KEY_ID)
                + (accessKeyId != null ? "" : ", secret " + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)
                + ", link " + server.linkShape() + (server.isDiscardingContent() ? ", discard storage" : "")
                + ". Ctrl-C stops it.");
        if ((oidcProvider == null) != (oidcTokenFile == null)) {
            fail("give both --oidc-provider and --oidc-token-file, or neither");
        }
        if (!stsRoles.isEmpty()) {
            LocalStsServer sts = new LocalStsServer(server);
            stsRoles.forEach(sts::allowRole);
            if (oidcProvider != null) {
                sts.acceptOidcTokenFile(oidcProvider, oidcTokenFile);
            }
            sts.start();
            Runtime.getRuntime().addShutdownHook(new Thread(sts::close, "local-sts-stop"));
            System.out.println(
                    "Local STS: endpoint " + sts.endpoint() + " (set stsEndpoint or ALIBABA_CLOUD_STS_ENDPOINT"
                            + " to it), roles " + stsRoles
                            + (oidcProvider == null
                                    ? ""
                                    : "; RRSA offline: ALIBABA_CLOUD_ROLE_ARN=" + stsRoles.get(0)
                                            + " ALIBABA_CLOUD_OIDC_PROVIDER_ARN=" + oidcProvider
                                            + " ALIBABA_CLOUD_OIDC_TOKEN_FILE=" + oidcTokenFile));
        } else if (oidcProvider != null) {
            fail("--oidc-provider needs an --sts-role to assume");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            stopped.countDown();
                        },
                        "local-oss-shutdown"));
        stopped.await();
    }

    /** HTTPS with the key and certificate of a PKCS12 keystore (e.g. one keytool -genkeypair made). */
    private static SSLContext tlsContext(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            fail("--tls-keystore " + keystore + " cannot be read as PKCS12 with that password: " + e.getMessage());
            return null;
        }
    }

    private static double parseNumber(String option, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d < 0) {
                fail(option + " must be 0 or more, was " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            fail(option + " must be a number, was " + value);
            return 0;
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("--port must be a number 0..65535, was " + value);
            return 0;
        }
    }

    private static void usage() {
        System.out.println("usage: LocalOssServerMain [--port 9000] [--host 127.0.0.1] [--region cn-hangzhou]"
                + " [--access-key-id ID --access-key-secret SECRET] [--data-dir DIR | --discard] [--bucket NAME]..."
                + " [--sts-role ARN]... [--oidc-provider ARN --oidc-token-file PATH]"
                + " [--requester-pays BUCKET]... [--other-account-key ID:SECRET]... [--cname HOST=BUCKET]..."
                + " [--tls-keystore FILE.p12 [--tls-password PW]] [--fault-rate 0.02 [--fault-seed N]]"
                + " [--rtt-ms N] [--connection-mib-s X] [--total-mib-s Y]");
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        usage();
        System.exit(2);
    }
}
