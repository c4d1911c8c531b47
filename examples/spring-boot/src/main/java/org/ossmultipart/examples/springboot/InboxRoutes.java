package org.ossmultipart.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The two routes; every OSS setting comes from application.properties. */
@Component
public class InboxRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{example.inbox}}?delete=true&readLock=changed&readLockCheckInterval=200")
                .routeId("inbox-to-oss")
                .to("oss-multipart:{{example.bucket}}")
                .log(
                        "Uploaded ${header.CamelOssKey}: ${header.CamelOssObjectSize} bytes, ${header.CamelOssPartCount} parts, "
                                + "CRC-64 ${header.CamelOssCrc64}");

        from("oss-multipart:{{example.bucket}}?delay={{example.janitor-delay}}&includeParts=true")
                .routeId("janitor")
                .log("Aborting stale upload ${header.CamelOssUploadId} of ${header.CamelOssKey} "
                        + "(${header.CamelOssStoredBytes} bytes stored)");
    }
}
