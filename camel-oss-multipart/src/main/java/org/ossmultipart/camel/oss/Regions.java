package org.ossmultipart.camel.oss;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Region ids as users write them, made sure of before any request: what is unambiguous is
 * normalised (with an INFO saying so), what is wrong is refused, a region not in the known list is
 * accepted with a WARN (new regions open; an OSS-compatible service may have its own).
 */
public final class Regions {

    private static final Logger LOG = LoggerFactory.getLogger(Regions.class);

    /** The OSS regions known when this was written (help.aliyun.com, regions and endpoints). */
    public static final Set<String> KNOWN = Set.of(
            "cn-hangzhou",
            "cn-shanghai",
            "cn-nanjing",
            "cn-fuzhou",
            "cn-wuhan-lr",
            "cn-qingdao",
            "cn-beijing",
            "cn-zhangjiakou",
            "cn-huhehaote",
            "cn-wulanchabu",
            "cn-shenzhen",
            "cn-heyuan",
            "cn-guangzhou",
            "cn-chengdu",
            "cn-hongkong",
            "cn-shanghai-finance-1",
            "cn-shenzhen-finance-1",
            "cn-beijing-finance-1",
            "cn-north-2-gov-1",
            "us-west-1",
            "us-east-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-southeast-1",
            "ap-southeast-3",
            "ap-southeast-5",
            "ap-southeast-6",
            "ap-southeast-7",
            "ap-south-1",
            "eu-central-1",
            "eu-west-1",
            "me-east-1",
            "me-central-1",
            "rg-china-mainland");

    private Regions() {}

    /** The region id to use for what the user wrote; null for null. */
    public static String normalise(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String r = written.trim().toLowerCase(Locale.ROOT);
        if (r.startsWith("oss-")) {
            r = r.substring(4); // the form in endpoint names: oss-cn-hangzhou
        }
        if (r.endsWith("-internal")) {
            throw new IllegalArgumentException("region names the internal endpoint: set region="
                    + r.substring(0, r.length() - 9) + " and endpointType=internal, was '" + written + "'");
        }
        if (!r.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException(
                    "region must be a region id such as cn-hangzhou (letters, digits and '-'), was '" + written + "'");
        }
        if (!KNOWN.contains(r)) {
            String near = nearest(r);
            if (near != null) {
                throw new IllegalArgumentException(
                        "region '" + written + "' is not an OSS region: did you mean " + near + "?");
            }
            LOG.warn(
                    "region '{}' is not among the OSS regions known to this version ({}): requests will go to it as"
                            + " written",
                    written,
                    new TreeSet<>(KNOWN));
        }
        if (!r.equals(written)) {
            LOG.info("region '{}' is read as '{}'", written, r);
        }
        return r;
    }

    /** A known region one or two edits away (a typo), else null. */
    private static String nearest(String r) {
        return KNOWN.stream()
                .filter(k -> distance(k, r) <= 2)
                .min((a, b) -> Integer.compare(distance(a, r), distance(b, r)))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
