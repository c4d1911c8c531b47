package org.ossmultipart.camel.oss;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint given as a bucket's own domain, as the OSS console shows it ({@code
 * https://my-bucket.oss-cn-hangzhou.aliyuncs.com}), would otherwise become {@code
 * my-bucket.my-bucket.oss-...}: the bucket named is taken off when it is the client's bucket (with
 * an INFO), and refused when it is another one or the client serves any bucket.
 */
final class BucketDomains {

    private static final Logger LOG = LoggerFactory.getLogger(BucketDomains.class);

    /** {@code <bucket>.<OSS service host>}: public, internal, acceleration and dual-stack hosts. */
    private static final Pattern BUCKET_DOMAIN =
            Pattern.compile("([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\\.((oss-[a-z0-9-]+|[a-z0-9-]+\\.oss)\\.aliyuncs\\.com)");

    private BucketDomains() {}

    static URI serviceEndpoint(URI endpoint, String bucket, boolean cname) {
        if (cname) {
            return endpoint; // a custom domain is the bucket's by definition
        }
        Matcher m = BUCKET_DOMAIN.matcher(endpoint.getHost().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return endpoint;
        }
        String named = m.group(1);
        if (bucket == null) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' is the domain of bucket '" + named
                    + "'; give the service endpoint, https://" + m.group(2));
        }
        if (!named.equals(bucket)) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' is the domain of bucket '" + named
                    + "', not of bucket '" + bucket + "'; give the service endpoint, https://" + m.group(2));
        }
        try {
            URI service = new URI(endpoint.getScheme(), null, m.group(2), endpoint.getPort(), null, null, null);
            LOG.info("endpoint '{}' is bucket {}'s domain: the service endpoint {} is used", endpoint, bucket, service);
            return service;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
